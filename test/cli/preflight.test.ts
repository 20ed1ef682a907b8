import { cp, mkdir, mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { cli } from '../support/cli.js';
import { FAKE_IMAGE, fakeRuntime, localRecipe } from '../support/tiny-project.js';

// Issue 18, item 2: a config.lua that cannot be assembled from the selected packages is refused
// when the project is loaded, before a source is fetched or a container made.
const REPO = resolve(import.meta.dirname, '..', '..');
afterAll(closeLuaWorkers);

const RECIPES: Readonly<Record<string, string>> = {
  musl: '',
  tcc: ', build_deps = { "musl" }',
  busybox: '',
  make: '',
  dhcpcd: '',
  openntpd: '',
  dropbear: '',
  tmux: '',
  kbd: '',
};

/** The four lines the example config gets with profile tiny (musl, tcc, busybox, make): one per option, each with its fix. */
const TINY_PROBLEMS = [
  'config.lua: network.interfaces[1]: eth0 uses DHCP, which needs package dhcpcd, which is not selected; fix: add "dhcpcd" to the profile or to include, or give eth0 a static address',
  'config.lua: services[1]: "dhcpcd" needs package dhcpcd, which is not selected; fix: add "dhcpcd" to the profile or to include, or remove "dhcpcd" from services',
  'config.lua: services[2]: "openntpd" needs package openntpd, which is not selected; fix: add "openntpd" to the profile or to include, or remove "openntpd" from services',
  'config.lua: services[3]: "dropbear" needs package dropbear, which is not selected; fix: add "dropbear" to the profile or to include, or remove "dropbear" from services',
];

/** A Stasis tree of local recipes with profiles tiny and base, the example default.lua and the example config.lua (edited by `edit`). */
async function project(edit: (config: string) => string = (c) => c): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'preflight-'));
  for (const [name, extra] of Object.entries(RECIPES)) {
    await mkdir(join(root, 'system', name), { recursive: true });
    await writeFile(join(root, 'system', name, 'pkg.lua'), localRecipe(name, extra));
  }
  await mkdir(join(root, 'profiles'));
  const profile = (names: readonly string[]): string => `return { description = "test", packages = { ${names.map((n) => `"${n}"`).join(', ')} } }\n`;
  await writeFile(join(root, 'profiles', 'tiny.lua'), profile(['musl', 'tcc', 'busybox', 'make']));
  await writeFile(join(root, 'profiles', 'base.lua'), profile(Object.keys(RECIPES)));
  await writeFile(join(root, 'config.lua'), edit(await readFile(join(REPO, 'configs', 'config.lua.example'), 'utf8')));
  await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
  return root;
}

const exists = (path: string): Promise<boolean> =>
  stat(path).then(
    () => true,
    () => false,
  );

/** A fake engine that counts how often the CLI asked for it; its containers are in `runtime.created`. */
function countedEngine() {
  const runtime = fakeRuntime(() => ({}));
  const engine = { made: 0, runtime, make: () => (engine.made++, runtime) };
  return engine;
}

