import { cp, mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../farm/cli/commands.js';
import { GLOBAL_OPTIONS } from '../../farm/cli/globals.js';
import { HELP } from '../../farm/cli/help.js';
import type { CommandSpec, LeafCommand } from '../../farm/cli/spec.js';
import { optionLabel, usageLine } from '../../farm/cli/usage.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { cli } from '../support/cli.js';

const REPO = resolve(import.meta.dirname, '..', '..');
afterAll(closeLuaWorkers);

/** Help text with its line breaks and indentation folded, as descriptions are wrapped. */
const flat = (text: string): string => text.replace(/\s+/g, ' ');

/** Every spec: a command's own, or each subcommand's. */
const leaves = (): [string[], LeafCommand][] =>
  Object.entries(COMMANDS).flatMap(([name, c]): [string[], LeafCommand][] =>
    c.kind === 'command' ? [[[name], c]] : Object.entries(c.subcommands).map(([sub, leaf]): [string[], LeafCommand] => [[name, sub], leaf]),
  );

function expectDocumented(text: string, spec: CommandSpec): void {
  expect(text).toContain(`Usage: ${usageLine(spec)}`);
  expect(flat(text)).toContain(flat(spec.summary).slice(1));
  for (const p of spec.positionals ?? []) {
    expect(p.description.trim(), `${spec.name} ${p.name}: no description`).not.toBe('');
    expect(flat(text)).toContain(flat(p.description));
  }
  for (const [name, o] of Object.entries(spec.options)) {
    expect(o.description.trim(), `${spec.name} --${name}: no description`).not.toBe('');
    if (o.type === 'string') expect(o.value, `${spec.name} --${name}: what is its value? (value: 'N', 'FILE'...)`).toBeDefined();
    expect(text).toContain(optionLabel(name, o));
    expect(flat(text)).toContain(flat(o.description));
  }
  for (const name of Object.keys(GLOBAL_OPTIONS)) expect(text).toContain(`--${name}`);
}

describe('per-command help, made from the same table as the parser', () => {
  for (const [words, leaf] of leaves()) {
    it(`stasis-farm ${words.join(' ')} --help shows its usage, every argument and every option`, async () => {
      const r = await cli(tmpdir(), [...words, '--help']);
      expect(r.code).toBe(0);
      expect(r.err).toBe('');
      expectDocumented(r.out, leaf.spec);
      expect(r.out).not.toMatch(/^Exit codes/m);
      // `help <command>` says the same.
      expect((await cli(tmpdir(), ['help', ...words])).out).toBe(r.out);
    });
  }

  for (const [name, group] of Object.entries(COMMANDS)) {
    if (group.kind !== 'group') continue;
    it(`stasis-farm ${name} --help shows every subcommand with its options`, async () => {
      const r = await cli(tmpdir(), [name, '--help']);
      expect(r.code).toBe(0);
      for (const leaf of Object.values(group.subcommands)) expectDocumented(r.out, leaf.spec);
    });
  }

  it('the overview names every command, and only options its commands take', () => {
    const specs = new Map(leaves().map(([words, leaf]) => [words.join(' '), leaf.spec]));
    const overview = HELP.slice(0, HELP.indexOf('\nGlobal options'));
    // A block: a line naming a command (two spaces, the command), then the lines indented under it.
    const blocks = overview.split(/\n(?= {2}[a-z])/).map((b) => b.trim());
    for (const name of Object.keys(COMMANDS))
      expect(
        blocks.some((b) => b.startsWith(`${name} `) || b === name),
        `the overview names ${name}`,
      ).toBe(true);
    const globals = [...Object.keys(GLOBAL_OPTIONS), 'help', 'version'];
    for (const block of blocks) {
      const words = block.split(/\s/).slice(0, 2);
      const spec = specs.get(words.join(' ')) ?? specs.get(words[0] ?? '');
      if (spec === undefined) continue;
      for (const [, flag] of block.matchAll(/--([a-z][a-z-]*)/g)) {
        expect([...Object.keys(spec.options), ...globals], `overview of ${spec.name} mentions --${flag}`).toContain(flag);
      }
    }
  });

  it('the overview keeps its exit codes', () => {
    expect(HELP).toMatch(/Exit codes[\s\S]*130\s+interrupted/);
    expect(HELP).toContain('stasis-farm <command> --help');
  });
});

describe('mistyped commands and options', () => {
  it('an unknown command gets a suggestion, exit 2', async () => {
    const r = await cli(tmpdir(), ['biuld']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('stasis-farm: unknown command "biuld" (did you mean "build"?)\n');
    expect((await cli(tmpdir(), ['frobnicate'])).err).toMatch(/unknown command "frobnicate" \(see stasis-farm --help\)/);
    expect((await cli(tmpdir(), ['help', 'biuld'])).err).toMatch(/did you mean "build"/);
  });

  it("an unknown option is refused in the farm's words, with a suggestion and the command's help as hint", async () => {
    const r = await cli(tmpdir(), ['release', '--jbos', '4']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/\[USAGE\] release: unknown option --jbos \(did you mean --jobs\?\)\nhint: stasis-farm release --help/);
    expect(r.err).not.toMatch(/To specify a positional argument/);
    // A mistyped global option is suggested too.
    expect((await cli(tmpdir(), ['plan', '--mirorr', 'x'])).err).toMatch(/plan: unknown option --mirorr \(did you mean --mirror\?\)/);
    expect((await cli(tmpdir(), ['plan', '-x'])).err).toMatch(/plan: unknown option -x\n/);
  });

  it('a subcommand of image, mirror, cache or config is checked, with a suggestion', async () => {
    const r = await cli(tmpdir(), ['image', 'lst']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/image: unknown subcommand "lst" \(did you mean "list"\?\)/);
    expect((await cli(tmpdir(), ['cache'])).err).toMatch(/cache: a subcommand comes first: verify/);
    // Options are a subcommand's own: `image list` takes no --bootstrap.
    expect((await cli(tmpdir(), ['image', 'list', '--bootstrap'])).err).toMatch(/image list: unknown option --bootstrap/);
  });

  it("a missing value, or a value given to a switch, is refused in the farm's words", async () => {
    const missing = await cli(tmpdir(), ['build', '--jobs']);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/build: --jobs needs a value \(N\)/);
    const swallowed = await cli(tmpdir(), ['build', '--jobs', '--offline']);
    expect(swallowed.err).toMatch(/build: --jobs needs a value \(N\); the next argument, --offline, is an option/);
    const valued = await cli(tmpdir(), ['build', '--offline=yes']);
    expect(valued.code).toBe(2);
    expect(valued.err).toMatch(/build: --offline is a switch and takes no value \(got "yes"\)/);
    const globalValue = await cli(tmpdir(), ['plan', '--root']);
    expect(globalValue.code).toBe(2);
    expect(globalValue.err).toMatch(/--root needs a value \(DIR\)/);
  });
});

describe('positional arguments are counted', () => {
  it('an argument a command does not take is refused, naming it and the usage', async () => {
    const r = await cli(tmpdir(), ['plan', 'foo']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/plan: unexpected argument "foo" \(usage: stasis-farm plan \[options\]\)/);
    expect((await cli(tmpdir(), ['graph', 'a', 'b'])).err).toMatch(/graph: unexpected arguments "a" "b"/);
    expect((await cli(tmpdir(), ['mirror', 'verify', 'a', 'b'])).err).toMatch(/mirror verify: unexpected argument "b" \(usage: stasis-farm mirror verify \[DIR\]\)/);
  });

  it('a missing argument or required option is named', async () => {
    expect((await cli(tmpdir(), ['compare', 'a'])).err).toMatch(/compare: missing B \(usage: stasis-farm compare A B \[options\]\)/);
    expect((await cli(tmpdir(), ['why'])).err).toMatch(/why: missing PKG/);
    const sign = await cli(tmpdir(), ['sign', 'dist']);
    expect(sign.code).toBe(2);
    expect(sign.err).toMatch(/sign: --key FILE is required \(usage: stasis-farm sign DIST --key FILE \[options\]\)/);
  });
});

describe('tests --profile', () => {
  async function tree(): Promise<{ root: string; dir: string }> {
    const root = await mkdtemp(join(tmpdir(), 'cli-tests-'));
    await cp(join(REPO, 'profiles'), join(root, 'profiles'), { recursive: true });
    const dir = join(root, 'rootfs');
    await mkdir(join(dir, 'etc'), { recursive: true });
    return { root, dir };
  }

  it('takes the selection flag of build: a profile that exists is accepted', async () => {
    const { root, dir } = await tree();
    const r = await cli(root, ['tests', dir, '--profile', 'ci']);
    expect(r.err).not.toMatch(/USAGE|CONFIG_INVALID/);
    expect(r.code).toBe(0);
  });

  it('refuses a profile that does not exist, naming it and the flag', async () => {
    const { root, dir } = await tree();
    const r = await cli(root, ['tests', dir, '--profile', 'nosuch']);
    expect(r.code).toBe(3);
    expect(r.err).toMatch(/--profile: no profile "nosuch" \(profiles\/nosuch\.lua does not exist\); available: .*\bci\b/);
    expect(r.err).toMatch(/hint: a profile is a file profiles\/NAME\.lua; choose one/);
    const near = await cli(root, ['tests', dir, '--profile', 'tinyy']);
    expect(near.err).toMatch(/hint: did you mean "tiny"\? choose one with `profile` in config\.lua or --profile/);
  });
});
