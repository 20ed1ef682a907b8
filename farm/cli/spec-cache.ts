// `stasis-farm cache` and its subcommands: their arguments and options, the source of their parsers and their help (cmd-cache.ts runs them).
import type { StageName } from '../workspace/paths.js';
import type { CommandSpec, GroupSpec } from './spec.js';

export const CACHE = { name: 'cache', summary: "the build cache of a stage's workspace" } as const satisfies GroupSpec;

export const STAGES: readonly StageName[] = ['dev', 'a', 'b'];

export const CACHE_VERIFY = {
  name: 'cache verify',
  summary: 're-hash every cache entry against its recorded sha256; name the corrupt ones (exit 1 when any)',
  options: {
    stage: { type: 'string', value: 'S', description: `the workspace whose cache is checked: ${STAGES.join(', ')} (default dev)` },
    evict: {
      type: 'boolean',
      description: 'remove the corrupt entries (the next build rebuilds them); this takes the workspace, so it fails (exit 6) while a build holds it',
    },
  },
} as const satisfies CommandSpec;
