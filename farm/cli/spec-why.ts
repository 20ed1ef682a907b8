// `stasis-farm why`: its arguments and options, the source of its parser and its help (cmd-why.ts runs it).
import type { CommandSpec } from './spec.js';
import { PROFILE } from './options.js';

export const WHY = {
  name: 'why',
  summary: "a package's cache-key inputs and what changed since its last build",
  positionals: [{ name: 'PKG', description: 'a selected package' }],
  options: {
    profile: PROFILE,
  },
} as const satisfies CommandSpec;
