// `stasis-farm compare`: its arguments and options, the source of its parser and its help (cmd-compare.ts runs it).
import type { CommandSpec } from './spec.js';

export const COMPARE = {
  name: 'compare',
  summary: 'compare two stage workspaces or manifests, per package and per file',
  description: 'Exit 0 when they are the same (but for exclusions), 1 when they differ.',
  positionals: [
    { name: 'A', description: 'a stage workspace (e.g. workspace-release-stage-a) or its manifest' },
    { name: 'B', description: 'the other one' },
  ],
  options: {
    yaml: { type: 'string', value: 'FILE', description: 'also write the comparison as YAML to FILE' },
    exclusions: { type: 'string', value: 'FILE', description: 'accepted differences: a YAML list of {package, path?, reason}' },
    diffoscope: { type: 'boolean', description: 'explain differing files with diffoscope (when installed)' },
  },
} as const satisfies CommandSpec;
