import { NO_NEEDS, type PackageNeeds } from '../pool/types.js';
import type { Recipe } from './types.js';

/** What a package asks of the engine it builds on: its recipe's `memory` and `features` (none: any engine). */
export function needsOf(recipe: Recipe): PackageNeeds {
  if (recipe.memoryBytes === undefined && recipe.features === undefined) return NO_NEEDS;
  return { memoryBytes: recipe.memoryBytes, features: recipe.features ?? [] };
}

/**
 * The recipe as it enters the cache key: without `memory` and `features`, which choose the engine a
 * package builds on and not what it builds into (the engines of a pool build the same bytes, or the
 * stage A/B comparison fails). Changing them alone changes no key; pkg.lua's own bytes still do.
 */
export function keyedRecipe(recipe: Recipe): Recipe {
  if (recipe.memoryBytes === undefined && recipe.features === undefined) return recipe;
  const keyed: { -readonly [K in keyof Recipe]: Recipe[K] } = { ...recipe };
  delete keyed.memoryBytes;
  delete keyed.features;
  return keyed;
}
