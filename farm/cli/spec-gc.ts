// `stasis-farm gc`: its arguments and options, the source of its parser and its help (cmd-gc.ts runs it).
import type { CommandSpec } from './spec.js';

export const DEFAULT_KEEP_DAYS = 14;

export const GC = {
  name: 'gc',
  summary: 'remove stage images no workspace uses and old unrecorded cache entries (a dry run unless --yes)',
  description:
    "Stage images: those tagged for this project's workspaces that no workspace manifest names as its builder (the engine removes an image with its last tag; one a container uses is kept and named). Cache entries: those no stage's last build recorded, older than --keep-days. Disk tools images (`stasis-farm disk` makes one per rootfs, for any project) older than --keep-days: disk makes them again. A dry run lists them and the bytes they hold; --yes removes them. Without an engine the cache part still runs: a dry run warns and exits 0, --yes exits 5 (ENGINE_UNAVAILABLE) after removing the cache entries.",
  positionals: [],
  options: {
    yes: { type: 'boolean', description: 'remove what the dry run lists' },
    'keep-days': {
      type: 'string',
      value: 'N',
      description: `keep unrecorded cache entries and disk tools images younger than N days (default ${DEFAULT_KEEP_DAYS}; 0 keeps none)`,
    },
  },
} as const satisfies CommandSpec;
