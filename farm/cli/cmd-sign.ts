import { resolve } from 'node:path';
import { FarmError } from '../errors/index.js';
import { signRelease } from '../trust/index.js';
import { parseFlags } from './args.js';
import { out, type CliContext } from './io.js';

/** `stasis-farm sign DIST --key FILE [--signer NAME]`: an SSH signature of DIST/SHA256SUMS. */
export async function signCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { key: { type: 'string' }, signer: { type: 'string' } }, 'sign');
  const [dist] = positionals;
  if (dist === undefined || values.key === undefined) throw new FarmError('USAGE', 'sign: stasis-farm sign DIST --key FILE [--signer NAME]');
  const r = await signRelease({ distDir: resolve(ctx.root, dist), keyFile: resolve(ctx.root, values.key), signer: values.signer });
  out(ctx, ctx.json ? JSON.stringify(r) : `signed ${r.file} (signer ${r.signer}, key ${r.fingerprint})`);
  return 0;
}
