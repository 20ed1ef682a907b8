import type { ChalkInstance } from 'chalk';
import type { VerifyReport } from './verify.js';

/** `verify`'s verdict: the signatures, then every problem named by its file. */
export function formatVerifyReport(report: VerifyReport, c: ChalkInstance): string {
  const lines = [`${c.bold('verify')} ${report.dir}: ${report.files} file(s) in SHA256SUMS`];
  for (const s of report.signatures) {
    const who =
      s.status !== 'valid'
        ? c.red(s.status)
        : s.principals.length > 0
          ? c.green(`good signature by ${s.principals.join(', ')}`)
          : c.yellow('valid, but by an unknown signer');
    lines.push(`  ${s.file}: ${who}${s.fingerprint === undefined ? '' : c.dim(` (${s.keyType ?? '?'} ${s.fingerprint})`)}`);
  }
  for (const p of report.problems) lines.push(`${c.red(p.kind)} ${p.file}: ${p.detail}`);
  lines.push(
    report.problems.length === 0
      ? c.green(`verified: every file matches, the manifest is consistent, ${report.trusted} trusted signature(s) (${report.minSignatures} required)`)
      : c.red(`${report.problems.length} problem(s)`),
  );
  return lines.join('\n');
}
