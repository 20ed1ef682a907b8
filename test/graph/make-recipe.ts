import type { EvaluatedRecipe, Recipe } from '../../farm/recipe/types.js';

export type RecipeOverrides = Partial<Omit<Recipe, 'name'>> & Partial<Omit<EvaluatedRecipe, 'recipe'>>;

const RECIPE_FIELDS = new Set<string>([
  'version',
  'description',
  'license',
  'homepage',
  'sources',
  'patches',
  'files',
  'buildDeps',
  'deps',
  'build',
  'style',
  'strip',
  'static',
  'toolchain',
  'timeout',
  'builderTool',
  'memoryBytes',
  'features',
]);

/** An EvaluatedRecipe for `name` with plain defaults; recipe and origin fields may be overridden together. */
export function makeRecipe(name: string, overrides: RecipeOverrides = {}): EvaluatedRecipe {
  const recipeOverrides: Record<string, unknown> = {};
  const originOverrides: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(overrides)) (RECIPE_FIELDS.has(k) ? recipeOverrides : originOverrides)[k] = v;
  const recipe: Recipe = {
    name,
    version: '1.0',
    description: `the ${name} package`,
    license: 'MIT',
    homepage: undefined,
    sources: [{ url: `https://example.org/${name}-1.0.tar.gz`, sha256: 'a'.repeat(64), file: `${name}-1.0.tar.gz`, extract: true }],
    patches: [],
    files: [],
    buildDeps: [],
    deps: [],
    build: 'make && make install',
    style: undefined,
    strip: true,
    static: true,
    toolchain: true,
    timeout: 3600,
    ...recipeOverrides,
  };
  return {
    recipe,
    file: `system/${name}/pkg.lua`,
    dir: `/project/system/${name}`,
    recipeSha256: 'b'.repeat(64),
    patchSha256: {},
    fileSha256: {},
    reads: [],
    ...originOverrides,
  };
}

/** A recipe map from a compact spec: `{ curl: { deps: ['zlib'] }, zlib: {} }`. */
export function makeRecipes(spec: Record<string, RecipeOverrides>): Map<string, EvaluatedRecipe> {
  return new Map(Object.entries(spec).map(([name, o]) => [name, makeRecipe(name, o)]));
}
