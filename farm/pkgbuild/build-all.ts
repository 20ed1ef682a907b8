import PQueue from 'p-queue';
import { BuildFailed, FarmError } from '../errors/index.js';
import type { CacheEntry } from '../cache/cache.js';
import type { PackageKey } from '../keys/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import type { FarmEvent } from '../report/events.js';
import { buildPackage, type BuildContext } from './build-package.js';

export interface BuildAllInput {
  /** Topological order of every package to have (built or cached). */
  readonly order: readonly string[];
  readonly recipes: ReadonlyMap<string, EvaluatedRecipe>;
  readonly keys: ReadonlyMap<string, PackageKey>;
  /** Per package: the packages unpacked into its sysroot, in topological order. */
  readonly sysroot: ReadonlyMap<string, readonly string[]>;
  /** The build's environment, given how many parallel jobs its `make -j` may use ($JOBS). */
  readonly envFor: (pkg: string, jobs: number) => Readonly<Record<string, string>>;
  readonly concurrency: number;
  /** Cores to share among the builds running at once (see fairJobs). */
  readonly cores: number;
  readonly keepGoing: boolean;
  /** Packages whose sources could not be had, with why: each fails unless its output is cached. */
  readonly unavailable?: ReadonlyMap<string, Error>;
  /**
   * Among packages ready at once, the higher goes first (the work left below it: see
   * graph's remainingWork); without one, topological order. Never changes an output.
   */
  readonly priority?: ReadonlyMap<string, number>;
}

export interface BuildFailure {
  readonly pkg: string;
  readonly error: unknown;
}

export interface BuildAllResult {
  readonly entries: ReadonlyMap<string, CacheEntry>;
  readonly built: readonly string[];
  readonly cached: readonly string[];
  readonly cutoff: readonly string[];
  readonly failed: readonly BuildFailure[];
  readonly skipped: readonly { readonly pkg: string; readonly because: string }[];
  readonly interrupted: boolean;
}

/**
 * How many jobs a build's `make -j` gets when it starts: the cores shared among the builds
 * that run or are ready to run (at most `concurrency`), rounded up. A package that starts
 * alone (a dependency chain, the tail of a run) gets every core; outputs never depend on it
 * ($JOBS is not part of any key).
 */
export function fairJobs(cores: number, concurrency: number, busy: number): number {
  return Math.max(1, Math.ceil(cores / Math.max(1, Math.min(concurrency, busy))));
}

/**
 * Build every package in dependency order, independent packages in parallel.
 * A package is started only when its whole sysroot is available. A cached key
 * (or an early-cutoff match) starts no container. The first failure stops new
 * work unless `keepGoing`, in which case only its dependents are skipped.
 */
export async function buildAll(ctx: BuildContext, input: BuildAllInput): Promise<BuildAllResult> {
  const run = new BuildRun(ctx, input);
  run.schedule();
  await run.idle();
  run.skipNeverStarted();
  return run.result();
}

/** One buildAll: what is done, failed, skipped or started so far, and the queue its builds run in. */
class BuildRun {
  private readonly entries = new Map<string, CacheEntry>();
  private readonly built: string[] = [];
  private readonly cached: string[] = [];
  private readonly cutoff: string[] = [];
  private readonly failed: BuildFailure[] = [];
  private readonly skipped: { pkg: string; because: string }[] = [];
  private readonly done = new Set<string>();
  /** A package that will not run, and the failed package that stopped it. */
  private readonly blocked = new Map<string, string>();
  private readonly started = new Set<string>();
  private stopping = false;
  private readonly queue: PQueue;

  constructor(
    private readonly ctx: BuildContext,
    private readonly input: BuildAllInput,
  ) {
    this.queue = new PQueue({ concurrency: Math.max(1, input.concurrency) });
  }

  /** Start every package whose sysroot is done; skip those below a failure. Called again as each package ends. */
  schedule(): void {
    const ready: string[] = [];
    for (const pkg of this.input.order) {
      if (this.started.has(pkg)) continue;
      const cause = this.deps(pkg).find((d) => this.blocked.has(d) || this.failed.some((f) => f.pkg === d));
      if (cause !== undefined || this.blocked.has(pkg)) {
        this.skipBlocked(pkg, cause);
        continue;
      }
      if (this.deps(pkg).every((d) => this.done.has(d))) ready.push(pkg);
    }
    // Highest priority first: a free slot takes the first package added, before the queue can sort.
    const priority = (pkg: string): number => this.input.priority?.get(pkg) ?? 0;
    for (const pkg of ready.sort((a, b) => priority(b) - priority(a))) {
      this.started.add(pkg);
      void this.queue.add(() => this.run(pkg), { priority: priority(pkg) });
    }
  }

  idle(): Promise<void> {
    return this.queue.onIdle();
  }

  /** Anything never started (stopped after a failure or interrupted) is reported as skipped. */
  skipNeverStarted(): void {
    for (const pkg of this.input.order) {
      if (!this.started.has(pkg)) {
        const because = this.ctx.signal.aborted ? 'interrupted' : 'the build stopped after a failure';
        this.skipped.push({ pkg, because });
        this.ctx.sink({ type: 'build-skipped', pkg, because });
      }
    }
  }

