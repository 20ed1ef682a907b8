// `stasis-farm graph`: its arguments and options, the source of its parser and its help (cmd-graph.ts runs it).
import type { CommandSpec } from './spec.js';
import { PROFILE } from './options.js';

export const GRAPH = {
  name: 'graph',
  summary: 'the build order of the selected packages',
  description:
    'Each package with its version, the packages it is built after, and why a package outside the profile is in (needed by another). --json: the order with levels and dependencies.',
  options: {
    profile: PROFILE,
  },
} as const satisfies CommandSpec;
