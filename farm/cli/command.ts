import { FarmError, nearestName } from '../errors/index.js';
import { parseCommandArgs } from './args.js';
import { GLOBAL_OPTIONS, HELP_OPTION } from './globals.js';
import type { CliContext } from './io.js';
import type { CliCommand, CommandRun, CommandSpec, GroupCommand, GroupSpec, LeafCommand, OptionsSpec } from './spec.js';
import { commandHelp, groupHelp } from './usage.js';

/** A spec the parser and the help can both follow; a bad one is a bug, found when the CLI loads. */
function checkSpec(spec: CommandSpec): void {
  const list = spec.positionals ?? [];
  list.forEach((p, i) => {
    if (p.repeats === true && i !== list.length - 1) throw new Error(`${spec.name}: only the last positional argument may repeat (${p.name})`);
    if (p.optional !== true && list.slice(0, i).some((q) => q.optional === true)) throw new Error(`${spec.name}: ${p.name} is required after an optional argument`);
  });
  const shortsOf = (options: OptionsSpec): string[] => Object.values(options).flatMap((o) => (o.short === undefined ? [] : [o.short]));
  const taken = shortsOf({ ...GLOBAL_OPTIONS, ...HELP_OPTION });
  const shorts = shortsOf(spec.options);
  for (const s of shorts) {
    if (taken.includes(s) || shorts.indexOf(s) !== shorts.lastIndexOf(s)) throw new Error(`${spec.name}: -${s} is taken`);
  }
}

/**
 * A command from its spec and a loader of what it does. The spec is all the help needs; the
 * implementation, and what it imports, is loaded when the command runs, after its arguments parsed.
 */
export function defineCommand<const O extends OptionsSpec>(spec: CommandSpec<O>, load: () => Promise<CommandRun<O>>): LeafCommand {
  checkSpec(spec);
  return {
    kind: 'command',
    spec,
    run: async (ctx, args) => {
      const parsed = parseCommandArgs(spec, args);
      return (await load())(ctx, parsed);
    },
  };
}

/** A command whose first argument names a subcommand; each subcommand's spec is named `<group> <sub>`. */
export function defineGroup(group: GroupSpec, subcommands: readonly LeafCommand[]): GroupCommand {
  const byName: Record<string, LeafCommand> = {};
  for (const sub of subcommands) {
    if (!sub.spec.name.startsWith(`${group.name} `)) throw new Error(`${sub.spec.name}: not a subcommand of ${group.name}`);
    byName[sub.spec.name.slice(group.name.length + 1)] = sub;
  }
  return { kind: 'group', name: group.name, summary: group.summary, subcommands: byName };
}

function subcommandOf(group: GroupCommand, args: readonly string[]): { sub: LeafCommand; rest: readonly string[] } {
  const [word, ...rest] = args;
  const names = Object.keys(group.subcommands);
  const sub = word === undefined ? undefined : group.subcommands[word];
  if (sub !== undefined) return { sub, rest };
  const hint = `stasis-farm ${group.name} --help`;
  if (word === undefined || word.startsWith('-')) {
    throw new FarmError('USAGE', `${group.name}: a subcommand comes first: ${names.join(', ')} (usage: stasis-farm ${group.name} <subcommand> [options])`, { hint });
  }
  const near = nearestName(word, names);
  throw new FarmError('USAGE', `${group.name}: unknown subcommand "${word}"${near === undefined ? ` (expected ${names.join(', ')})` : ` (did you mean "${near}"?)`}`, {
    hint,
  });
}

export function runCommand(command: CliCommand, ctx: CliContext, args: readonly string[]): Promise<number> {
  if (command.kind === 'command') return command.run(ctx, args);
  const { sub, rest } = subcommandOf(command, args);
  return sub.run(ctx, rest);
}

/** The help `args` ask for: the command's, a subcommand's, or a group's. */
export function helpFor(command: CliCommand, args: readonly string[]): string {
  if (command.kind === 'command') return commandHelp(command.spec);
  const first = args[0];
  if (first === undefined || first.startsWith('-')) return groupHelp(command);
  return commandHelp(subcommandOf(command, args).sub.spec);
}

/** `--help` or `-h` among a command's arguments (before a `--`). */
export function asksForHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end === -1 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h');
}