describe('config.lua is checked against the selected packages before anything is built', () => {
  it('build --profile tiny with the example config is refused (exit 3), naming every option, its missing package and the fix; no engine, no container, no source', async () => {
    const root = await project();
    const engine = countedEngine();
    const r = await cli(root, ['build', '--profile', 'tiny'], {}, engine.make);
    expect(r.code).toBe(3);
    expect(r.err).toContain('CONFIG_INVALID');
    expect(r.err).toContain('config.lua cannot be assembled from the packages of profile "tiny"; nothing was fetched or built');
    for (const line of TINY_PROBLEMS) expect(r.err).toContain(line);
    expect(r.err).toContain('include = { "dhcpcd", "openntpd", "dropbear" } in config.lua adds the missing package(s)');
    expect(engine.made).toBe(0);
    expect(engine.runtime.created).toEqual([]);
    // Nothing was fetched or locked: the workspace holds only the evaluations of the Lua files.
    expect(await readdir(join(root, 'workspace'))).toEqual(['eval-cache']);
  });

  it('graph, plan and release refuse the same config with the same message as build', async () => {
    const root = await project();
    const engine = countedEngine();
    const build = await cli(root, ['build', '--profile', 'tiny'], {}, engine.make);
    for (const command of ['plan', 'graph', 'release']) {
      const r = await cli(root, [command, '--profile', 'tiny'], {}, engine.make);
      expect(r.code, command).toBe(3);
      expect(r.err, command).toBe(build.err);
      expect(r.out, command).toBe('');
    }
    expect(engine.made).toBe(0);
  });

  it('--json: the problems are data too (file, field, problem, fix)', async () => {
    const r = await cli(await project(), ['plan', '--profile', 'tiny', '--json']);
    const error = JSON.parse(r.err.trim().split('\n').at(-1) as string) as { code: string; data: { problems: { field: string; fix: string }[] } };
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.data.problems.map((p) => p.field)).toEqual(['network.interfaces[1]', 'services[1]', 'services[2]', 'services[3]']);
    expect(error.data.problems[3]).toEqual({
      file: 'config.lua',
      field: 'services[3]',
      problem: '"dropbear" needs package dropbear, which is not selected',
      fix: 'add "dropbear" to the profile or to include, or remove "dropbear" from services',
    });
  });

  it("a package config.lua's exclude removes is named as such, with the fix to take it out of exclude", async () => {
    const r = await cli(await project((c) => c.replace('exclude = {}', 'exclude = { "dropbear" }')), ['plan']);
    expect(r.code).toBe(3);
    expect(r.err).toContain('config.lua cannot be assembled from the packages of profile "base" with config.lua\'s exclude');
    expect(r.err).toContain(
      'config.lua: services[3]: "dropbear" needs package dropbear, which is not selected; fix: remove "dropbear" from exclude, or remove "dropbear" from services',
    );
  });

  it('what assembles but would not work is a warning that refuses nothing', async () => {
    const root = await project((c) =>
      c
        .replace('keymap = "us"', 'keymap = "de"')
        .replace('services = { "dhcpcd", "openntpd", "dropbear" }', 'services = {}')
        .replace(/interfaces = \{[\s\S]*?\n {4}\},/, 'interfaces = {},'),
    );
    const r = await cli(root, ['graph', '--profile', 'tiny']);
    expect(r.code).toBe(0);
    expect(r.err).toContain(
      `warning: config.lua: keymap: "de" needs package kbd (loadkeys), which is not selected: the console keeps the kernel's keymap (us); fix: add "kbd" to the profile or to include, or set keymap = "us"`,
    );
  });
});

describe('--profile with config.lua include and exclude', () => {
  it('--profile P selects P + include - exclude, as config.lua profile P does; an exclude that removes nothing is a warning', async () => {
    const root = await project((c) =>
      c.replace('include = {}', 'include = { "dhcpcd", "openntpd", "dropbear" }').replace('exclude = {}', 'exclude = { "make", "tmux" }'),
    );
    const r = await cli(root, ['graph', '--profile', 'tiny', '--json']);
    expect(r.code, r.err).toBe(0);
    const order = (JSON.parse(r.out) as { order: { name: string }[] }).order.map((p) => p.name).sort();
    expect(order).toEqual(['busybox', 'dhcpcd', 'dropbear', 'musl', 'openntpd', 'tcc']);
    expect(r.err).toContain('config.lua: exclude[2]: \\"tmux\\" is not selected anyway: excluding it changes nothing');
    // The same selection from config.lua's own profile.
    await writeFile(join(root, 'config.lua'), (await readFile(join(root, 'config.lua'), 'utf8')).replace('profile = "base"', 'profile = "tiny"'));
    const same = await cli(root, ['graph', '--json']);
    expect(same.out).toBe(r.out);
    expect((await cli(root, ['plan', '--profile', 'tiny'])).code).toBe(0);
  });

  it('an unknown name in include is reported with a did-you-mean under --profile too', async () => {
    const root = await project((c) => c.replace('include = {}', 'include = { "tmuxx" }'));
    const r = await cli(root, ['plan', '--profile', 'tiny']);
    expect(r.code).toBe(3);
    expect(r.err).toContain('UNKNOWN_PACKAGE');
    expect(r.err).toContain('config.lua: include[1]: unknown package "tmuxx" (did you mean "tmux"?)');
  });

  it('excluding a package the profile needs is an error under --profile too, naming who needs it', async () => {
    const root = await project((c) => c.replace('exclude = {}', 'exclude = { "musl" }'));
    const r = await cli(root, ['graph', '--profile', 'tiny']);
    expect(r.code).toBe(3);
    expect(r.err).toContain('config.lua: exclude[1]: "musl" is needed by tcc (build_deps)');
  });
});

describe('build PKG... assembles no rootfs, so config.lua is not held against its selection', () => {
  it('builds make with the example config, whose services and DHCP need packages outside the selection', async () => {
    const root = await project();
    const engine = countedEngine();
    const r = await cli(root, ['build', 'make', '--builder', FAKE_IMAGE], {}, engine.make);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/1 package\(s\) for make; preview not assembled/);
    expect(engine.runtime.created).toHaveLength(1);
    expect(await exists(join(root, 'workspace', 'preview'))).toBe(false);
  });
});
