// `stasis-farm plan`: its arguments and options, the source of its parser and its help (cmd-plan.ts runs it).
import type { CommandSpec } from './spec.js';
import { PROFILE } from './options.js';

export const PLAN = {
  name: 'plan',
  summary: 'what would build, and why',
  description:
    'Every selected package, cached or to build, with the reasons (new, recipe changed, a dependency changed, a config value changed). Works without a container engine: the keys then use the builder id of the last build (or an unresolved builder), and it says so.',
  options: {
    profile: PROFILE,
  },
} as const satisfies CommandSpec;
