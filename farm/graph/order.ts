import type { EvaluatedRecipe } from '../recipe/types.js';
import { assertNoCycle } from './cycle.js';
import { recipeOf } from './edges.js';
import { sysrootSet } from './sysroot.js';

/** One package's place in the build. */
export interface OrderedPackage {
  readonly name: string;
  /** Its direct build_deps, sorted. */
  readonly buildDeps: readonly string[];
  /** Packages unpacked into /build/sysroot while it builds, in build order. */
  readonly sysroot: readonly string[];
  /** Length of the longest chain of sysroot edges below it: 0 when its sysroot is empty. */
  readonly level: number;
}

export interface BuildOrder {
  /** Every package, each after everything in its sysroot; ties broken by name. */
  readonly order: readonly string[];
  readonly packages: ReadonlyMap<string, OrderedPackage>;
  /** Per package: its sysroot in build order (the same lists as in `packages`). */
  readonly sysroot: ReadonlyMap<string, readonly string[]>;
  /** Packages grouped by level, for display: levels[0] needs no other package's output. */
  readonly levels: readonly (readonly string[])[];
}

/**
 * A deterministic build order for a closed set of packages (a Selection's `packages`).
 * Throws GRAPH_CYCLE (printing the cycle) when no order exists. A package whose
 * sysroot needs something outside the set is a bug in the caller (plain Error).
 */
export function buildOrder(recipes: ReadonlyMap<string, EvaluatedRecipe>, packages: readonly string[]): BuildOrder {
  const members = [...new Set(packages)].sort();
  const memberSet = new Set(members);
  assertNoCycle(recipes, members);

  const sets = new Map(members.map((name) => [name, sysrootSet(recipes, name)]));
  for (const [name, set] of sets) {
    const outside = [...set].filter((d) => !memberSet.has(d)).sort();
    if (outside.length > 0) throw new Error(`buildOrder: ${name} needs ${outside.join(', ')}, which ${outside.length === 1 ? 'is' : 'are'} not in the set`);
  }

  const order = topologicalOrder(members, sets);
  const position = new Map(order.map((name, i) => [name, i]));
  const byPosition = (a: string, b: string): number => (position.get(a) ?? 0) - (position.get(b) ?? 0);

  const levelOf = new Map<string, number>();
  const info = new Map<string, OrderedPackage>();
  for (const name of order) {
    const sysroot = [...(sets.get(name) ?? [])].sort(byPosition);
    const level = sysroot.reduce((max, d) => Math.max(max, (levelOf.get(d) ?? 0) + 1), 0);
    levelOf.set(name, level);
    info.set(name, { name, buildDeps: [...new Set(recipeOf(recipes, name).recipe.buildDeps)].sort(), sysroot, level });
  }

  const levels: string[][] = [];
  for (const name of members) (levels[levelOf.get(name) ?? 0] ??= []).push(name);
  return {
    order,
    packages: info,
    sysroot: new Map(order.map((name) => [name, info.get(name)?.sysroot ?? []])),
    levels,
  };
}

/** Kahn's algorithm; among the packages ready at each step the alphabetically first goes next. */
function topologicalOrder(members: readonly string[], needs: ReadonlyMap<string, ReadonlySet<string>>): string[] {
  const waiting = new Map(members.map((name) => [name, needs.get(name)?.size ?? 0]));
  const neededBy = new Map<string, string[]>();
  for (const [name, set] of needs) {
    for (const d of set) neededBy.set(d, [...(neededBy.get(d) ?? []), name]);
  }

  const ready = members.filter((name) => waiting.get(name) === 0);
  const order: string[] = [];
  for (let name = ready.sort().shift(); name !== undefined; name = ready.sort().shift()) {
    order.push(name);
    for (const dependent of neededBy.get(name) ?? []) {
      const left = (waiting.get(dependent) ?? 0) - 1;
      waiting.set(dependent, left);
      if (left === 0) ready.push(dependent);
    }
  }
  if (order.length !== members.length) throw new Error('buildOrder: cycle left after cycle check');
  return order;
}
