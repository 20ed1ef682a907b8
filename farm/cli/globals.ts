import { FarmError } from '../errors/index.js';
import type { OptionsSpec } from './spec.js';

/** Options every command takes, before or after its name (see takeGlobals). */
export const GLOBAL_OPTIONS = {
  root: { type: 'string', value: 'DIR', description: 'the Stasis tree (config.lua, default.lua, system/); default: current directory' },
  mirror: {
    type: 'string',
    value: 'M',
    multiple: true,
    description: 'a mirror (directory or http(s) URL) tried before upstream; repeatable. STASIS_MIRROR (space- or comma-separated) adds more.',
  },
  json: { type: 'boolean', description: 'machine-readable output (JSON lines for events)' },
  verbose: { type: 'boolean', short: 'v', description: 'show build output and more detail' },
  'no-color': { type: 'boolean', description: 'no colours (NO_COLOR and FORCE_COLOR are honoured too)' },
} as const satisfies OptionsSpec;

/** Shown with the global options; main.ts answers them before any command runs. */
export const HELP_OPTION = { help: { type: 'boolean', short: 'h', description: 'this text' } } as const satisfies OptionsSpec;

export interface GlobalFlags {
  root: string | undefined;
  json: boolean;
  verbose: boolean;
  noColor: boolean;
  mirrors: string[];
  /** The command, its arguments and its options. */
  rest: string[];
}

type GlobalName = keyof typeof GLOBAL_OPTIONS;

function globalNamed(arg: string): { name: GlobalName; inline: string | undefined } | undefined {
  const entries = Object.entries(GLOBAL_OPTIONS) as [GlobalName, (typeof GLOBAL_OPTIONS)[GlobalName]][];
  for (const [name, o] of entries) {
    if (arg === `--${name}` || ('short' in o && arg === `-${o.short}`)) return { name, inline: undefined };
    if (arg.startsWith(`--${name}=`)) return { name, inline: arg.slice(name.length + 3) };
  }
  return undefined;
}

/** Take the global options out of argv, wherever they are (up to a `--`); the rest is the command's. */
export function takeGlobals(argv: readonly string[]): GlobalFlags {
  const flags: GlobalFlags = { root: undefined, json: false, verbose: false, noColor: false, mirrors: [], rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      flags.rest.push(...argv.slice(i));
      break;
    }
    const found = globalNamed(arg);
    if (found === undefined) {
      flags.rest.push(arg);
      continue;
    }
    const o = GLOBAL_OPTIONS[found.name];
    let value = found.inline;
    if (o.type === 'boolean') {
      if (value !== undefined) throw new FarmError('USAGE', `--${found.name} takes no value (got "${value}")`);
    } else if (value === undefined) {
      value = argv[++i];
      if (value === undefined || (value.startsWith('-') && value.length > 1)) throw new FarmError('USAGE', `--${found.name} needs a value (${o.value})`);
    }
    switch (found.name) {
      case 'root':
        flags.root = value;
        break;
      case 'mirror':
        flags.mirrors.push(value as string);
        break;
      case 'json':
        flags.json = true;
        break;
      case 'verbose':
        flags.verbose = true;
        break;
      case 'no-color':
        flags.noColor = true;
        break;
      default: {
        const unhandled: never = found.name;
        throw new Error(`global option --${String(unhandled)} is not handled`);
      }
    }
  }
  return flags;
}
