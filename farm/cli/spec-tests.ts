// `stasis-farm tests`: its arguments and options, the source of its parser and its help (cmd-tests.ts runs it).
import type { CommandSpec } from './spec.js';
import { junitOption } from './options.js';

export const TESTS = {
  name: 'tests',
  summary: 'audit a rootfs (default workspace/preview), a directory or a release tarball',
  description:
    'ELF files (static, this architecture, no text relocations or executable stack), modes and owners (setuid, world-writable, non-root), special files and links, purity (no build or builder paths, host or user names, glibc symbols). Findings fail (exit 1) unless an allowlist accepts them; warnings, e.g. an unstripped ELF file, are reported and fail nothing.',
  positionals: [{ name: 'PATH', description: 'a rootfs directory or a tarball (default: workspace/preview)', optional: true }],
  options: {
    yaml: { type: 'string', value: 'FILE', description: 'also write the report as YAML to FILE' },
    junit: junitOption('one test case per audit rule (its findings: failure; a warning rule passes with its warnings shown)'),
    allowlist: { type: 'string', value: 'FILE', description: 'accepted findings (default: audit-allowlist.yaml when present)' },
    manifest: {
      type: 'string',
      value: 'FILE',
      description: "owners and modes of a directory (default: the preview's manifest, or PATH.manifest.json; else read from disk)",
    },
    profile: {
      type: 'string',
      value: 'P',
      description:
        'P must name a profile, and is otherwise not used: the audit of PATH is the same whatever the profile (taken so that `make tests FLAGS="--profile P"` works as `make build` does)',
    },
  },
} as const satisfies CommandSpec;
