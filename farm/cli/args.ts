import { parseArgs } from 'node:util';
import { FarmError, nearestName } from '../errors/index.js';
import { GLOBAL_OPTIONS, HELP_OPTION } from './globals.js';
import { positionalRange, type CommandSpec, type OptionsSpec, type ParsedArgs } from './spec.js';
import { longLabel, usageLine } from './usage.js';

function usageError(spec: CommandSpec, message: string, hint = `stasis-farm ${spec.name} --help`): FarmError {
  return new FarmError('USAGE', `${spec.name}: ${message}`, { hint });
}

function unknownOption(spec: CommandSpec, rawName: string, name: string): FarmError {
  // Global options are taken before the command sees its arguments, but a typo of one lands here.
  const known = [...Object.keys(spec.options), ...Object.keys(GLOBAL_OPTIONS), ...Object.keys(HELP_OPTION)];
  const near = rawName.startsWith('--') ? nearestName(name, known) : undefined;
  return usageError(spec, `unknown option ${rawName}${near === undefined ? '' : ` (did you mean --${near}?)`}`);
}

const quoted = (list: readonly string[]): string => list.map((a) => JSON.stringify(a)).join(' ');

/**
 * Parse a command's arguments by its spec: options (`--name value`, `--name=value`,
 * `-j4`, `-kj 4`), then its positional arguments, counted. Every refusal is a USAGE
 * error (exit 2) worded by the farm, naming the command and pointing to its help.
 */
export function parseCommandArgs<O extends OptionsSpec>(spec: CommandSpec<O>, args: readonly string[]): ParsedArgs<O> {
  const config = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [name, { type: o.type, ...(o.short === undefined ? {} : { short: o.short }) }] as const),
  );
  // Not strict: the tokens are checked here, so that the messages are ours.
  const { tokens } = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | true | string[]> = {};
  const positionals: string[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const o = spec.options[token.name];
    if (o === undefined) throw unknownOption(spec, token.rawName, token.name);
    if (o.type === 'boolean') {
      if (token.value !== undefined) throw usageError(spec, `--${token.name} is a switch and takes no value (got "${token.value}")`);
      values[token.name] = true;
      continue;
    }
    const what = o.value ?? 'VALUE';
    if (token.value === undefined) throw usageError(spec, `--${token.name} needs a value (${what})`);
    if (token.inlineValue === false && token.value.startsWith('-') && token.value.length > 1) {
      throw usageError(
        spec,
        `--${token.name} needs a value (${what}); the next argument, ${token.value}, is an option`,
        `a value that starts with "-" is written --${token.name}=${token.value}`,
      );
    }
    if (o.multiple === true) ((values[token.name] as string[] | undefined) ?? (values[token.name] = [])).push(token.value);
    else values[token.name] = token.value;
  }
  for (const [name, o] of Object.entries(spec.options)) {
    if (o.required === true && values[name] === undefined) throw usageError(spec, `${longLabel(name, o)} is required (usage: ${usageLine(spec)})`);
  }
  const { min, max } = positionalRange(spec);
  if (positionals.length > max) {
    const extra = positionals.slice(max);
    throw usageError(spec, `unexpected argument${extra.length > 1 ? 's' : ''} ${quoted(extra)} (usage: ${usageLine(spec)})`);
  }
  if (positionals.length < min) {
    const missing = (spec.positionals ?? [])
      .filter((p) => p.optional !== true)
      .slice(positionals.length)
      .map((p) => p.name);
    throw usageError(spec, `missing ${missing.join(' ')} (usage: ${usageLine(spec)})`);
  }
  return { values: values as ParsedArgs<O>['values'], positionals };
}

export function intFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FarmError('USAGE', `--${name}: expected a positive integer, got "${value}"`);
  return n;
}
