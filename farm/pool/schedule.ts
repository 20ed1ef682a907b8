import type { PackageNeeds } from './types.js';

/** An engine as the scheduler sees it at one moment: its free slots and what it offers. */
export interface EngineSlots {
  readonly name: string;
  /** Slots not running a build now (its `jobs` minus its running builds). */
  readonly free: number;
  readonly memoryBytes: number | undefined;
  readonly features: readonly string[];
  /** false once the engine failed: it gets nothing more. */
  readonly up: boolean;
}

/** A package whose sysroot is done, waiting for a slot. */
export interface ReadyPackage {
  readonly pkg: string;
  /** Higher first: the work left on the longest path below it (graph/critical-path.ts). */
  readonly priority: number;
  readonly needs: PackageNeeds;
}

export interface Assignment {
  readonly pkg: string;
  readonly engine: string;
}

/** Whether an engine can build a package at all (ignoring its free slots). */
export function fits(needs: PackageNeeds, engine: Pick<EngineSlots, 'memoryBytes' | 'features'>): boolean {
  if (needs.memoryBytes !== undefined && engine.memoryBytes !== undefined && needs.memoryBytes > engine.memoryBytes) return false;
  return needs.features.every((f) => engine.features.includes(f));
}

/**
 * Which ready packages start now, and where: the highest priority first (ties: the order given),
 * each to the engine with a free slot that fits it, the one with the most free slots (ties: the
 * first listed, the local engine leading). A package no free engine fits waits, and does not hold
 * back lower ones that fit elsewhere. Pure: the caller starts the builds and counts the slots.
 */
export function assign(ready: readonly ReadyPackage[], engines: readonly EngineSlots[]): Assignment[] {
  const free = new Map(engines.map((e) => [e.name, e.up ? e.free : 0]));
  const out: Assignment[] = [];
  const queue = ready.map((r, i) => ({ r, i })).sort((a, b) => b.r.priority - a.r.priority || a.i - b.i);
  for (const { r } of queue) {
    let best: EngineSlots | undefined;
    for (const e of engines) {
      const slots = free.get(e.name) ?? 0;
      if (slots > 0 && fits(r.needs, e) && (best === undefined || slots > (free.get(best.name) ?? 0))) best = e;
    }
    if (best === undefined) continue;
    free.set(best.name, (free.get(best.name) ?? 0) - 1);
    out.push({ pkg: r.pkg, engine: best.name });
  }
  return out;
}

/** Packages that no engine still up could ever build (their needs fit none): they fail at once, naming what they need. */
export function unplaceable(needs: ReadonlyMap<string, PackageNeeds>, engines: readonly EngineSlots[]): string[] {
  const up = engines.filter((e) => e.up);
  return [...needs].filter(([, n]) => !up.some((e) => fits(n, e))).map(([pkg]) => pkg);
}
