import type { EvaluatedRecipe } from '../../farm/recipe/types.js';
import { makeRecipes } from './make-recipe.js';

/**
 * A small distro:
 *   make, musl, busybox: leaves
 *   perl, zlib, vim: build with make
 *   curl: runtime deps zlib, builds with make
 *   git: runtime deps curl, builds with make, perl, zlib
 *   tool: builds with curl (so curl's runtime dep zlib is in its sysroot)
 */
export function distro(): Map<string, EvaluatedRecipe> {
  return makeRecipes({
    busybox: {},
    musl: {},
    make: {},
    perl: { buildDeps: ['make'] },
    zlib: { buildDeps: ['make'] },
    vim: { buildDeps: ['make'] },
    curl: { deps: ['zlib'], buildDeps: ['make'] },
    git: { deps: ['curl'], buildDeps: ['make', 'perl', 'zlib'] },
    tool: { buildDeps: ['curl'] },
  });
}