  result(): BuildAllResult {
    const { entries, built, cached, cutoff, failed, skipped } = this;
    return { entries, built, cached, cutoff, failed, skipped, interrupted: this.ctx.signal.aborted };
  }

  private deps(pkg: string): readonly string[] {
    return this.input.sysroot.get(pkg) ?? [];
  }

  private entryOf(pkg: string): CacheEntry {
    const e = this.entries.get(pkg);
    if (e === undefined) throw new Error(`${pkg} used before it was built`);
    return e;
  }

  /** A package below a failure is skipped, and so, through it, are its dependents. */
  private skipBlocked(pkg: string, cause: string | undefined): void {
    this.started.add(pkg);
    const because = `dependency ${this.blocked.get(pkg) ?? cause} failed`;
    this.skipped.push({ pkg, because });
    this.ctx.sink({ type: 'build-skipped', pkg, because });
    for (const other of this.input.order) {
      if (this.deps(other).includes(pkg) && !this.blocked.has(other)) this.blocked.set(other, this.blocked.get(pkg) ?? cause ?? pkg);
    }
  }

  private async run(pkg: string): Promise<void> {
    const recipe = this.input.recipes.get(pkg);
    const k = this.input.keys.get(pkg);
    if (recipe === undefined || k === undefined) throw new Error(`unknown package ${pkg}`);
    try {
      const entry = (await this.fromCache(pkg, k)) ?? (await this.build(pkg, recipe, k));
      if (entry === undefined) return;
      this.entries.set(pkg, entry);
      this.done.add(pkg);
    } catch (error) {
      this.fail(pkg, error);
    } finally {
      this.schedule();
    }
  }

  /** The cached output of the package's key, or of the same recipe over the same dependency outputs (early cutoff). */
  private async fromCache(pkg: string, k: PackageKey): Promise<CacheEntry | undefined> {
    const hit = await this.ctx.cache.get(k.key);
    if (hit !== undefined) {
      this.ctx.sink({ type: 'build-cached', pkg, key: k.key, via: 'key', files: hit.meta.files, bytes: hit.meta.bytes });
      this.cached.push(pkg);
      return hit;
    }
    const depOutputs = Object.fromEntries(this.deps(pkg).map((d) => [d, this.entryOf(d).meta.outputSha256]));
    const early = await this.ctx.cache.findCutoff(k.selfHash, depOutputs);
    if (early !== undefined) {
      await this.ctx.cache.alias(k.key, early.meta.key);
      this.ctx.sink({ type: 'build-cached', pkg, key: k.key, via: 'cutoff', files: early.meta.files, bytes: early.meta.bytes });
      this.cutoff.push(pkg);
      return early;
    }
    return undefined;
  }

  /** Build the package in its container; undefined (skipped) once the run is stopping or interrupted. */
  private async build(pkg: string, recipe: EvaluatedRecipe, k: PackageKey): Promise<CacheEntry | undefined> {
    if (this.stopping || this.ctx.signal.aborted) {
      const because = this.ctx.signal.aborted ? 'interrupted' : 'the build stopped after a failure';
      this.skipped.push({ pkg, because });
      this.ctx.sink({ type: 'build-skipped', pkg, because });
      return undefined;
    }
    const missing = this.input.unavailable?.get(pkg);
    if (missing !== undefined) throw missing;
    const { cores, concurrency } = this.input;
    const entry = await buildPackage(this.ctx, {
      evaluated: recipe,
      key: k.key,
      selfHash: k.selfHash,
      inputs: k.inputs,
      sysroot: this.deps(pkg).map((d) => ({ pkg: d, entry: this.entryOf(d) })),
      // p-queue: `pending` runs (this build included), `size` waits with its dependencies done.
      env: this.input.envFor(pkg, fairJobs(cores, concurrency, this.queue.pending + this.queue.size)),
    });
    this.built.push(pkg);
    return entry;
  }

  private fail(pkg: string, error: unknown): void {
    this.failed.push({ pkg, error });
    // Reported as it happens (a long --keep-going run shows each failure when it comes), and again
    // in the CLI's summary at the end.
    const event = failedEvent(pkg, error);
    if (event !== undefined) this.ctx.sink(event);
    if (!this.input.keepGoing) this.stopping = true;
    for (const other of this.input.order) {
      if (!this.blocked.has(other) && this.deps(other).includes(pkg)) this.blocked.set(other, pkg);
    }
  }
}

/** The build-failed event for a failure; none for an interruption, which is the run's, not the package's. */
function failedEvent(pkg: string, error: unknown): FarmEvent | undefined {
  if (error instanceof BuildFailed) return { type: 'build-failed', pkg, reason: error.reason, logTail: error.logTail.slice(-10), logFile: error.logFile };
  if (error instanceof FarmError && error.code === 'INTERRUPTED') return undefined;
  const message = error instanceof Error ? error.message : String(error);
  const reason = message.startsWith(`${pkg}: `) ? message.slice(pkg.length + 2) : message;
  return { type: 'build-failed', pkg, reason, logTail: [], logFile: undefined };
}
