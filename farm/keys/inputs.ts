import { keyedRecipe } from '../recipe/needs.js';
import type { EvaluatedRecipe, Recipe } from '../recipe/types.js';

/** The toolchain variables that enter a build (and its key) when `recipe.toolchain`. */
export const TOOLCHAIN_VARS = ['CC', 'CFLAGS', 'CXXFLAGS', 'LDFLAGS', 'LTO'] as const;
export type ToolchainVar = (typeof TOOLCHAIN_VARS)[number];

/**
 * Everything that decides a package's output. Its canonical JSON, hashed, is the cache
 * key; it is stored with the output so `why` and plans can say what changed.
 */
export interface KeyInputs {
  readonly farmVersion: string;
  readonly package: string;
  /** pkg.lua relative to the project root, e.g. `system/lua/pkg.lua`. */
  readonly recipeFile: string;
  readonly recipeSha256: string;
  /** The validated recipe (patch order, build script, ... live here), without what only chooses an engine (recipe/needs.ts keyedRecipe). */
  readonly recipe: Recipe;
  /** sha256 per patch file name. */
  readonly patches: Readonly<Record<string, string>>;
  /** sha256 per extra file name. */
  readonly files: Readonly<Record<string, string>>;
  /** In recipe order (the first source decides the build's working directory). */
  readonly sources: readonly { readonly file: string; readonly sha256: string }[];
  /** Config/default values the recipe read, sorted by path. */
  readonly reads: readonly { readonly path: string; readonly value: string }[];
  /** Id of the builder image. */
  readonly builderImage: string;
  readonly stage: string;
  /** CC, CFLAGS, CXXFLAGS, LDFLAGS, LTO as given to the build; null when recipe.toolchain is false. */
  readonly toolchain: Readonly<Record<string, string>> | null;
  /** Key of every package in its sysroot set. */
  readonly buildDeps: Readonly<Record<string, string>>;
  /** sha256 of the farm's strip step when the recipe strips (recipe.strip), else null. */
  readonly strip: string | null;
}

/** What is the same for every package of one run. */
export interface KeyContext {
  readonly farmVersion: string;
  /** Id (not tag) of the builder image, so a rebuilt image changes keys. */
  readonly builderImage: string;
  readonly stage: string;
  /** The toolchain environment (see toolchain/env.ts toolchainEnv); must hold every TOOLCHAIN_VARS name. */
  readonly toolchainEnv: Readonly<Record<string, string>>;
  /** sha256 of the strip step run after every build whose recipe strips (see pkgbuild/strip.ts). */
  readonly stripStepSha256: string;
}

/**
 * What of a package's key its recipe alone decides: pkg.lua's bytes, its patches, files and
 * sources, and the config values it read. Not the farm, the builder, the stage's toolchain or
 * the dependencies: the same recipe on another machine has the same of these.
 */
export type RecipeInputs = Pick<KeyInputs, 'recipeSha256' | 'patches' | 'files' | 'sources' | 'reads'>;

export function recipeInputsOf(evaluated: EvaluatedRecipe): RecipeInputs {
  const { recipe } = evaluated;
  return {
    recipeSha256: evaluated.recipeSha256,
    patches: hashesOf(recipe.name, 'patch', recipe.patches, evaluated.patchSha256),
    files: hashesOf(recipe.name, 'file', recipe.files, evaluated.fileSha256),
    sources: recipe.sources.map((s) => ({ file: s.file, sha256: s.sha256 })),
    reads: sortedReads(evaluated.reads),
  };
}

/** The key inputs of one package, given the keys of its sysroot set. */
export function keyInputsFor(evaluated: EvaluatedRecipe, context: KeyContext, buildDeps: Readonly<Record<string, string>>): KeyInputs {
  const { recipe } = evaluated;
  return {
    farmVersion: context.farmVersion,
    package: recipe.name,
    recipeFile: evaluated.file,
    recipe: keyedRecipe(recipe),
    ...recipeInputsOf(evaluated),
    builderImage: context.builderImage,
    stage: context.stage,
    toolchain: recipe.toolchain ? pickToolchain(context.toolchainEnv) : null,
    buildDeps: { ...buildDeps },
    strip: recipe.strip ? context.stripStepSha256 : null,
  };
}

function hashesOf(pkg: string, what: string, names: readonly string[], hashes: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names) {
    const sha = hashes[name];
    if (sha === undefined) throw new Error(`keys: ${pkg}: no sha256 for ${what} ${name}`);
    out[name] = sha;
  }
  return out;
}

function sortedReads(reads: EvaluatedRecipe['reads']): KeyInputs['reads'] {
  const unique = new Map(reads.map((r) => [`${r.path}\0${r.value}`, { path: r.path, value: r.value }]));
  return [...unique.values()].sort((a, b) => compare(a.path, b.path) || compare(a.value, b.value));
}

function pickToolchain(env: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of TOOLCHAIN_VARS) {
    const value = env[name];
    if (value === undefined) throw new Error(`keys: toolchainEnv has no ${name}`);
    out[name] = value;
  }
  return out;
}

/** Plain code-unit order (not locale-dependent), as canonical JSON sorts keys. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
