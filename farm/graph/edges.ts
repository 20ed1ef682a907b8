import type { EvaluatedRecipe } from '../recipe/types.js';

/** The two kinds of dependency edge, named as in pkg.lua. */
export type EdgeKind = 'deps' | 'build_deps';

export const EDGE_KINDS: readonly EdgeKind[] = ['deps', 'build_deps'];

/** A package's direct dependencies of one kind, as written in its recipe. */
export function edgesOf(evaluated: EvaluatedRecipe, kind: EdgeKind): readonly string[] {
  return kind === 'deps' ? evaluated.recipe.deps : evaluated.recipe.buildDeps;
}

/** Look a package up, treating a missing one as a bug in the caller. */
export function recipeOf(recipes: ReadonlyMap<string, EvaluatedRecipe>, name: string): EvaluatedRecipe {
  const found = recipes.get(name);
  if (found === undefined) throw new Error(`graph: no recipe for "${name}"`);
  return found;
}
