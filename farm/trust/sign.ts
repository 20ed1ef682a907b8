import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { fingerprint } from './ed25519.js';
import { parseOpensshPrivateKey } from './openssh-key.js';
import { parseSshsig, RELEASE_NAMESPACE, signSshsig } from './sshsig.js';
import { checkSums, requireReleaseDir, SUMS } from './sums.js';

/** A signer's name as a file-name part: letters, digits and `._@+-`, anything else a dash. */
export function safeSignerName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._@+-]+/g, '-').replace(/^[.-]+|-+$/g, '');
  return safe === '' ? 'signer' : safe.slice(0, 100);
}

export interface SignResult {
  readonly file: string;
  readonly signer: string;
  readonly fingerprint: string;
}

/**
 * Sign dist/SHA256SUMS with an OpenSSH Ed25519 key (SSHSIG, namespace
 * stasis-release), writing `SHA256SUMS.<signer>.sig`. A release whose files no
 * longer match SHA256SUMS is not signed; another key's signature under the
 * same name is not overwritten.
 */
export async function signRelease(options: { readonly distDir: string; readonly keyFile: string; readonly signer?: string | undefined }): Promise<SignResult> {
  await requireReleaseDir(options.distDir);
  let keyText: string;
  try {
    keyText = await readFile(options.keyFile, 'utf8');
  } catch (error) {
    throw new FarmError('KEY_INVALID', `${options.keyFile}: cannot read the signing key`, { cause: error });
  }
  const key = parseOpensshPrivateKey(keyText, options.keyFile);
  const { problems } = await checkSums(options.distDir);
  if (problems.length > 0) {
    throw new FarmError(
      'RELEASE_TAMPERED',
      `${options.distDir}: not signed, the release does not match its SHA256SUMS:\n${problems.map((p) => `  ${p.file}: ${p.detail}`).join('\n')}`,
    );
  }
  const signer = safeSignerName(options.signer ?? key.comment);
  const file = join(options.distDir, `${SUMS}.${signer}.sig`);
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing !== undefined) {
    let same: boolean;
    try {
      same = parseSshsig(existing, file).publicBlob.equals(key.publicBlob);
    } catch {
      same = false;
    }
    if (!same) throw new FarmError('USAGE', `${file} exists and is not this key's signature`, { hint: 'give another name with --signer NAME' });
  }
  await writeFileAtomic(file, signSshsig(await readFile(join(options.distDir, SUMS)), key, RELEASE_NAMESPACE));
  return { file, signer, fingerprint: fingerprint(key.publicBlob) };
}
