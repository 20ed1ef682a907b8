// `stasis-farm fetch`: its arguments and options, the source of its parser and its help (cmd-fetch.ts runs it).
import type { CommandSpec } from './spec.js';
import { ALL_RECIPES, PROFILE } from './options.js';

/**
 * Exit 0 when every source of the selection is present and verified; with --offline, a missing source
 * is SOURCE_MISSING (exit 4), listing package, file, where it would come from and (docs/status-notes.yaml) why
 * it cannot be obtained here.
 */
export const FETCH = {
  name: 'fetch',
  summary: 'fetch and verify the sources of the selected packages',
  description:
    "Sources go into the store (workspace/sources), from the store, the mirrors (--mirror, STASIS_MIRROR, default.lua) or upstream, each checked against its sha256. Downloads go through HTTPS_PROXY / HTTP_PROXY (hosts in NO_PROXY direct) or a mirror's own proxy in default.lua (docs/conventions.md).",
  options: {
    offline: {
      type: 'boolean',
      description: 'fetch nothing; list every source missing from the store and the mirror directories, with why it cannot be obtained (exit 4)',
    },
    all: ALL_RECIPES,
    profile: PROFILE,
  },
} as const satisfies CommandSpec;
