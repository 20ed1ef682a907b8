import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isFarmError } from '../errors/index.js';
import { signersFor, type AllowedSigner } from './allowed-signers.js';
import { blobKeyType, fingerprint } from './ed25519.js';
import type { TrustProblem } from './problem.js';
import { parseSshsig, RELEASE_NAMESPACE, verifySshsig } from './sshsig.js';
import { isSignatureFile, SUMS } from './sums.js';

export interface SignatureCheck {
  readonly file: string;
  readonly fingerprint: string | undefined;
  readonly keyType: string | undefined;
  /** valid: the signature holds; the others say why it does not. */
  readonly status: 'valid' | 'invalid' | 'wrong-namespace' | 'unsupported' | 'malformed';
  /** For a valid signature: the allowed-signers principals of its key (empty: an unknown signer). */
  readonly principals: readonly string[];
}

const WHY: Record<Exclude<SignatureCheck['status'], 'valid'>, string> = {
  invalid: 'does not verify: SHA256SUMS was changed after signing, or the signature is damaged',
  'wrong-namespace': `was not made in the ${RELEASE_NAMESPACE} namespace`,
  unsupported: 'is by a key type this farm cannot check (only ssh-ed25519)',
  malformed: 'is not an SSH signature',
};

/**
 * Every *.sig in dist/ as a signature of SHA256SUMS. A signature that does not
 * hold is a problem; a valid one counts when its key is in `allowed` (an
 * allowed-signers file). Fewer than `min` distinct allowed keys is a problem
 * naming the count and any signer the file does not know.
 */
export async function checkSignatures(
  distDir: string,
  allowed: readonly AllowedSigner[] | undefined,
  min: number,
  now: Date,
): Promise<{ readonly signatures: readonly SignatureCheck[]; readonly trusted: number; readonly problems: readonly TrustProblem[] }> {
  const problems: TrustProblem[] = [];
  const sums = await readFile(join(distDir, SUMS)).catch(() => undefined);
  const signatures: SignatureCheck[] = [];
  for (const file of (await readdir(distDir)).filter(isSignatureFile).sort()) {
    let check: SignatureCheck;
    try {
      const sig = parseSshsig(await readFile(join(distDir, file), 'utf8'), file);
      const status = sums === undefined ? 'invalid' : verifySshsig(sums, sig, RELEASE_NAMESPACE);
      const principals = status === 'valid' && allowed !== undefined ? signersFor(sig.publicBlob, RELEASE_NAMESPACE, allowed, now).flatMap((a) => a.principals) : [];
      check = { file, fingerprint: fingerprint(sig.publicBlob), keyType: blobKeyType(sig.publicBlob), status, principals: [...new Set(principals)] };
    } catch (error) {
      if (!isFarmError(error)) throw error;
      check = { file, fingerprint: undefined, keyType: undefined, status: 'malformed', principals: [] };
    }
    signatures.push(check);
    if (check.status !== 'valid')
      problems.push({ kind: 'signatures', file, detail: `${WHY[check.status]}${check.fingerprint === undefined ? '' : ` (key ${check.fingerprint})`}` });
  }
  const trustedKeys = new Set(signatures.filter((s) => s.status === 'valid' && s.principals.length > 0).map((s) => s.fingerprint));
  if (trustedKeys.size < min) {
    const unknown = signatures.filter((s) => s.status === 'valid' && s.principals.length === 0);
    problems.push({
      kind: 'signatures',
      file: SUMS,
      detail:
        `${trustedKeys.size} valid signature(s) by allowed signers, ${min} required (--min-signatures)` +
        unknown.map((s) => `; ${s.file} is by an unknown signer (key ${s.fingerprint ?? '?'}, not in the signers file)`).join(''),
    });
  }
  return { signatures, trusted: trustedKeys.size, problems };
}
