import type { BuildCache } from '../cache/index.js';
import type { PackageKey } from '../keys/index.js';
import { makePlan, type PlanEntry, type PreviousBuild } from '../plan/index.js';
import type { Project } from './load.js';

/**
 * The stage's plan as its cache stands now: which keys the cache holds is the one
 * impure part, asked here so that `plan` and `build` announce the same plan.
 */
export async function planFromCache(
  project: Project,
  keys: ReadonlyMap<string, PackageKey>,
  cache: BuildCache,
  previous?: ReadonlyMap<string, PreviousBuild>,
): Promise<PlanEntry[]> {
  const cached = new Set<string>();
  for (const k of keys.values()) if (await cache.has(k.key)) cached.add(k.key);
  return makePlan(project.order, keys, previous, cached);
}
