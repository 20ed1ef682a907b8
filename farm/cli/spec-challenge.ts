// `stasis-farm challenge`: its arguments and options, the source of its parser and its help (cmd-challenge.ts runs it).
import type { CommandSpec } from './spec.js';
import { ALLOWLIST, ENGINE, JOBS, OFFLINE } from './options.js';

export const CHALLENGE = {
  name: 'challenge',
  summary: 'rebuild a release here from its manifest and report every package same or different',
  description:
    'The recipe tree here must be the one the release records (else exit 23). The rebuild happens in workspace-challenge/; a difference is exit 24, and diffoscope (when installed) explains a different rootfs. With --builder another dev builder (another compiler) makes the dev stage: a diverse double-compile, where dev outputs may differ and stage A, stage B and the rootfs must not.',
  positionals: [{ name: 'DIST', description: 'a release directory' }],
  options: {
    builder: { type: 'string', value: 'REF', description: "rebuild the dev stage in this builder image instead of default.lua's (diverse double-compiling)" },
    jobs: JOBS,
    engine: ENGINE,
    'keep-going': { type: 'boolean', short: 'k', description: 'a failed build fails only that package and its dependents' },
    offline: OFFLINE,
    allowlist: ALLOWLIST,
  },
} as const satisfies CommandSpec;
