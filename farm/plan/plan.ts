import type { BuildOrder } from '../graph/index.js';
import { diffKeyInputs, type KeyInputs, type PackageKey } from '../keys/index.js';

/** What the previous build of a package used (from the workspace's manifest.yaml). */
export interface PreviousBuild {
  readonly key: string;
  readonly inputs: KeyInputs;
}

export interface PlanEntry {
  readonly name: string;
  readonly key: string;
  readonly status: 'cached' | 'build';
  /** Why it is built: `new`, `not in cache`, or what changed since the previous build. Empty when cached. */
  readonly reasons: readonly string[];
}

/**
 * One entry per package, in build order. A package whose key is in the cache is
 * `cached`; any other is built, with the reasons a user would want to see.
 * (Early cutoff can still spare a planned build; that is decided while building.)
 */
export function makePlan(
  order: BuildOrder,
  keys: ReadonlyMap<string, PackageKey>,
  previous: ReadonlyMap<string, PreviousBuild> | undefined,
  cachedKeys: ReadonlySet<string>,
): PlanEntry[] {
  return order.order.map((name): PlanEntry => {
    const k = keys.get(name);
    if (k === undefined) throw new Error(`makePlan: no key for ${name}`);
    if (cachedKeys.has(k.key)) return { name, key: k.key, status: 'cached', reasons: [] };
    return { name, key: k.key, status: 'build', reasons: reasonsToBuild(k, previous?.get(name)) };
  });
}

function reasonsToBuild(now: PackageKey, before: PreviousBuild | undefined): string[] {
  if (before === undefined) return ['new'];
  if (before.key === now.key) return ['not in cache'];
  return diffKeyInputs(before.inputs, now.inputs).map((c) => c.text);
}
