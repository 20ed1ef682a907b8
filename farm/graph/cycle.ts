import { FarmError } from '../errors/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import { EDGE_KINDS, edgesOf, recipeOf, type EdgeKind } from './edges.js';

/** One step of a cycle: `from` names `to` in its `kind` list. */
export interface CycleEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
}

/**
 * A dependency cycle that makes a build impossible, or undefined.
 *
 * A package's sysroot holds its build_deps (transitively) with their runtime deps, and
 * everything in the sysroot must be built first. So a cycle of runtime `deps` alone is
 * harmless (the packages are simply installed together), but any closed chain of
 * dependencies that contains a `build_deps` edge would put a package in its own sysroot.
 * The cycle returned starts with such an edge and is the shortest one back; edges are
 * tried in name order, so the answer is stable.
 */
export function findCycle(recipes: ReadonlyMap<string, EvaluatedRecipe>, packages: Iterable<string>): CycleEdge[] | undefined {
  const members = new Set(packages);
  for (const from of [...members].sort()) {
    for (const to of [...new Set(edgesOf(recipeOf(recipes, from), 'build_deps'))].sort()) {
      if (!members.has(to)) continue;
      const back = shortestPath(recipes, members, to, from);
      if (back !== undefined) return [{ from, to, kind: 'build_deps' }, ...back];
    }
  }
  return undefined;
}

/** `lua -> lpeg -> lua` */
export function formatCycle(cycle: readonly CycleEdge[]): string {
  const first = cycle[0];
  return first === undefined ? '' : [first.from, ...cycle.map((e) => e.to)].join(' -> ');
}

/** Throw GRAPH_CYCLE if the packages cannot be built in any order. */
export function assertNoCycle(recipes: ReadonlyMap<string, EvaluatedRecipe>, packages: Iterable<string>): void {
  const cycle = findCycle(recipes, packages);
  if (cycle === undefined) return;
  const steps = cycle.map((e) => `${e.from} ${e.kind} ${e.to}`).join(', ');
  throw new FarmError('GRAPH_CYCLE', `dependency cycle: ${formatCycle(cycle)}`, {
    hint: `${steps}; a package cannot be needed in its own sysroot — break the cycle in one of these recipes`,
  });
}

/** Breadth-first over both edge kinds, neighbours in name order; [] when start === goal. */
function shortestPath(recipes: ReadonlyMap<string, EvaluatedRecipe>, members: ReadonlySet<string>, start: string, goal: string): CycleEdge[] | undefined {
  const via = new Map<string, CycleEdge | null>([[start, null]]);
  let frontier = [start];
  while (frontier.length > 0 && !via.has(goal)) {
    const next: string[] = [];
    for (const from of frontier) {
      const out = EDGE_KINDS.flatMap((kind) => edgesOf(recipeOf(recipes, from), kind).map((to) => ({ from, to, kind })));
      out.sort((a, b) => (a.to === b.to ? a.kind.localeCompare(b.kind) : a.to < b.to ? -1 : 1));
      for (const edge of out) {
        if (!members.has(edge.to) || via.has(edge.to)) continue;
        via.set(edge.to, edge);
        next.push(edge.to);
      }
    }
    frontier = next;
  }
  if (!via.has(goal)) return undefined;
  const path: CycleEdge[] = [];
  for (let edge = via.get(goal); edge; edge = via.get(edge.from)) path.unshift(edge);
  return path;
}
