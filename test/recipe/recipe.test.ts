import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../farm/config/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { loadProfile, loadRecipes, validateRecipe } from '../../farm/recipe/index.js';
import { buildOrder } from '../../farm/graph/index.js';
import { computeKeys } from '../../farm/keys/index.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const SHA = 'a'.repeat(64);
afterAll(closeLuaWorkers);

const good = { name: 'zlib', version: '1.2.13', description: 'compression', license: 'Zlib', sources: [{ url: 'https://zlib.net/zlib-1.2.13.tar.gz', sha256: SHA }], build: 'make' };

async function root(recipes: Record<string, string>, extra: Record<string, string> = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'recipes-'));
  await cp(join(REPO, 'configs', 'config.lua.example'), join(dir, 'config.lua'));
  await cp(join(REPO, 'configs', 'default.lua.example'), join(dir, 'default.lua'));
  for (const [name, text] of Object.entries(recipes)) {
    await mkdir(join(dir, 'system', name), { recursive: true });
    await writeFile(join(dir, 'system', name, 'pkg.lua'), text);
  }
  for (const [path, text] of Object.entries(extra)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

describe('validateRecipe', () => {
  it('fills the documented defaults', () => {
    const r = validateRecipe(good, 'system/zlib/pkg.lua', 'zlib');
    expect(r).toMatchObject({ static: true, toolchain: true, timeout: 3600, patches: [], buildDeps: [] });
    expect(r.sources[0]).toEqual({ url: 'https://zlib.net/zlib-1.2.13.tar.gz', sha256: SHA, file: 'zlib-1.2.13.tar.gz', extract: true });
  });

  it.each([
    [{ biuld: 'make' }, /system\/zlib\/pkg\.lua: biuld: unknown option \(did you mean "build"\?\)/],
    [{ version: 1 }, /system\/zlib\/pkg\.lua: version: expected a string, got number 1/],
    [{ sources: [{ url: 'https://zlib.net/z.tar.gz' }] }, /system\/zlib\/pkg\.lua: sources\[1\]\.sha256: missing/],
    [{ sources: [{ url: 'https://zlib.net/z.tar.gz', sha256: 'ABC' }] }, /sources\[1\]\.sha256: expected 64 lower-case hex digits/],
    [{ sources: [{ url: 'file:///etc/passwd', sha256: SHA }] }, /sources\[1\]\.url: .* is not an http, https or ftp URL/],
    [{ name: 'zlib-ng' }, /system\/zlib\/pkg\.lua: name: "zlib-ng" differs from its folder "system\/zlib"/],
    [{ patches: ['../../etc/passwd'] }, /patches\[1\]: .* is not a file name beside pkg\.lua/],
    [{ build_deps: ['zlib'] }, /build_deps\[1\]: a package cannot depend on itself/],
  ])('rejects %j naming file and field', (override, message) => {
    expect(() => validateRecipe({ ...good, ...override }, 'system/zlib/pkg.lua', 'zlib')).toThrow(message);
  });
});

describe('loadRecipes', () => {
  const recipe = (name: string, extra = ''): string =>
    `return { name = "${name}", version = "1", description = "d", license = "MIT", sources = {}, build = "true"${extra} }\n`;

  it('reports an unknown dependency with a suggestion, naming file and field', async () => {
    const dir = await root({ lua: recipe('lua'), lpeg: recipe('lpeg', ', build_deps = { "luaa" }') });
    const config = await loadConfig(dir);
    await expect(loadRecipes(dir, config, { stage: 'dev' })).rejects.toThrow(/system\/lpeg\/pkg\.lua: build_deps\[1\]: unknown package "luaa" \(did you mean "lua"\?\)/);
  });

  it('collects the errors of every recipe, and names a missing patch file', async () => {
    const dir = await root({ a: 'return {', b: recipe('b', ', patches = { "fix.patch" }') });
    const config = await loadConfig(dir);
    const error = await loadRecipes(dir, config, { stage: 'dev' }).catch((e: Error) => e);
    expect(String((error as Error).message)).toMatch(/2 problems/);
    expect(String((error as Error).message)).toMatch(/system\/a\/pkg\.lua:1: .*expected/);
    expect(String((error as Error).message)).toMatch(/system\/b\/pkg\.lua: patches\[1\]: "fix\.patch" does not exist beside pkg\.lua/);
  });

  it('the kernel .config content enters the key of the recipe that reads it, and no other', async () => {
    const dir = await root({
      linux: recipe('linux', ', files = {}') .replace('build = "true"', 'build = "cp /build/files/kernel.config .config" .. (config.kernel.config and "" or "")'),
      zlib: recipe('zlib'),
    });
    const { readFile: rf, writeFile: wf } = await import('node:fs/promises');
    const example = await rf(join(dir, 'config.lua'), 'utf8');
    await wf(join(dir, 'config.lua'), example.replace('config = nil,', 'config = "kernel.config",'));
    const keysWith = async (content: string) => {
      await wf(join(dir, 'kernel.config'), content);
      const recipes = await loadRecipes(dir, await loadConfig(dir), { stage: 'dev' });
      const order = buildOrder(recipes, [...recipes.keys()]);
      const keys = computeKeys(order, recipes, { farmVersion: 't', builderImage: 'i', stage: 'dev', toolchainEnv: { CC: 'cc', CFLAGS: '', CXXFLAGS: '', LDFLAGS: '', LTO: '0' } });
      return { recipes, linux: keys.get('linux')?.key, zlib: keys.get('zlib')?.key };
    };
    const a = await keysWith('CONFIG_64BIT=y\n');
    const b = await keysWith('CONFIG_64BIT=y\nCONFIG_MODULES=n\n');
    expect(a.recipes.get('linux')?.configFiles).toEqual([{ name: 'kernel.config', path: join(dir, 'kernel.config') }]);
    expect(a.recipes.get('linux')?.reads.map((r) => r.path)).toContain('config.kernel.config#sha256');
    expect(a.recipes.get('zlib')?.configFiles).toBeUndefined();
    expect(b.linux).not.toBe(a.linux);
    expect(b.zlib).toBe(a.zlib);
  });

  it('loads every real recipe and profile of the repository', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'real-'));
    await cp(join(REPO, 'system'), join(dir, 'system'), { recursive: true });
    await cp(join(REPO, 'profiles'), join(dir, 'profiles'), { recursive: true });
    await cp(join(REPO, 'configs', 'config.lua.example'), join(dir, 'config.lua'));
    await cp(join(REPO, 'configs', 'default.lua.example'), join(dir, 'default.lua'));
    const recipes = await loadRecipes(dir, await loadConfig(dir), { stage: 'dev' });
    expect(recipes.size).toBeGreaterThan(40);
    for (const name of ['tiny', 'ci', 'base']) {
      const profile = await loadProfile(dir, name, { stage: 'dev' });
      for (const p of profile.packages) expect(recipes.has(p), `${name}: ${p}`).toBe(true);
    }
  });

  it('profiles: extends is followed, cycles and unknown profiles are named', async () => {
    const dir = await root({}, {
      'profiles/a.lua': 'return { description = "a", extends = "b", packages = { "x" } }',
      'profiles/b.lua': 'return { description = "b", packages = { "y" } }',
      'profiles/c.lua': 'return { description = "c", extends = "d", packages = {} }',
      'profiles/d.lua': 'return { description = "d", extends = "c", packages = {} }',
    });
    expect((await loadProfile(dir, 'a', { stage: 'dev' })).packages).toEqual(['y', 'x']);
    await expect(loadProfile(dir, 'c', { stage: 'dev' })).rejects.toThrow(/"extends" cycle: c -> d -> c/);
    await expect(loadProfile(dir, 'nope', { stage: 'dev' })).rejects.toMatchObject({ hint: expect.stringContaining('a, b, c, d') });
  });
});
