// `stasis-farm sign`: its arguments and options, the source of its parser and its help (cmd-sign.ts runs it).
import type { CommandSpec } from './spec.js';

export const SIGN = {
  name: 'sign',
  summary: 'sign DIST/SHA256SUMS with an unencrypted OpenSSH Ed25519 key',
  description: 'An SSH signature (SSHSIG, namespace stasis-release) written to DIST/SHA256SUMS.<signer>.sig; `stasis-farm verify` checks it.',
  positionals: [{ name: 'DIST', description: 'a release directory (e.g. workspace-release-stage-b/dist)' }],
  options: {
    key: { type: 'string', value: 'FILE', required: true, description: 'the private key (unencrypted OpenSSH Ed25519)' },
    signer: { type: 'string', value: 'NAME', description: "the signer's name (default: the key's comment)" },
  },
} as const satisfies CommandSpec;
