// `stasis-farm verify`: its arguments and options, the source of its parser and its help (cmd-verify.ts runs it).
import type { CommandSpec } from './spec.js';

export const VERIFY = {
  name: 'verify',
  summary: 'verify a release offline',
  description:
    'Every file against SHA256SUMS, the manifest against the SBOM and the rootfs tarball, and (with --signers) valid signatures by allowed keys. No container engine, no network.',
  positionals: [{ name: 'DIST', description: 'a release directory' }],
  options: {
    signers: { type: 'string', value: 'FILE', description: "who may sign: an allowed-signers file (ssh-keygen's format)" },
    'min-signatures': { type: 'string', value: 'N', description: 'valid signatures by allowed signers needed (default: 1 with --signers, else 0)' },
  },
} as const satisfies CommandSpec;
