import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { createFakeRuntime } from '../../farm/runtime/fake.js';
import { cli } from '../support/cli.js';

const REPO = resolve(import.meta.dirname, '..', '..');
afterAll(closeLuaWorkers);

/** Local recipes (no sources): enough for the CLI's edge; the example config's services and getty (busybox) are among them. */
const RECIPES: Readonly<Record<string, string>> = {
  busybox: '',
  lua: '',
  lpeg: ', build_deps = { "lua" }',
  ncurses: '',
  less: ', build_deps = { "ncurses" }',
  sed: '',
  musl: '',
  dhcpcd: '',
  openntpd: '',
  dropbear: '',
};
const SERVICES = '"dhcpcd", "openntpd", "dropbear", "busybox"';

/** A small Stasis tree: the recipes above, profiles base, ci and tiny, and (unless told) the example configs. */
async function project(withConfig = true): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'cli-'));
  for (const [name, extra] of Object.entries(RECIPES)) {
    await mkdir(join(root, 'system', name), { recursive: true });
    await writeFile(
      join(root, 'system', name, 'pkg.lua'),
      `return { name = "${name}", version = "1", description = "test", license = "MIT", sources = {}, build = "true"${extra} }\n`,
    );
  }
  await mkdir(join(root, 'profiles'));
  const profile = (packages: string): string => `return { description = "test", packages = { ${packages} } }\n`;
  await writeFile(
    join(root, 'profiles', 'base.lua'),
    profile(
      Object.keys(RECIPES)
        .map((n) => `"${n}"`)
        .join(', '),
    ),
  );
  await writeFile(join(root, 'profiles', 'ci.lua'), profile(`"lpeg", "less", ${SERVICES}`));
  await writeFile(join(root, 'profiles', 'tiny.lua'), profile('"musl"'));
  if (withConfig) {
    await cp(join(REPO, 'configs', 'config.lua.example'), join(root, 'config.lua'));
    await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
  }
  return root;
}

