import { parseArgs, type ParseArgsConfig } from 'node:util';
import { FarmError } from '../errors/index.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Strict per-command flag parsing; a bad flag is a usage error (exit 2). */
export function parseFlags<O extends Options>(args: readonly string[], options: O, command: string) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new FarmError('USAGE', `${command}: ${(error as Error).message}`, { hint: 'see stasis-farm --help' });
  }
}

export function intFlag(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new FarmError('USAGE', `--${name}: expected a positive integer, got "${value}"`);
  return n;
}
