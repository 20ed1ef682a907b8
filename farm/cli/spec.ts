import type { CliContext } from './io.js';

/**
 * One table per command (spec-<command>.ts): the parser (args.ts) and the help
 * (usage.ts) are both made from it, so an option cannot be parsed without being
 * documented. The table is all the CLI loads of a command until it runs.
 */
export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  /** One letter: `-j 4` for `--jobs 4`. */
  readonly short?: string;
  /** What the value is, shown in the help: `--jobs N`. String options only. */
  readonly value?: string;
  /** Repeatable; the values are collected in order. */
  readonly multiple?: boolean;
  /** The command refuses to run without it. */
  readonly required?: boolean;
  readonly description: string;
}

export type OptionsSpec = Readonly<Record<string, OptionSpec>>;

/** One positional argument; the optional ones come last, and only the last repeats. */
export interface PositionalSpec {
  /** As shown in the usage line: `PKG`, `DIST`, `ROOTFS|TARBALL`. */
  readonly name: string;
  readonly description: string;
  readonly optional?: boolean;
  /** Takes any number of arguments (at least one unless optional). */
  readonly repeats?: boolean;
}

export interface CommandSpec<O extends OptionsSpec = OptionsSpec> {
  /** As typed: `build`, `image import`. */
  readonly name: string;
  /** One line, shown in the overview of a command with subcommands. */
  readonly summary: string;
  /** More about what it does, shown under the usage line of its help. */
  readonly description?: string;
  readonly positionals?: readonly PositionalSpec[];
  readonly options: O;
}

type ValueOf<S extends OptionSpec> = S extends { readonly multiple: true } ? readonly string[] : S['type'] extends 'string' ? string : true;
type RequiredKeys<O extends OptionsSpec> = { [K in keyof O]: O[K] extends { readonly required: true } ? K : never }[keyof O];

/** The parsed options: a required one is always there; a switch given is `true`. */
export type OptionValues<O extends OptionsSpec> = { readonly [K in Exclude<keyof O, RequiredKeys<O>>]?: ValueOf<O[K]> } & {
  readonly [K in RequiredKeys<O>]: ValueOf<O[K]>;
};

export interface ParsedArgs<O extends OptionsSpec> {
  readonly values: OptionValues<O>;
  readonly positionals: readonly string[];
}

/** What a command does with the arguments its spec parsed; the exit code. */
export type CommandRun<O extends OptionsSpec> = (ctx: CliContext, args: ParsedArgs<O>) => Promise<number>;

/** A command that runs: it parses its own arguments with its spec. */
export interface LeafCommand {
  readonly kind: 'command';
  readonly spec: CommandSpec;
  run(ctx: CliContext, args: readonly string[]): Promise<number>;
}

/** A command whose subcommands do the work: its name and one line about it. */
export interface GroupSpec {
  readonly name: string;
  readonly summary: string;
}

/** `image`, `mirror`, `cache`, `config`: the first argument names the subcommand. */
export interface GroupCommand extends GroupSpec {
  readonly kind: 'group';
  readonly subcommands: Readonly<Record<string, LeafCommand>>;
}

export type CliCommand = LeafCommand | GroupCommand;

/** How many positional arguments a spec takes. */
export function positionalRange(spec: CommandSpec): { readonly min: number; readonly max: number } {
  const list = spec.positionals ?? [];
  const min = list.filter((p) => p.optional !== true).length;
  return { min, max: list.some((p) => p.repeats === true) ? Number.POSITIVE_INFINITY : list.length };
}

/** What a command's function receives: `async function build(ctx, { values, positionals }: ArgsOf<typeof BUILD>)`. */
export type ArgsOf<S extends { readonly options: OptionsSpec }> = ParsedArgs<S['options']>;
