import { resolve } from 'node:path';
import { signRelease } from '../trust/index.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { SIGN } from './spec-sign.js';

/** `stasis-farm sign DIST --key FILE [--signer NAME]`: an SSH signature of DIST/SHA256SUMS. */
export async function sign(ctx: CliContext, { values, positionals }: ArgsOf<typeof SIGN>): Promise<number> {
  // The spec asks for DIST.
  const [dist] = positionals as [string];
  const r = await signRelease({ distDir: resolve(ctx.root, dist), keyFile: resolve(ctx.root, values.key), signer: values.signer });
  out(ctx, ctx.json ? JSON.stringify(r) : `signed ${r.file} (signer ${r.signer}, key ${r.fingerprint})`);
  return 0;
}
