// `stasis-farm config` and its subcommands: their arguments and options, the source of their parsers and their help (cmd-config.ts runs them).
import type { CommandSpec, GroupSpec } from './spec.js';

export const CONFIG = { name: 'config', summary: "the project's config.lua and default.lua" } as const satisfies GroupSpec;

export const CONFIG_DIFF = {
  name: 'config diff',
  summary: 'options added, removed or renamed in configs/*.example since config.lua and default.lua were copied (exit 1 when any)',
  options: {},
} as const satisfies CommandSpec;
