// `stasis-farm status`: its arguments and options, the source of its parser and its help (cmd-status.ts runs it).
import type { CommandSpec } from './spec.js';

export const STATUS = {
  name: 'status',
  summary: 'per-package table of this machine: sources in the mirror, built, audit, size, build time',
  description: 'Every recipe, whatever the profile, from the source store, the mirror directories and the dev-stage build cache; notes from docs/status-notes.yaml.',
  options: {
    write: { type: 'string', value: 'FILE', description: 'write the table as Markdown to FILE (e.g. docs/status.md) instead of printing it' },
  },
} as const satisfies CommandSpec;
