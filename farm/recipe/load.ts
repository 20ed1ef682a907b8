import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { FarmError, isFarmError, type ErrorCode } from '../errors/index.js';
import type { LoadedConfig } from '../config/types.js';
import { nearestName } from '../errors/suggest.js';
import { evaluateCached, type CachedResult, type EvalCache } from '../evalcache/index.js';
import type { EvaluatedRecipe, RecordedRead } from './types.js';
import { validateRecipe } from './validate.js';

/** One problem of one recipe; the codes of all of them decide the code of the error that reports them. */
interface Problem {
  readonly code: ErrorCode;
  readonly message: string;
  /** The error it was found as, if any. */
  readonly cause?: unknown;
}

const invalid = (message: string, cause?: unknown): Problem => ({ code: 'RECIPE_INVALID', message, cause });

/** Config options that name a file whose content a reading recipe needs (option path -> name in /build/files). */
const FILE_OPTIONS: Readonly<Record<string, string>> = { 'config.kernel.config': 'kernel.config' };

/**
 * A recipe that reads a file-valued option (only linux reads kernel.config) gets
 * that file's content: its sha256 replaces the recorded path (so the content is in
 * that recipe's key, and no other), and the file goes into /build/files.
 */
async function configFilesRead(
  root: string,
  reads: readonly RecordedRead[],
  file: string,
  problems: Problem[],
): Promise<{ reads: RecordedRead[]; replaced: Set<string>; files: { name: string; path: string }[] }> {
  const out: { reads: RecordedRead[]; replaced: Set<string>; files: { name: string; path: string }[] } = { reads: [], replaced: new Set(), files: [] };
  for (const read of reads) {
    const name = FILE_OPTIONS[read.path];
    if (name === undefined) continue;
    const value = JSON.parse(read.value) as unknown;
    if (typeof value !== 'string') continue;
    const path = resolve(root, value);
    try {
      out.reads.push({ path: `${read.path}#sha256`, value: JSON.stringify(sha256(await readFile(path))) });
      // Where the file lives does not change the output: moving it rebuilds nothing.
      out.replaced.add(read.path);
      out.files.push({ name, path });
    } catch (error) {
      problems.push(invalid(`${file}: reads ${read.path.replace(/^config\./, 'config.lua: ')} = "${value}", which does not exist`, error));
    }
  }
  return out;
}

export interface FarmGlobals {
  readonly stage: 'dev' | 'a' | 'b';
}

const sha256 = (data: Uint8Array | string): string => createHash('sha256').update(data).digest('hex');

/** The globals every recipe sees: config.lua, default.lua and the farm table (all read-tracked). */
export function recipeGlobals(config: LoadedConfig, farm: FarmGlobals): Record<string, unknown> {
  return { config: config.rawSystem, defaults: config.rawDefaults, farm: { stage: farm.stage, arch: 'x86_64' } };
}

export interface LoadRecipesOptions {
  /** Take recipes whose evaluation still holds from this cache, and record the others in it. */
  readonly cache?: EvalCache | undefined;
}

/**
 * Evaluate every `system/<name>/pkg.lua` (one batch, sandboxed; from the evaluation cache when
 * given and its entry holds), validate it, hash it with its patches and files. All problems of
 * all recipes are reported together in one error.
 */
export async function loadRecipes(root: string, config: LoadedConfig, farm: FarmGlobals, options: LoadRecipesOptions = {}): Promise<Map<string, EvaluatedRecipe>> {
  const systemDir = join(root, 'system');
  const names = await recipeNames(systemDir);
  const problems: Problem[] = [];
  const present = readRecipeSources(systemDir, names, problems);
  const globals = recipeGlobals(config, farm);
  const items = present.map(({ name, source }) => ({ path: `system/${name}/pkg.lua`, source: source.toString('utf8'), globals }));
  const results = await evaluateCached(items, options.cache, { deferStore: true });
  const recipes = new Map<string, EvaluatedRecipe>();
  const stores: Promise<void>[] = [];
  for (const [i, { name, source }] of present.entries()) {
    const result = results[i];
    if (result === undefined) continue;
    if (!result.ok) {
      problems.push({ code: result.error.code, message: result.error.message, cause: result.error });
      continue;
    }
    const recipe = await completeRecipe(root, name, source, result, problems);
    if (recipe === undefined) continue;
    recipes.set(name, recipe);
    if (!result.cached && options.cache !== undefined) {
      stores.push(options.cache.store(items[i] as (typeof items)[number], { value: result.value, reads: result.reads, tables: result.tables, files: filesOf(recipe) }));
    }
  }
  await Promise.all(stores);
  checkDependencies(recipes, names, problems);
  if (problems.length > 0) throw problemsError(problems);
  return recipes;
}

/** The patches and files a recipe stands for, by path under the project root, with their sha256. */
function filesOf(evaluated: EvaluatedRecipe): Record<string, string> {
  const dir = evaluated.file.slice(0, -'pkg.lua'.length);
  const out: Record<string, string> = {};
  for (const [f, sum] of [...Object.entries(evaluated.patchSha256), ...Object.entries(evaluated.fileSha256)]) out[`${dir}${f}`] = sum;
  return out;
}

