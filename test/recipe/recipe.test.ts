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

const good = {
  name: 'zlib',
  version: '1.2.13',
  description: 'compression',
  license: 'Zlib',
  sources: [{ url: 'https://zlib.net/zlib-1.2.13.tar.gz', sha256: SHA }],
  build: 'make',
};

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

  it('builder_tool = true is recorded; left out, the recipe has no such field (every other key stays as it was)', () => {
    expect(validateRecipe({ ...good, builder_tool: true }, 'system/zlib/pkg.lua', 'zlib').builderTool).toBe(true);
    expect('builderTool' in validateRecipe(good, 'system/zlib/pkg.lua', 'zlib')).toBe(false);
    expect('builderTool' in validateRecipe({ ...good, builder_tool: false }, 'system/zlib/pkg.lua', 'zlib')).toBe(false);
  });

  it('accepts a timeout of up to 7 days', () => {
    expect(validateRecipe({ ...good, timeout: 7 * 24 * 3600 }, 'system/zlib/pkg.lua', 'zlib').timeout).toBe(604800);
  });

  it('accepts ftp URLs, explicit file names and extract = false', () => {
    const r = validateRecipe(
      {
        ...good,
        sources: [
          { url: 'ftp://ftp.x.org/pub/snap.tgz?x=1', sha256: SHA },
          { url: 'https://x.org/get?id=3', sha256: 'b'.repeat(64), file: 'x-3.tar.gz', extract: false },
        ],
      },
      'system/zlib/pkg.lua',
      'zlib',
    );
    expect(r.sources.map((s) => [s.file, s.extract])).toEqual([
      ['snap.tgz', true],
      ['x-3.tar.gz', false],
    ]);
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
    [
      {
        sources: [
          { url: 'https://a.org/z.tar.gz', sha256: SHA },
          { url: 'ftp://b.org/pub/z.tar.gz', sha256: SHA },
        ],
      },
      /sources\[2\]\.file: "z\.tar\.gz" is used by two sources/,
    ],
    [{ sources: [{ url: 'https://a.org/z.tar.gz', sha256: SHA, extrct: false }] }, /sources\[1\]\.extrct: unknown field \(did you mean "extract"\?\)/],
    [{ sources: [{ url: 'https://a.org/z/', sha256: SHA }] }, /sources\[1\]\.file: cannot derive a file name from the URL/],
    [{ files: ['sub/dir.conf'] }, /files\[1\]: .* is not a file name beside pkg\.lua/],
    [{ timeout: 1.5 }, /timeout: expected an integer >= 1, got number 1\.5/],
    // Node fires a timer above 2^31-1 ms at once: the build would time out immediately.
    [{ timeout: 3000000 }, /system\/zlib\/pkg\.lua: timeout: 3000000 is more than the maximum, 604800 s \(7 days\)/],
    [{ static: 'no' }, /static: expected true or false/],
    [{ build: undefined }, /system\/zlib\/pkg\.lua: build: missing: write the build script, or name a build_style/],
    [{ builder_tool: 'yes' }, /system\/zlib\/pkg\.lua: builder_tool: expected true or false/],
    [{ builder_tool: true, deps: ['musl'] }, /system\/zlib\/pkg\.lua: deps: a builder tool is never installed, so it has no runtime deps/],
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

  it('the code is UNKNOWN_PACKAGE only when every problem is an unknown dependency; the errors found are its cause', async () => {
    const unknown = await root({ lua: recipe('lua'), lpeg: recipe('lpeg', ', build_deps = { "luaa" }') });
    await expect(loadRecipes(unknown, await loadConfig(unknown), { stage: 'dev' })).rejects.toMatchObject({ code: 'UNKNOWN_PACKAGE' });
    const mixed = await root({ a: 'return {', lpeg: recipe('lpeg', ', build_deps = { "luaa" }') });
    const error = await loadRecipes(mixed, await loadConfig(mixed), { stage: 'dev' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'RECIPE_INVALID', message: expect.stringMatching(/2 problems/) as unknown });
    expect((error as Error).cause).toMatchObject({ code: 'LUA_ERROR' });
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
      linux: recipe('linux', ', files = {}').replace('build = "true"', 'build = "cp /build/files/kernel.config .config" .. (config.kernel.config and "" or "")'),
      zlib: recipe('zlib'),
    });
    const { readFile: rf, writeFile: wf } = await import('node:fs/promises');
    const example = await rf(join(dir, 'config.lua'), 'utf8');
    await wf(join(dir, 'config.lua'), example.replace('config = nil,', 'config = "kernel.config",'));
    const keysWith = async (content: string) => {
      await wf(join(dir, 'kernel.config'), content);
      const recipes = await loadRecipes(dir, await loadConfig(dir), { stage: 'dev' });
      const order = buildOrder(recipes, [...recipes.keys()]);
      const keys = computeKeys(order, recipes, {
        farmVersion: 't',
        builderImage: 'i',
        stage: 'dev',
        toolchainEnv: { CC: 'cc', CFLAGS: '', CXXFLAGS: '', LDFLAGS: '', LTO: '0' },
        stripStepSha256: 's'.repeat(64),
      });
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

  it('profiles: extends is followed, cycles and unknown profiles are named', async () => {
    const dir = await root(
      {},
      {
        'profiles/a.lua': 'return { description = "a", extends = "b", packages = { "x" } }',
        'profiles/b.lua': 'return { description = "b", packages = { "y" } }',
        'profiles/c.lua': 'return { description = "c", extends = "d", packages = {} }',
        'profiles/d.lua': 'return { description = "d", extends = "c", packages = {} }',
        'profiles/e.lua': 'return { description = "e", extends = "gone", packages = {} }',
      },
    );
    expect((await loadProfile(dir, 'a', { stage: 'dev' })).packages).toEqual(['y', 'x']);
    await expect(loadProfile(dir, 'c', { stage: 'dev' })).rejects.toThrow(/"extends" cycle: c -> d -> c/);
    await expect(loadProfile(dir, 'nope', { stage: 'dev' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/^config\.lua: profile: no profile "nope" .*available: a, b, c, d/) as unknown,
    });
    // The error names where the name came from: a command-line flag, or the profile that extends it.
    await expect(loadProfile(dir, 'nope', { stage: 'dev' }, '--profile')).rejects.toThrow(/^--profile: no profile "nope"/);
    await expect(loadProfile(dir, 'e', { stage: 'dev' })).rejects.toThrow(/^profiles\/e\.lua: extends: no profile "gone"/);
  });

  it('profiles: unknown fields are rejected, packages de-duplicated, Lua errors name file and line', async () => {
    const dir = await root(
      {},
      {
        'profiles/p.lua': 'return { description = "p", pakages = { "x" } }',
        'profiles/q.lua': 'return { description = "q", extends = "r", packages = { "x", "y", "x" } }',
        'profiles/r.lua': 'return { description = "r", packages = { "y", "z" } }',
        'profiles/s.lua': 'return {\n  description = nil .. "s" }',
      },
    );
    await expect(loadProfile(dir, 'p', { stage: 'dev' })).rejects.toThrow(/profiles\/p\.lua: pakages: unknown option \(did you mean "packages"\?\)/);
    expect(await loadProfile(dir, 'q', { stage: 'dev' })).toEqual({ name: 'q', description: 'q', packages: ['y', 'z', 'x'] });
    await expect(loadProfile(dir, 's', { stage: 'dev' })).rejects.toMatchObject({
      code: 'LUA_ERROR',
      message: expect.stringMatching(/^profiles\/s\.lua:2: /) as unknown,
    });
  });

  it('hashes the recipe, its patches and files, and records its reads', async () => {
    const dir = await root(
      { z: recipe('z', ', patches = { "a.patch" }, files = { "z.conf" }, toolchain = defaults.lto == false') },
      { 'system/z/a.patch': 'patch', 'system/z/z.conf': 'conf' },
    );
    const { createHash } = await import('node:crypto');
    const sha = (t: string): string => createHash('sha256').update(t).digest('hex');
    const z = (await loadRecipes(dir, await loadConfig(dir), { stage: 'a' })).get('z');
    expect(z).toMatchObject({
      file: 'system/z/pkg.lua',
      dir: join(dir, 'system', 'z'),
      patchSha256: { 'a.patch': sha('patch') },
      fileSha256: { 'z.conf': sha('conf') },
      reads: [{ path: 'defaults.lto', value: 'false' }],
      recipe: { toolchain: true, patches: ['a.patch'], files: ['z.conf'] },
    });
    expect(z?.recipeSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('names the second missing patch by its index', async () => {
    const dir = await root({ y: recipe('y', ', patches = { "one.patch", "two.patch" }') }, { 'system/y/one.patch': 'x' });
    await expect(loadRecipes(dir, await loadConfig(dir), { stage: 'dev' })).rejects.toMatchObject({
      code: 'RECIPE_INVALID',
      message: expect.stringContaining('system/y/pkg.lua: patches[2]: "two.patch" does not exist') as unknown,
    });
  });
});
