import { resolve } from 'node:path';
import { EXIT_CODES, FarmError } from '../errors/index.js';
import { formatVerifyReport, loadAllowedSigners, verifyErrorCode, verifyRelease } from '../trust/index.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { VERIFY } from './spec-verify.js';

/** `stasis-farm verify DIST [--signers FILE] [--min-signatures N]`: offline, no engine. */
export async function verify(ctx: CliContext, { values, positionals }: ArgsOf<typeof VERIFY>): Promise<number> {
  // The spec asks for DIST.
  const [dist] = positionals as [string];
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
