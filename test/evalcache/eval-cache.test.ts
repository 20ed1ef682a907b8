import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EvalCache, evaluateCached } from '../../farm/evalcache/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { loadProject } from '../../farm/project/load.js';
import { workspacePaths } from '../../farm/workspace/paths.js';
import { localRecipe, tinyRoot } from '../support/tiny-project.js';

afterAll(closeLuaWorkers);

// `motd` reads config.hostname and has a patch; `tools` reads defaults.cflags; `plain` reads nothing.
const RECIPES = {
  motd: localRecipe('motd', ', patches = { "fix.patch" }, build = "echo " .. config.hostname'),
  tools: localRecipe('tools', ', build = "cc " .. (defaults.cflags or "-O2")'),
  plain: localRecipe('plain'),
};

async function project(defaults = ', cflags = "-O2"'): Promise<string> {
  const root = await tinyRoot(RECIPES, defaults);
  await writeFile(join(root, 'system', 'motd', 'fix.patch'), '--- a\n+++ b\n');
  return root;
}

/** Load the project with a cache of its own (its stats count this load only). */
async function load(root: string, farmVersion?: string) {
  const cache = new EvalCache(workspacePaths(root, 'dev').evalCache, root, farmVersion === undefined ? {} : { farmVersion });
  const p = await loadProject(root, { profile: 'test', evalCache: cache });
  return { stats: cache.stats, recipes: p.recipes, build: (name: string) => p.recipes.get(name)?.recipe.build };
}

async function edit(path: string, from: string | RegExp, to: string): Promise<void> {
  const text = await readFile(path, 'utf8');
  const changed = text.replace(from, to);
  if (changed === text) throw new Error(`${path}: nothing to replace`);
  await writeFile(path, changed);
}

// config.lua, default.lua, the profile and three recipes.
const FILES = 6;