/** The directories of system/, sorted. */
async function recipeNames(systemDir: string): Promise<string[]> {
  try {
    return (await readdir(systemDir, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
  } catch (error) {
    throw new FarmError('RECIPE_INVALID', `${systemDir}: no system/ directory with recipes`, { cause: error });
  }
}

/**
 * The pkg.lua of each directory; a directory without one is a problem. Read one after another,
 * synchronously: for a hundred small files that is several times faster than the thread pool.
 */
function readRecipeSources(systemDir: string, names: readonly string[], problems: Problem[]): { name: string; source: Buffer }[] {
  const sources = names.map((name) => {
    try {
      return readFileSync(join(systemDir, name, 'pkg.lua'));
    } catch {
      return undefined;
    }
  });
  const present: { name: string; source: Buffer }[] = [];
  names.forEach((name, i) => {
    const source = sources[i];
    if (source === undefined) problems.push(invalid(`system/${name}: no pkg.lua`));
    else present.push({ name, source });
  });
  return present;
}

/** Validate an evaluated recipe and hash what goes into its key; undefined (and a problem) when it is invalid. */
async function completeRecipe(
  root: string,
  name: string,
  source: Buffer,
  result: Extract<CachedResult, { ok: true }>,
  problems: Problem[],
): Promise<EvaluatedRecipe | undefined> {
  const file = `system/${name}/pkg.lua`;
  try {
    const recipe = validateRecipe(result.value, file, name);
    const dir = join(root, 'system', name);
    const configFiles = await configFilesRead(root, result.reads, file, problems);
    return {
      recipe,
      file,
      dir,
      recipeSha256: sha256(source),
      patchSha256: await hashBesideRecipe({ dir, file, known: result.files }, 'patches', recipe.patches, problems),
      fileSha256: await hashBesideRecipe({ dir, file, known: result.files }, 'files', recipe.files, problems),
      reads: [...result.reads.filter((r) => !configFiles.replaced.has(r.path)), ...configFiles.reads].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
      ...(configFiles.files.length === 0 ? {} : { configFiles: configFiles.files }),
    };
  } catch (error) {
    if (!isFarmError(error)) throw error;
    problems.push({ code: error.code, message: error.message, cause: error });
    return undefined;
  }
}

/**
 * sha256 of each patch or file the recipe names (by name); a missing one is a problem. `known`:
 * the sums a cache entry just checked (by path under the root), which need not be read again.
 */
async function hashBesideRecipe(
  at: { readonly dir: string; readonly file: string; readonly known: Readonly<Record<string, string>> | undefined },
  field: 'patches' | 'files',
  list: readonly string[],
  problems: Problem[],
): Promise<Record<string, string>> {
  const { dir, file, known } = at;
  const out: Record<string, string> = {};
  for (const [j, f] of list.entries()) {
    try {
      out[f] = known?.[`${file.slice(0, -'pkg.lua'.length)}${f}`] ?? sha256(await readFile(join(dir, f)));
    } catch (error) {
      problems.push(invalid(`${file}: ${field}[${j + 1}]: "${f}" does not exist beside pkg.lua`, error));
    }
  }
  return out;
}

/** Dependencies must name packages that have recipes. */
function checkDependencies(recipes: ReadonlyMap<string, EvaluatedRecipe>, names: readonly string[], problems: Problem[]): void {
  const known = [...recipes.keys()];
  for (const { recipe, file } of recipes.values()) {
    for (const field of ['build_deps', 'deps'] as const) {
      const list = field === 'deps' ? recipe.deps : recipe.buildDeps;
      list.forEach((d, i) => {
        if (recipes.has(d) || names.includes(d)) return;
        const near = nearestName(d, known);
        problems.push({
          code: 'UNKNOWN_PACKAGE',
          message: `${file}: ${field}[${i + 1}]: unknown package "${d}"${near === undefined ? '' : ` (did you mean "${near}"?)`}`,
        });
      });
    }
  }
}

/** One error for all the problems, each problem's cause kept. */
function problemsError(problems: readonly Problem[]): FarmError {
  // Only unknown dependencies (every recipe itself valid): the code says so; anything else is an invalid recipe.
  const code = problems.every((p) => p.code === 'UNKNOWN_PACKAGE') ? 'UNKNOWN_PACKAGE' : 'RECIPE_INVALID';
  const messages = problems.map((p) => p.message);
  const causes = problems.flatMap((p) => (p.cause === undefined ? [] : [p.cause]));
  return new FarmError(code, messages.length === 1 ? (messages[0] as string) : `${messages.length} problems in recipes:\n  ${messages.join('\n  ')}`, {
    cause: causes.length === 0 ? undefined : causes.length === 1 ? causes[0] : new AggregateError(causes, `${causes.length} recipe errors`),
  });
}
