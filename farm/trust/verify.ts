import type { ErrorCode } from '../errors/index.js';
import type { AllowedSigner } from './allowed-signers.js';
import { checkManifest } from './manifest-check.js';
import type { TrustProblem } from './problem.js';
import { checkSignatures, type SignatureCheck } from './signatures.js';
import { checkSums, requireReleaseDir } from './sums.js';

export interface VerifyOptions {
  readonly distDir: string;
  /** The allowed signers; undefined: signatures are checked but none is trusted. */
  readonly allowed: readonly AllowedSigner[] | undefined;
  readonly minSignatures: number;
  readonly now: Date;
}

export interface VerifyReport {
  readonly dir: string;
  readonly files: number;
  readonly signatures: readonly SignatureCheck[];
  readonly trusted: number;
  readonly minSignatures: number;
  readonly problems: readonly TrustProblem[];
}

/** Check a release offline: files against SHA256SUMS, the manifest against the SBOM and tarball, the signatures. */
export async function verifyRelease(options: VerifyOptions): Promise<VerifyReport> {
  await requireReleaseDir(options.distDir);
  const sums = await checkSums(options.distDir);
  const manifest = sums.listed.size === 0 ? [] : await checkManifest(options.distDir, sums.listed);
  const sigs = await checkSignatures(options.distDir, options.allowed, options.minSignatures, options.now);
  return {
    dir: options.distDir,
    files: sums.listed.size,
    signatures: sigs.signatures,
    trusted: sigs.trusted,
    minSignatures: options.minSignatures,
    problems: [...sums.problems, ...manifest, ...sigs.problems],
  };
}

const CODE: Record<TrustProblem['kind'], ErrorCode> = {
  integrity: 'RELEASE_TAMPERED',
  manifest: 'RELEASE_INCONSISTENT',
  signatures: 'SIGNATURES_INSUFFICIENT',
};

/** The error code of a failed verification: its first kind of problem (integrity, then manifest, then signatures). */
export function verifyErrorCode(report: VerifyReport): ErrorCode | undefined {
  const first = report.problems[0];
  return first === undefined ? undefined : CODE[first.kind];
}