describe('the evaluation cache', () => {
  it('a cold cache evaluates and records every file; a warm one evaluates none and gives the same project', async () => {
    const root = await project();
    const cold = await load(root);
    expect(cold.stats).toMatchObject({ hits: 0, misses: FILES, stored: FILES });
    const warm = await load(root);
    expect(warm.stats).toMatchObject({ hits: FILES, misses: 0, stored: 0 });
    expect(warm.recipes).toEqual(cold.recipes);
    expect(await readdir(workspacePaths(root, 'dev').evalCache)).toHaveLength(FILES);
  });

  it('a recipe edit re-evaluates that recipe only, and its new value is used', async () => {
    const root = await project();
    await load(root);
    await edit(join(root, 'system', 'plain', 'pkg.lua'), 'build = "true"', 'build = "make"');
    const after = await load(root);
    expect(after.stats).toMatchObject({ hits: FILES - 1, misses: 1 });
    expect(after.build('plain')).toBe('make');
  });

  it('a patch edit re-evaluates the recipe that declares it, and its patch hash follows', async () => {
    const root = await project();
    const before = await load(root);
    await writeFile(join(root, 'system', 'motd', 'fix.patch'), '--- a\n+++ b\n@@ changed @@\n');
    const after = await load(root);
    expect(after.stats).toMatchObject({ hits: FILES - 1, misses: 1 });
    expect(after.recipes.get('motd')?.patchSha256['fix.patch']).not.toBe(before.recipes.get('motd')?.patchSha256['fix.patch']);
  });

  it('a config value a recipe read re-evaluates that recipe (and config.lua), not the others', async () => {
    const root = await project();
    expect((await load(root)).build('motd')).toBe('echo stasis');
    await edit(join(root, 'config.lua'), 'hostname = "stasis"', 'hostname = "island"');
    const after = await load(root);
    // config.lua itself and motd, which read config.hostname.
    expect(after.stats).toMatchObject({ hits: FILES - 2, misses: 2 });
    expect(after.build('motd')).toBe('echo island');
    expect(after.recipes.get('motd')?.reads).toContainEqual({ path: 'config.hostname', value: '"island"' });
  });

  it('a default.lua value a recipe read re-evaluates it; one that was absent and appears too', async () => {
    const root = await project('');
    expect((await load(root)).build('tools')).toBe('cc -O2');
    await edit(join(root, 'default.lua'), /source_date_epoch = 1700000000/, 'source_date_epoch = 1700000000, cflags = "-Os"');
    const after = await load(root);
    expect(after.stats).toMatchObject({ hits: FILES - 2, misses: 2 });
    expect(after.build('tools')).toBe('cc -Os');
  });

  it('keeps every recipe for a config value no recipe read', async () => {
    const root = await project();
    const before = await load(root);
    await edit(join(root, 'config.lua'), 'timezone = "UTC"', 'timezone = "Europe/Berlin"');
    const after = await load(root);
    // Only config.lua itself is evaluated again.
    expect(after.stats).toMatchObject({ hits: FILES - 1, misses: 1 });
    expect(after.recipes).toEqual(before.recipes);
  });

  it('an evaluation that read a table holds only while that path is a table, and a leaf only while its parents are', async () => {
    const root = await project();
    const cache = new EvalCache(join(root, 'cache'), root);
    const item = (config: Record<string, unknown>) => ({
      path: 'k.lua',
      source: 'return { k = config.kernel and "with" or "without", c = config.a and config.a.b }',
      globals: { config },
    });
    const run = async (config: Record<string, unknown>) => (await evaluateCached([item(config)], cache))[0];
    expect(await run({ kernel: { params: [] }, a: { b: 1 } })).toMatchObject({ cached: false, value: { k: 'with', c: 1 } });
    expect(await run({ kernel: { other: true }, a: { b: 1 } })).toMatchObject({ cached: true, value: { k: 'with', c: 1 } });
    expect(await run({ a: { b: 1 } })).toMatchObject({ cached: false, value: { k: 'without', c: 1 } });
    expect(await run({ a: { b: 1 }, kernel: 'a string' })).toMatchObject({ cached: false, value: { k: 'with' } });
    expect(await run({ a: 2 })).toMatchObject({ ok: false });
  });

  it('a result JSON cannot hold as it is (an infinite number) is never recorded, so never changed', async () => {
    const root = await project();
    const cache = new EvalCache(join(root, 'cache'), root);
    const item = { path: 'inf.lua', source: 'return { n = math.huge }', globals: {} };
    expect((await evaluateCached([item], cache))[0]).toMatchObject({ cached: false, value: { n: Infinity } });
    expect((await evaluateCached([item], cache))[0]).toMatchObject({ cached: false, value: { n: Infinity } });
    expect(cache.stats.stored).toBe(0);
  });

  it('a farm version change evaluates everything again', async () => {
    const root = await project();
    await load(root, '0.1.0-test');
    expect((await load(root, '0.1.0-test')).stats).toMatchObject({ hits: FILES, misses: 0 });
    expect((await load(root, '0.2.0-test')).stats).toMatchObject({ hits: 0, misses: FILES, stored: FILES });
  });

  it('each stage has its entries: a recipe reading farm.stage gets its own value in each', async () => {
    const root = await tinyRoot({ s: localRecipe('s', ', build = "stage " .. farm.stage') });
    const stage = async (name: 'dev' | 'a') => {
      const cache = new EvalCache(workspacePaths(root, 'dev').evalCache, root);
      const p = await loadProject(root, { profile: 'test', stage: name, evalCache: cache });
      return { stats: cache.stats, build: p.recipes.get('s')?.recipe.build };
    };
    expect((await stage('dev')).build).toBe('stage dev');
    expect((await stage('a')).build).toBe('stage a');
    expect(await stage('dev')).toMatchObject({ build: 'stage dev', stats: { misses: 0 } });
    expect(await stage('a')).toMatchObject({ build: 'stage a', stats: { misses: 0 } });
  });

  it.each([
    ['garbage', () => 'not json {'],
    ['a valid JSON entry whose value was changed', (text: string) => text.replace('echo " .. config.hostname', 'x').replace('"plain"', '"tampered"')],
    ['an empty file', () => ''],
  ])('an entry that is %s is ignored, evaluated again and rewritten', async (_name, damage) => {
    const root = await project();
    await load(root);
    const dir = workspacePaths(root, 'dev').evalCache;
    const entries = await readdir(dir);
    let damaged = 0;
    for (const f of entries) {
      const text = await readFile(join(dir, f), 'utf8');
      if (!text.includes('"path":"system/plain/pkg.lua"')) continue;
      const bad = damage(text);
      expect(bad).not.toBe(text);
      await writeFile(join(dir, f), bad);
      damaged++;
    }
    expect(damaged).toBe(1);
    const after = await load(root);
    expect(after.stats).toMatchObject({ hits: FILES - 1, misses: 1, corrupt: 1, stored: 1 });
    expect(after.recipes.get('plain')?.recipe.name).toBe('plain');
    expect((await load(root)).stats).toMatchObject({ hits: FILES, corrupt: 0 });
  });

  it('no temp file is left behind, and a cache that cannot be written costs nothing but the evaluation', async () => {
    const root = await project();
    await load(root);
    expect((await readdir(workspacePaths(root, 'dev').evalCache)).filter((f) => f.startsWith('.'))).toEqual([]);
    // A file where the cache directory would be: nothing can be stored, loading still works.
    const blocked = await project();
    await writeFile(join(blocked, 'workspace'), 'not a directory');
    const p = await load(blocked);
    expect(p.stats).toMatchObject({ misses: FILES, stored: 0 });
    expect(p.build('motd')).toBe('echo stasis');
  });
});
