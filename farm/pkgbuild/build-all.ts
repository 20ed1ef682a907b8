import PQueue from 'p-queue';
import { BuildFailed, FarmError } from '../errors/index.js';
import type { CacheEntry } from '../cache/cache.js';
import type { PackageKey } from '../keys/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
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
  const entries = new Map<string, CacheEntry>();
  const built: string[] = [];
  const cached: string[] = [];
  const cutoff: string[] = [];
  const failed: BuildFailure[] = [];
  const skipped: { pkg: string; because: string }[] = [];
  const done = new Set<string>();
  const blocked = new Map<string, string>();
  const started = new Set<string>();
  let stopping = false;

  const queue = new PQueue({ concurrency: Math.max(1, input.concurrency) });
  const deps = (pkg: string): readonly string[] => input.sysroot.get(pkg) ?? [];

  const resolveCached = async (pkg: string): Promise<CacheEntry | undefined> => {
    const k = input.keys.get(pkg);
    if (k === undefined) throw new Error(`no key for ${pkg}`);
    const hit = await ctx.cache.get(k.key);
    if (hit !== undefined) {
      ctx.sink({ type: 'build-cached', pkg, key: k.key, via: 'key' });
      cached.push(pkg);
      return hit;
    }
    const depOutputs = Object.fromEntries(deps(pkg).map((d) => [d, entryOf(d).meta.outputSha256]));
    const early = await ctx.cache.findCutoff(k.selfHash, depOutputs);
    if (early !== undefined) {
      await ctx.cache.alias(k.key, early.meta.key);
      ctx.sink({ type: 'build-cached', pkg, key: k.key, via: 'cutoff' });
      cutoff.push(pkg);
      return early;
    }
    return undefined;
  };

  const entryOf = (pkg: string): CacheEntry => {
    const e = entries.get(pkg);
    if (e === undefined) throw new Error(`${pkg} used before it was built`);
    return e;
  };

  const run = async (pkg: string): Promise<void> => {
    const recipe = input.recipes.get(pkg);
    const k = input.keys.get(pkg);
    if (recipe === undefined || k === undefined) throw new Error(`unknown package ${pkg}`);
    try {
      const hit = await resolveCached(pkg);
      if (hit !== undefined) {
        entries.set(pkg, hit);
      } else {
        if (stopping || ctx.signal.aborted) {
          skipped.push({ pkg, because: ctx.signal.aborted ? 'interrupted' : 'the build stopped after a failure' });
          return;
        }
        const missing = input.unavailable?.get(pkg);
        if (missing !== undefined) throw missing;
        const entry = await buildPackage(ctx, {
          evaluated: recipe,
          key: k.key,
          selfHash: k.selfHash,
          inputs: k.inputs,
          sysroot: deps(pkg).map((d) => ({ pkg: d, entry: entryOf(d) })),
          // p-queue: `pending` runs (this build included), `size` waits with its dependencies done.
          env: input.envFor(pkg, fairJobs(input.cores, input.concurrency, queue.pending + queue.size)),
        });
        entries.set(pkg, entry);
        built.push(pkg);
      }
      done.add(pkg);
    } catch (error) {
      failed.push({ pkg, error });
      // Reported as it happens (a long --keep-going run shows each failure when it comes), and again
      // in the CLI's summary at the end.
      if (error instanceof BuildFailed) {
        ctx.sink({ type: 'build-failed', pkg, reason: error.reason, logTail: error.logTail.slice(-10), logFile: error.logFile });
      } else if (!(error instanceof FarmError) || error.code !== 'INTERRUPTED') {
        const message = error instanceof Error ? error.message : String(error);
        const reason = message.startsWith(`${pkg}: `) ? message.slice(pkg.length + 2) : message;
        ctx.sink({ type: 'build-failed', pkg, reason, logTail: [], logFile: undefined });
      }
      if (!input.keepGoing) stopping = true;
      for (const other of input.order) {
        if (!blocked.has(other) && deps(other).includes(pkg)) blocked.set(other, pkg);
      }
    } finally {
      schedule();
    }
  };

  const schedule = (): void => {
    for (const pkg of input.order) {
      if (started.has(pkg)) continue;
      const cause = deps(pkg).find((d) => blocked.has(d) || failed.some((f) => f.pkg === d));
      if (cause !== undefined || blocked.has(pkg)) {
        started.add(pkg);
        const because = `dependency ${blocked.get(pkg) ?? cause} failed`;
        skipped.push({ pkg, because });
        ctx.sink({ type: 'build-skipped', pkg, because });
        for (const other of input.order) if (deps(other).includes(pkg) && !blocked.has(other)) blocked.set(other, blocked.get(pkg) ?? cause ?? pkg);
        continue;
      }
      if (!deps(pkg).every((d) => done.has(d))) continue;
      started.add(pkg);
      void queue.add(() => run(pkg));
    }
  };

  schedule();
  await queue.onIdle();
  // Anything never started (stopped after a failure or interrupted) is reported as skipped.
  for (const pkg of input.order) {
    if (!started.has(pkg)) {
      const because = ctx.signal.aborted ? 'interrupted' : 'the build stopped after a failure';
      skipped.push({ pkg, because });
      ctx.sink({ type: 'build-skipped', pkg, because });
    }
  }
  return { entries, built, cached, cutoff, failed, skipped, interrupted: ctx.signal.aborted };
}
