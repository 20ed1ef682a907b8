import type { EvaluatedRecipe } from '../recipe/types.js';
import { edgesOf, recipeOf, type EdgeKind } from './edges.js';

/** Everything reachable from `starts` (included) following only `kind` edges. */
function reach(recipes: ReadonlyMap<string, EvaluatedRecipe>, starts: Iterable<string>, kind: EdgeKind): Set<string> {
  const seen = new Set<string>();
  const stack = [...starts];
  for (let name = stack.pop(); name !== undefined; name = stack.pop()) {
    if (seen.has(name)) continue;
    seen.add(name);
    stack.push(...edgesOf(recipeOf(recipes, name), kind));
  }
  return seen;
}

/**
 * What must be unpacked into /build/sysroot to build `name`: its build_deps, their
 * build_deps and so on, each together with its runtime deps closure. Unordered.
 * (`name` itself appears only if the graph has a cycle; check with findCycle first.)
 */
export function sysrootSet(recipes: ReadonlyMap<string, EvaluatedRecipe>, name: string): Set<string> {
  const buildClosure = reach(recipes, recipeOf(recipes, name).recipe.buildDeps, 'build_deps');
  return reach(recipes, buildClosure, 'deps');
}
