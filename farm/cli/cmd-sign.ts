import { resolve } from 'node:path';
import { signRelease } from '../trust/index.js';
import { defineCommand } from './command.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf, CommandSpec } from './spec.js';

const SIGN = {
  name: 'sign',
  summary: 'sign DIST/SHA256SUMS with an unencrypted OpenSSH Ed25519 key',
  description: 'An SSH signature (SSHSIG, namespace stasis-release) written to DIST/SHA256SUMS.<signer>.sig; `stasis-farm verify` checks it.',
  positionals: [{ name: 'DIST', description: 'a release directory (e.g. workspace-release-stage-b/dist)' }],
  options: {
    key: { type: 'string', value: 'FILE', required: true, description: 'the private key (unencrypted OpenSSH Ed25519)' },
    signer: { type: 'string', value: 'NAME', description: "the signer's name (default: the key's comment)" },
  },
} as const satisfies CommandSpec;

/** `stasis-farm sign DIST --key FILE [--signer NAME]`: an SSH signature of DIST/SHA256SUMS. */
export const signCommand = defineCommand(SIGN, sign);

async function sign(ctx: CliContext, { values, positionals }: ArgsOf<typeof SIGN>): Promise<number> {
  // The spec asks for DIST.
  const [dist] = positionals as [string];
  const r = await signRelease({ distDir: resolve(ctx.root, dist), keyFile: resolve(ctx.root, values.key), signer: values.signer });
  out(ctx, ctx.json ? JSON.stringify(r) : `signed ${r.file} (signer ${r.signer}, key ${r.fingerprint})`);
  return 0;
}
