export { validateRecipe, RECIPE_FIELDS } from './validate.js';
export { loadRecipes, recipeGlobals } from './load.js';
export type { FarmGlobals, LoadRecipesOptions } from './load.js';
export { loadProfile } from './profile.js';
export { keyedRecipe, needsOf } from './needs.js';
export type { Profile } from './profile.js';
export type { Recipe, SourceSpec, EvaluatedRecipe, RecordedRead } from './types.js';
