import { BuildFailed, FarmError } from '../errors/index.js';
import { assign, NO_NEEDS, unplaceable, type PackageNeeds } from '../pool/index.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { CacheEntry } from '../cache/cache.js';
import type { PackageKey } from '../keys/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import type { FarmEvent } from '../report/events.js';
import { buildPackage, prepareBuild, type BuildContext, type PreparedBuild } from './build-package.js';

export interface BuildAllInput {
  /** Topological order of every package to have (built or cached). */
  readonly order: readonly string[];
  readonly recipes: ReadonlyMap<string, EvaluatedRecipe>;
  readonly keys: ReadonlyMap<string, PackageKey>;
  /** Per package: the packages unpacked into its sysroot, in topological order. */
  readonly sysroot: ReadonlyMap<string, readonly string[]>;
  /** The build container's environment ($JOBS apart: run.sh exports it when the build starts). */
  readonly envFor: (pkg: string) => Readonly<Record<string, string>>;
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
  /**
   * The engines builds run on (an engine pool); without them, ctx.runtime alone with
   * `concurrency` slots and `cores` cores, and events name no engine.
   */
  readonly engines?: readonly PoolEngine[];
  /** What each package asks of its engine (its recipe's memory and features); none by default. */
  readonly needs?: ReadonlyMap<string, PackageNeeds>;
}

/** An engine of the pool, as the executor uses it. */
export interface PoolEngine {
  readonly name: string;
  readonly runtime: ContainerRuntime;
  /** Builds it runs at once. */
  readonly jobs: number;
  /**
   * Cores its builds share (their `make -j`): the machine's for the local engine, else its jobs
   * until it is ready; then what it says it has (`cores()`, docker info's NCPU) when it says.
   */
  readonly cores: number;
  readonly memoryBytes: number | undefined;
  readonly features: readonly string[];
  /**
   * Resolves once the engine can take builds (the builder image there with the right id, stale
   * containers swept); called before each build on it, so it must be memoized. A rejection puts
   * the engine down: its packages go elsewhere.
   */
  readonly ready: () => Promise<void>;
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
  /** With a pool: the engine each built package was built on. */
  readonly builtOn?: ReadonlyMap<string, string>;
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
 * Build every package in dependency order, independent packages in parallel, on the pool's
 * engines. A package is started only when its whole sysroot is available. A cached key
 * (or an early-cutoff match) starts no container. The first failure stops new
 * work unless `keepGoing`, in which case only its dependents are skipped. A build that fails
 * because its engine went away is built again on another; with no engine left, what is left fails.
 * On one engine, the containers of the next packages are made and filled with their sources
 * while their dependencies build (see prepareAhead), and a finished build's container is removed
 * while the next one runs; the run returns once every container it made is gone.
 */
export async function buildAll(ctx: BuildContext, input: BuildAllInput): Promise<BuildAllResult> {
  const run = new BuildRun(ctx, input);
  run.schedule();
  await run.idle();
  await run.disposeAll();
  run.skipNeverStarted();
  return run.result();
}

/** An engine during one run: the builds running on it (at most its `jobs`), and whether it is still up. */
interface EngineState {
  readonly engine: PoolEngine;
  running: number;
  up: boolean;
  /** The running build that was given every core (see jobsFor), if one is. */
  lead: string | undefined;
  /** The cores its builds share: the engine's `cores` until it says how many it has. */
  cores: number;
  /** Asking the engine for its cores (once, when it is first made ready; never for the local engine alone). */
  asking: Promise<void> | undefined;
}

/** One buildAll: what is done, failed, skipped or started so far, and the engines its builds run on. */
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
  /** Not in the cache, sysroot done: waiting for a slot on an engine that fits it. */
  private readonly waiting: string[] = [];
  private readonly engines: EngineState[];
  private readonly builtOn = new Map<string, string>();
  /** Packages whose build is running, on any engine. */
  private readonly runningOn = new Set<string>();
  /** Builds prepared ahead (their container made and filled, or being so), by package, until the package starts or ends. */
  private readonly ahead = new Map<string, Promise<PreparedBuild>>();
  /** Builds being prepared ahead (their container still being made): while one is, no other is prepared ahead. */
  private readonly pending = new Set<Promise<PreparedBuild>>();
  /** Prepared builds being disposed of (their containers removed) in the background. */
  private readonly disposals = new Set<Promise<void>>();
  /** Each package's place in the topological order. */
  private readonly ranks: ReadonlyMap<string, number>;
  /** Pool engine names are shown only for a pool the caller gave. */
  private readonly named: boolean;
  /** Cache lookups and builds under way. */
  private inflight = 0;
  /** Cache lookups under way: nothing is dispatched until they are over, so the ready set is whole and the highest priority goes first. */
  private looking = 0;
  private stopping = false;
  private settle: (() => void) | undefined;
  private readonly settled: Promise<void>;

