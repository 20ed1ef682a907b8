// A build replayed through the engine pool's scheduler in simulated time: no engine, no clock, no
// file. At time 0 and whenever builds end, the packages whose sysroot is done and that have not
// started are handed, in build order and each with its remaining work as priority, to the farm's own
// `assign` (pool/schedule.ts) beside each engine's free slots, and what it assigns starts. A package
// takes its recorded duration wherever it runs.
import { remainingWork } from '../farm/graph/index.js';
import { assign, NO_NEEDS, type EngineSlots } from '../farm/pool/index.js';

/** An engine of the simulated pool: its name and how many builds it runs at once. */
export interface SimEngine {
  readonly name: string;
  readonly slots: number;
}

export interface SimInput {
  /** Every package, each after everything in its sysroot (graph's buildOrder). */
  readonly order: readonly string[];
  /** Per package: what must be done before it starts (may be transitive). */
  readonly sysroot: ReadonlyMap<string, readonly string[]>;
  /** Milliseconds per package, wherever it runs. */
  readonly durations: ReadonlyMap<string, number>;
  readonly engines: readonly SimEngine[];
}

/** One package's build in the simulation. */
export interface SimRun {
  readonly pkg: string;
  readonly engine: string;
  readonly start: number;
  readonly end: number;
}

export interface SimResult {
  /** When the last build ends (0 for no packages). */
  readonly makespan: number;
  /** Per engine, in the order given: the sum of its builds' durations. */
  readonly busy: ReadonlyMap<string, number>;
  /** Per package, in the order they started. */
  readonly runs: ReadonlyMap<string, SimRun>;
}

/** Milliseconds of `pkg`; a package without one is the caller's mistake. */
function durationOf(durations: ReadonlyMap<string, number>, pkg: string): number {
  const ms = durations.get(pkg);
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) throw new Error(`no duration for ${pkg}`);
  return ms;
}

/** The critical-path priorities the farm gives its ready packages, from these durations. */
export function priorities(input: Pick<SimInput, 'order' | 'sysroot' | 'durations'>): Map<string, number> {
  return remainingWork(input.order, input.sysroot, (pkg) => durationOf(input.durations, pkg));
}

export function simulate(input: SimInput): SimResult {
  const priority = priorities(input);
  const runs = new Map<string, SimRun>();
  const done = new Set<string>();
  const running: SimRun[] = [];
  let now = 0;
  for (;;) {
    const ready = input.order.filter((pkg) => !runs.has(pkg) && (input.sysroot.get(pkg) ?? []).every((d) => done.has(d)));
    const slots: EngineSlots[] = input.engines.map((e) => ({
      name: e.name,
      free: e.slots - running.filter((r) => r.engine === e.name).length,
      memoryBytes: undefined,
      features: [],
      up: true,
    }));
    const assigned = assign(
      ready.map((pkg) => ({ pkg, priority: priority.get(pkg) ?? 0, needs: NO_NEEDS })),
      slots,
    );
    for (const { pkg, engine } of assigned) {
      const run = { pkg, engine, start: now, end: now + durationOf(input.durations, pkg) };
      runs.set(pkg, run);
      running.push(run);
    }
    if (running.length === 0) break;
    // The next moment builds end: every build ending then is done before the next assignment.
    now = Math.min(...running.map((r) => r.end));
    for (const r of running.filter((r) => r.end === now)) {
      done.add(r.pkg);
      running.splice(running.indexOf(r), 1);
    }
  }
  const stuck = input.order.filter((pkg) => !runs.has(pkg));
  if (stuck.length > 0) throw new Error(`simulate: ${stuck.length} package(s) never started (${stuck.slice(0, 5).join(', ')}): no slot, or a sysroot outside the order`);
  const busy = new Map(input.engines.map((e) => [e.name, 0]));
  for (const r of runs.values()) busy.set(r.engine, (busy.get(r.engine) ?? 0) + (r.end - r.start));
  return { makespan: Math.max(0, ...[...runs.values()].map((r) => r.end)), busy, runs };
}

export interface LowerBound {
  /** The longest chain of durations through the sysroot edges. */
  readonly criticalPath: number;
  /** Every package's duration, summed. */
  readonly work: number;
  /** No schedule on `slots` slots ends sooner: max(criticalPath, work / slots). */
  readonly bound: number;
}

export function lowerBound(input: Pick<SimInput, 'order' | 'sysroot' | 'durations'>, slots: number): LowerBound {
  const criticalPath = Math.max(0, ...priorities(input).values());
  const work = input.order.reduce((sum, pkg) => sum + durationOf(input.durations, pkg), 0);
  return { criticalPath, work, bound: Math.max(criticalPath, work / slots) };
}
