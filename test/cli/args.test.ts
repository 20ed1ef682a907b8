import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../farm/cli/args.js';
import { defineCommand } from '../../farm/cli/command.js';
import type { CliContext } from '../../farm/cli/io.js';
import type { CommandSpec } from '../../farm/cli/spec.js';

const SPEC = {
  name: 'demo',
  summary: 'a command to parse with',
  positionals: [
    { name: 'A', description: 'first' },
    { name: 'REST', description: 'more', optional: true, repeats: true },
  ],
  options: {
    jobs: { type: 'string', short: 'j', value: 'N', description: 'how many' },
    'keep-going': { type: 'boolean', short: 'k', description: 'go on' },
    tag: { type: 'string', value: 'T', multiple: true, description: 'repeatable' },
  },
} as const satisfies CommandSpec;

describe('parseCommandArgs', () => {
  it('reads long, inline, short and grouped options, and positionals around them', () => {
    expect(parseCommandArgs(SPEC, ['a', '--jobs', '4', 'b', '-k'])).toEqual({ values: { jobs: '4', 'keep-going': true }, positionals: ['a', 'b'] });
    expect(parseCommandArgs(SPEC, ['--jobs=2', 'a']).values.jobs).toBe('2');
    expect(parseCommandArgs(SPEC, ['-kj3', 'a']).values).toEqual({ 'keep-going': true, jobs: '3' });
    expect(parseCommandArgs(SPEC, ['a', '--tag', 'x', '--tag=y']).values.tag).toEqual(['x', 'y']);
  });

  it('takes what follows -- as positionals, even when it looks like an option', () => {
    expect(parseCommandArgs(SPEC, ['a', '--', '--jobs', '-x']).positionals).toEqual(['a', '--jobs', '-x']);
    expect(parseCommandArgs(SPEC, ['--jobs=-1', 'a']).values.jobs).toBe('-1');
  });

  it('refuses with USAGE errors that name the command and point to its help', () => {
    const refusal = (args: string[]): unknown => {
      try {
        parseCommandArgs(SPEC, args);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(refusal(['a', '--jbos', '2'])).toMatchObject({
      code: 'USAGE',
      message: 'demo: unknown option --jbos (did you mean --jobs?)',
      hint: 'stasis-farm demo --help',
    });
    expect(refusal(['a', '--keep-going=no'])).toMatchObject({ code: 'USAGE', message: 'demo: --keep-going is a switch and takes no value (got "no")' });
    expect(refusal([])).toMatchObject({ code: 'USAGE', message: 'demo: missing A (usage: stasis-farm demo A [REST...] [options])' });
    expect(refusal(['a', '-j'])).toMatchObject({ code: 'USAGE', message: 'demo: --jobs needs a value (N)' });
  });

  it("loads a command's implementation only to run it, once its arguments parse", async () => {
    let loads = 0;
    const command = defineCommand(SPEC, () => {
      loads++;
      return Promise.resolve((_ctx: CliContext, { positionals }: { positionals: readonly string[] }) => Promise.resolve(positionals.length));
    });
    const ctx = {} as CliContext;
    await expect(command.run(ctx, ['a', '--jbos', '2'])).rejects.toMatchObject({ code: 'USAGE' });
    expect(loads).toBe(0);
    expect(await command.run(ctx, ['a', 'b', 'c'])).toBe(3);
    expect(loads).toBe(1);
  });

  it('a spec the parser cannot follow is refused when it is defined', () => {
    const load = () => Promise.resolve((): Promise<number> => Promise.resolve(0));
    expect(() => defineCommand({ name: 'x', summary: 'x', options: { very: { type: 'boolean', short: 'v', description: 'clashes with --verbose' } } }, load)).toThrow(
      /-v is taken/,
    );
    const positionals = [
      { name: 'A', description: 'a', optional: true },
      { name: 'B', description: 'b' },
    ];
    expect(() => defineCommand({ name: 'x', summary: 'x', positionals, options: {} }, load)).toThrow(/B is required after an optional argument/);
  });
});
