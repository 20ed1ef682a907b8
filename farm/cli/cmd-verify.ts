import { resolve } from 'node:path';
import { EXIT_CODES, FarmError } from '../errors/index.js';
import { formatVerifyReport, loadAllowedSigners, verifyErrorCode, verifyRelease } from '../trust/index.js';
import { parseFlags } from './args.js';
import { out, type CliContext } from './io.js';

/** `stasis-farm verify DIST [--signers FILE] [--min-signatures N]`: offline, no engine. */
export async function verifyCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  const { values, positionals } = parseFlags(args, { signers: { type: 'string' }, 'min-signatures': { type: 'string' } }, 'verify');
  const [dist] = positionals;
  if (dist === undefined) throw new FarmError('USAGE', 'verify: stasis-farm verify DIST [--signers FILE] [--min-signatures N]');
  const rawMin = values['min-signatures'];
  const min = rawMin === undefined ? (values.signers === undefined ? 0 : 1) : Number(rawMin);
  if (!Number.isInteger(min) || min < 0) throw new FarmError('USAGE', `--min-signatures: expected a whole number, got "${rawMin ?? ''}"`);
  if (min > 0 && values.signers === undefined) throw new FarmError('USAGE', '--min-signatures needs --signers FILE (who may sign)');
  const report = await verifyRelease({
    distDir: resolve(ctx.root, dist),
    allowed: values.signers === undefined ? undefined : await loadAllowedSigners(resolve(ctx.root, values.signers)),
    minSignatures: min,
    now: new Date(),
  });
  out(ctx, ctx.json ? JSON.stringify(report) : formatVerifyReport(report, ctx.chalk));
  const code = verifyErrorCode(report);
  return code === undefined ? 0 : EXIT_CODES[code];
}