  constructor(
    private readonly ctx: BuildContext,
    private readonly input: BuildAllInput,
  ) {
    const pool = input.engines ?? [
      {
        name: 'local',
        runtime: ctx.runtime,
        jobs: Math.max(1, input.concurrency),
        cores: input.cores,
        memoryBytes: undefined,
        features: [],
        ready: () => Promise.resolve(),
      },
    ];
    this.named = input.engines !== undefined;
    this.ranks = new Map(input.order.map((pkg, i) => [pkg, i]));
    this.engines = pool.map((engine) => ({ engine, running: 0, up: true, lead: undefined, cores: engine.cores, asking: this.named ? undefined : Promise.resolve() }));
    this.settled = new Promise((resolve) => (this.settle = resolve));
  }

  /** Look up every package whose sysroot is done; skip those below a failure. Called again as each package ends. */
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
    for (const pkg of ready.sort((a, b) => this.priority(b) - this.priority(a))) {
      this.started.add(pkg);
      this.track(this.lookUp(pkg));
    }
    this.dispatch();
    this.prepareAhead();
  }

  /** Dispose of the builds prepared for packages that never started, then wait until every container the run made is removed. */
  async disposeAll(): Promise<void> {
    for (const pkg of [...this.ahead.keys()]) this.dropAhead(pkg);
    while (this.disposals.size > 0) await Promise.all([...this.disposals]);
  }

  /** Resolves when nothing runs and nothing more can start. */
  idle(): Promise<void> {
    this.checkSettled();
    return this.settled;
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
    return { entries, built, cached, cutoff, failed, skipped, interrupted: this.ctx.signal.aborted, ...(this.named ? { builtOn: this.builtOn } : {}) };
  }

  private rank(pkg: string): number {
    return this.ranks.get(pkg) ?? 0;
  }

  private priority(pkg: string): number {
    return this.input.priority?.get(pkg) ?? 0;
  }

  private needs(pkg: string): PackageNeeds {
    return this.input.needs?.get(pkg) ?? NO_NEEDS;
  }

  private deps(pkg: string): readonly string[] {
    return this.input.sysroot.get(pkg) ?? [];
  }

  private entryOf(pkg: string): CacheEntry {
    const e = this.entries.get(pkg);
    if (e === undefined) throw new Error(`${pkg} used before it was built`);
    return e;
  }

  private track(work: Promise<void>): void {
    this.inflight++;
    void work.finally(() => {
      this.inflight--;
      this.schedule();
      this.checkSettled();
    });
  }

  private checkSettled(): void {
    if (this.inflight === 0 && this.waiting.length === 0) this.settle?.();
  }

  /** A package below a failure is skipped, and so, through it, are its dependents. */
  private skipBlocked(pkg: string, cause: string | undefined): void {
    this.started.add(pkg);
    this.dropAhead(pkg);
    const because = `dependency ${this.blocked.get(pkg) ?? cause} failed`;
    this.skipped.push({ pkg, because });
    this.ctx.sink({ type: 'build-skipped', pkg, because });
    for (const other of this.input.order) {
      if (this.deps(other).includes(pkg) && !this.blocked.has(other)) this.blocked.set(other, this.blocked.get(pkg) ?? cause ?? pkg);
    }
  }

  /** The cache first (no engine needed); what it lacks waits for a slot. */
  private async lookUp(pkg: string): Promise<void> {
    this.looking++;
    try {
      const k = this.keyOf(pkg);
      const entry = await this.fromCache(pkg, k);
      if (entry !== undefined) {
        this.dropAhead(pkg);
        this.finish(pkg, entry);
        return;
      }
      const missing = this.input.unavailable?.get(pkg);
      if (missing !== undefined) throw missing;
      this.waiting.push(pkg);
    } catch (error) {
      this.fail(pkg, error);
    } finally {
      this.looking--;
    }
  }

  /** Start what waits on the engines with free slots that fit it; skip it once the run is stopping. */
  private dispatch(): void {
    if (this.stopping || this.ctx.signal.aborted) {
      for (const pkg of this.waiting.splice(0)) {
        this.dropAhead(pkg);
        const because = this.ctx.signal.aborted ? 'interrupted' : 'the build stopped after a failure';
        this.skipped.push({ pkg, because });
        this.ctx.sink({ type: 'build-skipped', pkg, because });
      }
      return;
    }
    if (this.looking > 0) return;
    this.failUnplaceable();
    const slots = this.engines.map((e) => ({
      name: e.engine.name,
      free: e.engine.jobs - e.running,
      memoryBytes: e.engine.memoryBytes,
      features: e.engine.features,
      up: e.up,
    }));
    // Ties keep the topological order, whatever order the cache lookups ended in.
    const ready = [...this.waiting].sort((a, b) => this.rank(a) - this.rank(b)).map((pkg) => ({ pkg, priority: this.priority(pkg), needs: this.needs(pkg) }));
    for (const { pkg, engine } of assign(ready, slots)) {
      const state = this.engines.find((e) => e.engine.name === engine) as EngineState;
      this.waiting.splice(this.waiting.indexOf(pkg), 1);
      state.running++;
      this.track(this.buildOn(state, pkg));
    }
  }

  /**
   * $JOBS of a build starting on an engine: every core and one more for the lead (the package
   * with the most work left below it among those running and waiting, when no other build on
   * the engine holds the lead: the run ends with it, and it is alone once the shorter builds
   * beside it are done), the fair share for the others. The one more is make's usual -j N+1: a
   * job waiting on the disk (a container's overlay writes every object file) leaves its core to
   * another. The lead's make may share the cores with theirs for a while.
   */
  private jobsFor(state: EngineState, pkg: string): number {
    const fair = fairJobs(state.cores, state.engine.jobs, state.running + this.waiting.length);
    const leadFree = state.lead === undefined || !this.runningOn.has(state.lead);
    const most = Math.max(...this.waiting.map((p) => this.priority(p)), ...[...this.runningOn].map((p) => this.priority(p)));
    if (!leadFree || this.priority(pkg) < most) return fair;
    state.lead = pkg;
    return Math.max(fair, state.cores + 1);
  }

  /** Waiting packages that no engine still up can build: they fail, naming what they need (or that no engine is left). */
  private failUnplaceable(): void {
    const slots = this.engines.map((e) => ({ name: e.engine.name, free: 0, memoryBytes: e.engine.memoryBytes, features: e.engine.features, up: e.up }));
    const lost = unplaceable(new Map(this.waiting.map((pkg) => [pkg, this.needs(pkg)])), slots);
    for (const pkg of lost) {
      this.waiting.splice(this.waiting.indexOf(pkg), 1);
      this.fail(pkg, this.noEngineFor(pkg));
    }
  }

  private noEngineFor(pkg: string): FarmError {
    const down = this.engines.filter((e) => !e.up).map((e) => e.engine.name);
    if (this.engines.every((e) => !e.up)) {
      return new FarmError('ENGINE_UNAVAILABLE', `${pkg}: no engine is left to build on (down: ${down.join(', ')})`, {
        hint: 'check the engines (docker info against each URL) and run the build again: what was built is cached',
      });
    }
    const n = this.needs(pkg);
    const asks = [
      n.memoryBytes === undefined ? '' : `memory ${Math.round(n.memoryBytes / 1024 ** 2)} MiB`,
      n.features.length === 0 ? '' : `features ${n.features.join(', ')}`,
    ]
      .filter((x) => x !== '')
      .join(' and ');
    return new FarmError('ENGINE_UNAVAILABLE', `${pkg}: no engine that is up offers what its recipe asks (${asks})`, {
      hint: "give an engine that memory or those features (default.lua's engines, --engine URL features=...)",
    });
  }

  private keyOf(pkg: string): PackageKey {
    const k = this.input.keys.get(pkg);
    if (k === undefined || !this.input.recipes.has(pkg)) throw new Error(`unknown package ${pkg}`);
    return k;
  }

  private finish(pkg: string, entry: CacheEntry): void {
    this.entries.set(pkg, entry);
    this.done.add(pkg);
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

  /**
   * Build the package in a container on `state`'s engine. When the build fails and the engine no
   * longer answers (or never became ready), the engine is put down and the package waits for
   * another; any other failure is the package's.
   */
  private async buildOn(state: EngineState, pkg: string): Promise<void> {
    const recipe = this.input.recipes.get(pkg) as EvaluatedRecipe;
    const k = this.keyOf(pkg);
    this.runningOn.add(pkg);
    let prepared = this.takeAhead(pkg);
    try {
      if (this.stopping || this.ctx.signal.aborted) {
        this.waiting.push(pkg);
        return;
      }
      const ctx = this.contextOn(state);
      const env = this.input.envFor(pkg);
      const ready = this.readyOrDown(state);
      // The next package's container may be made beside this one: the engine unpacks each
      // archive on one core, so two fill side by side in about the time of one.
      if (prepared === undefined) {
        prepared = ready.then(() => prepareBuild(ctx, { evaluated: recipe, key: k.key, env }));
        // A failure is the build's: it is thrown where buildPackage awaits the container.
        void prepared.catch(() => undefined);
      }
      await ready;
      const jobs = this.jobsFor(state, pkg);
      const entry = await buildPackage(
        ctx,
        {
          evaluated: recipe,
          key: k.key,
          selfHash: k.selfHash,
          inputs: k.inputs,
          sysroot: this.deps(pkg).map((d) => ({ pkg: d, entry: this.entryOf(d) })),
          env,
          jobs,
        },
        prepared,
      );
      this.built.push(pkg);
      this.builtOn.set(pkg, state.engine.name);
      this.finish(pkg, entry);
    } catch (error) {
      if (await this.engineLost(state, error)) this.waiting.push(pkg);
      else this.fail(pkg, error);
    } finally {
      state.running--;
      this.runningOn.delete(pkg);
      // Removed while the next build runs: the slot is free now.
      if (prepared !== undefined) this.disposeLater(prepared);
    }
  }

  /** The build context on `state`'s engine (a pool's engines are named in events). */
  private contextOn(state: EngineState): BuildContext {
    return this.named ? { ...this.ctx, runtime: state.engine.runtime, engine: state.engine.name } : this.ctx;
  }

  /**
   * On one engine, make the containers of the packages that start next while the builds run: a
   * package waiting for a slot, or one whose dependencies are all built, building or prepared
   * ahead themselves (in a release stage, busybox's while musl builds and tcc's is made), the
   * most work below it first. One is prepared at a time (beside the containers that starting
   * builds make for themselves), and at most as many wait prepared as the engine runs builds.
   * What prepareBuild does (re-packing the sources, making the container, putting the recipe
   * and sources in) depends on no other package, so the package starts with only its sysroot
   * and run.sh to put in. A package that then turns out cached, or never starts, has its
   * prepared build disposed of. Never changes an output: the container and what is put in it
   * are the same, in the same order, as when it is made at the start.
   */
  private prepareAhead(): void {
    const [state] = this.engines;
    if (this.engines.length !== 1 || state === undefined || !state.up || this.stopping || this.ctx.signal.aborted) return;
    if (this.pending.size > 0 || this.ahead.size >= state.engine.jobs) return;
    const pkg = this.nextToPrepare();
    if (pkg === undefined) return;
    const k = this.keyOf(pkg);
    const prepared = this.preparing(
      (async () => {
        await state.engine.ready();
        return prepareBuild(this.contextOn(state), { evaluated: this.input.recipes.get(pkg) as EvaluatedRecipe, key: k.key, env: this.input.envFor(pkg) });
      })(),
    );
    this.ahead.set(pkg, prepared);
  }

  /** A build being prepared: counted in `pending` until it is made; then the next may be prepared ahead. */
  private preparing(prepared: Promise<PreparedBuild>): Promise<PreparedBuild> {
    this.pending.add(prepared);
    // A failure is the build's: it is thrown where the build awaits its prepared container.
    void prepared
      .catch(() => undefined)
      .finally(() => {
        this.pending.delete(prepared);
        this.prepareAhead();
      });
    return prepared;
  }

  private nextToPrepare(): string | undefined {
    const failed = new Set(this.failed.map((f) => f.pkg));
    const candidates = this.input.order.filter((pkg) => {
      if (this.ahead.has(pkg) || this.runningOn.has(pkg) || this.done.has(pkg) || this.blocked.has(pkg) || failed.has(pkg)) return false;
      if (this.input.unavailable?.has(pkg) === true) return false;
      if (this.waiting.includes(pkg)) return true;
      return !this.started.has(pkg) && this.deps(pkg).every((d) => this.done.has(d) || this.runningOn.has(d) || this.ahead.has(d));
    });
    return candidates.sort((a, b) => this.priority(b) - this.priority(a) || this.rank(a) - this.rank(b))[0];
  }

  private takeAhead(pkg: string): Promise<PreparedBuild> | undefined {
    const prepared = this.ahead.get(pkg);
    this.ahead.delete(pkg);
    if (prepared !== undefined) queueMicrotask(() => this.prepareAhead());
    return prepared;
  }

  /** A package that will not start: its prepared build, if it has one, is disposed of. */
  private dropAhead(pkg: string): void {
    const prepared = this.ahead.get(pkg);
    if (prepared === undefined) return;
    this.ahead.delete(pkg);
    this.disposeLater(prepared);
  }

  /** Remove a prepared build's container (and spool) in the background; disposeAll waits for it. */
  private disposeLater(prepared: Promise<PreparedBuild>): void {
    const disposal = prepared
      .then(
        (p) => p[Symbol.asyncDispose](),
        () => undefined, // prepareBuild left nothing behind
      )
      .catch((error: unknown) => {
        this.ctx.sink({
          type: 'warn',
          message: `a build container could not be removed (the next run sweeps it): ${error instanceof Error ? error.message : String(error)}`,
        });
      })
      .finally(() => this.disposals.delete(disposal));
    this.disposals.add(disposal);
  }

  private async readyOrDown(state: EngineState): Promise<void> {
    try {
      await state.engine.ready();
    } catch (error) {
      throw new EngineDown(error);
    }
    // A pool engine's own count: a one-slot engine on a many-core host gives a lone build every core.
    state.asking ??= state.engine.runtime.cores().then(
      (n) => void (state.cores = n ?? state.cores),
      () => undefined,
    );
    await state.asking;
  }

  /**
   * Whether a failed build's engine is gone: it never became ready, or it no longer answers a
   * ping. Then it is put down (once, with an event) and true is returned. An interruption is
   * never an engine's fault.
   */
  private async engineLost(state: EngineState, error: unknown): Promise<boolean> {
    if (this.ctx.signal.aborted || (error instanceof FarmError && error.code === 'INTERRUPTED')) return false;
    let reason: string | undefined;
    if (error instanceof EngineDown) reason = error.message;
    else {
      reason = await state.engine.runtime.ping().then(
        () => undefined,
        (e: unknown) => `it stopped answering: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
    if (reason === undefined) return false;
    if (state.up) {
      state.up = false;
      const others = this.engines.filter((e) => e.up).map((e) => e.engine.name);
      this.ctx.sink({ type: 'engine-down', engine: state.engine.name, reason, left: others });
    }
    return true;
  }

  private fail(pkg: string, error: unknown): void {
    this.failed.push({ pkg, error });
    this.dropAhead(pkg);
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

/** An engine that could not be made ready: its builds go elsewhere. */
class EngineDown extends Error {
  constructor(cause: unknown) {
    super(`it could not be made ready: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
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