describe('the CLI edge', () => {
  it('documents commands and exit codes; usage errors exit 2', async () => {
    const root = await project(false);
    const help = await cli(root, ['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/Exit codes[\s\S]*130\s+interrupted/);
    expect((await cli(root, ['frobnicate'])).code).toBe(2);
    expect((await cli(root, ['build', '--jobs', 'many'])).code).toBe(2);
  });

  it('build PKG... names an unknown package before contacting the engine; packages and --profile exclude each other', async () => {
    const root = await project();
    const r = await cli(root, ['build', 'sed', 'no-such-pkg']);
    expect(r.err).toMatch(/UNKNOWN_PACKAGE[\s\S]*command line: package 2: unknown package "no-such-pkg"/);
    expect(r.code).toBe(3);
    expect((await cli(root, ['build', 'sed', '--profile', 'ci'])).code).toBe(2);
    expect((await cli(root, ['--help'])).out).toMatch(/build \[PKG\.\.\.\][\s\S]*the preview is not assembled or replaced/);
  });

  it('without config.lua says exactly how to create it (exit 3)', async () => {
    const r = await cli(await project(false), ['graph']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/CONFIG_MISSING/);
    expect(r.err).toMatch(/cp \S*configs\/config\.lua\.example config\.lua/);
  });

  it('graph --json orders dependencies first', async () => {
    const r = await cli(await project(), ['graph', '--profile', 'ci', '--json']);
    expect(r.code).toBe(0);
    const order = (JSON.parse(r.out) as { order: { name: string }[] }).order.map((p) => p.name);
    expect(order.indexOf('lua')).toBeLessThan(order.indexOf('lpeg'));
    expect(order.indexOf('ncurses')).toBeLessThan(order.indexOf('less'));
  });

  // The ci profile, not tiny: the example config's services need packages tiny lacks, which plan refuses (preflight.test.ts).
  it('plan works without an engine, saying so, and names why each package builds', async () => {
    const r = await cli(await project(), ['plan', '--profile', 'ci']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/warning: fake engine is down; keys are computed for an unresolved builder "stasis-builder:debian-musl"/);
    expect(r.out).toMatch(/build\s+lpeg [0-9a-f]{12}: new/);
  });

  it('asks for the engine only when a command needs one: plan keys its packages with the builder the engine has', async () => {
    const root = await project();
    let made = 0;
    const engine = () => {
      made++;
      return createFakeRuntime(() => ({}), { images: { 'stasis-builder:debian-musl': { id: `sha256:${'b'.repeat(64)}`, labels: {}, env: [] } } });
    };
    for (const args of [['--version'], ['--help'], ['plan', '--help'], ['graph', '--profile', 'ci']]) expect((await cli(root, args, {}, engine)).code).toBe(0);
    expect(made).toBe(0);
    const r = await cli(root, ['plan', '--profile', 'ci'], {}, engine);
    expect(r.code).toBe(0);
    expect(made).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/builder stasis-builder:debian-musl sha256:bbbbbbbbbbb/);
  });

  it('image list names each builder image once, marking the configured and the default one, and a configured builder the engine lacks', async () => {
    const root = await project();
    const builder = { labels: { 'org.stasis-farm.kind': 'builder' }, env: [], size: 594 * 1_048_576 };
    const images = {
      'stasis-builder:debian-musl': { id: `sha256:${'d'.repeat(64)}`, ...builder },
      'stasis-builder:debian-musl-trixie': { id: `sha256:${'e'.repeat(64)}`, ...builder },
      'stasis-builder-base:debian-musl': { id: `sha256:${'f'.repeat(64)}`, labels: { 'org.stasis-farm.kind': 'builder-base' }, env: [] },
    };
    const r = await cli(root, ['image', 'list'], {}, () => createFakeRuntime(() => ({}), { images }));
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim().split('\n')).toEqual([
      `stasis-builder:debian-musl  sha256:${'d'.repeat(12)}  594 MiB  (configured, default)`,
      `stasis-builder:debian-musl-trixie  sha256:${'e'.repeat(12)}  594 MiB`,
    ]);
    const other = await cli(root, ['image', 'list', '--ref', 'site/builder:1'], {}, () => createFakeRuntime(() => ({}), { images }));
    expect(other.out).toMatch(/^site\/builder:1 {2}absent: `stasis-farm image ensure --bootstrap` makes it$/m);
    expect(other.out).toMatch(/^stasis-builder:debian-musl {2}\S+ {2}594 MiB {2}\(default\)$/m);
  });

  it('a recipe error is rendered with its code, file and field (exit 3)', async () => {
    const root = await project();
    const file = join(root, 'system', 'lpeg', 'pkg.lua');
    await writeFile(file, (await readFile(file, 'utf8')).replace('build_deps = { "lua" }', 'build_deps = { "luaa" }'));
    const r = await cli(root, ['graph']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/system\/lpeg\/pkg\.lua: build_deps\[1\]: unknown package "luaa" \(did you mean "lua"\?\)/);
  });

  it('config diff reports options added to the examples since the copy', async () => {
    const root = await project();
    expect((await cli(root, ['config', 'diff'])).code).toBe(0);
    const text = await readFile(join(root, 'config.lua'), 'utf8');
    await writeFile(join(root, 'config.lua'), text.replace(/ {2}keymap = "us",\n/, '').replace('hostname = "stasis"', 'host_name = "stasis"'));
    const r = await cli(root, ['config', 'diff']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/new\s+keymap/);
    expect(r.out).toMatch(/renamed\s+host_name -> hostname/);
  });

  it('config diff sees options the example documents as nil (kernel.config, filesystem.swap)', async () => {
    const root = await project();
    const text = await readFile(join(root, 'config.lua'), 'utf8');
    expect(text).toMatch(/\n {4}config = nil,/);
    await writeFile(join(root, 'config.lua'), text.replace(/\n {4}config = nil,[^\n]*/, '').replace(/\n {4}swap = nil,[^\n]*/, ''));
    const r = await cli(root, ['config', 'diff']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/new\s+filesystem\.swap/);
    expect(r.out).toMatch(/new\s+kernel\.config/);
    // Setting it in config.lua is the same option, not a new one.
    await writeFile(join(root, 'config.lua'), text.replace('config = nil,', 'config = "kernel.config",'));
    await writeFile(join(root, 'kernel.config'), 'CONFIG_64BIT=y\n');
    expect((await cli(root, ['config', 'diff'])).out).not.toMatch(/kernel\.config/);
  });
});
