import { createHash, sign, verify } from 'node:crypto';
import { FarmError } from '../errors/index.js';
import { ED25519, ed25519FromBlob, ed25519PublicKeyObject } from './ed25519.js';
import type { SigningKey } from './openssh-key.js';
import { sshString, sshUint32, SshReader } from './ssh-wire.js';

/** The namespace every release signature is made in (`ssh-keygen -Y sign -n stasis-release`). */
export const RELEASE_NAMESPACE = 'stasis-release';

const MAGIC = Buffer.from('SSHSIG', 'latin1');
const VERSION = 1;
const BEGIN = '-----BEGIN SSH SIGNATURE-----';
const END = '-----END SSH SIGNATURE-----';
const HASHES = { sha512: 'sha512', sha256: 'sha256' } as const;

export interface Sshsig {
  readonly publicBlob: Buffer;
  readonly namespace: string;
  readonly hashAlgorithm: string;
  /** The signature's own key type (e.g. ssh-ed25519) and bytes. */
  readonly signatureType: string;
  readonly signature: Buffer;
}

/** What the key signs (PROTOCOL.sshsig): the magic, namespace, reserved, hash algorithm and H(message). */
function signedData(message: Uint8Array, namespace: string, hashAlgorithm: keyof typeof HASHES): Buffer {
  const digest = createHash(HASHES[hashAlgorithm]).update(message).digest();
  return Buffer.concat([MAGIC, sshString(namespace), sshString(''), sshString(hashAlgorithm), sshString(digest)]);
}

function armor(blob: Buffer): string {
  const lines = blob.toString('base64').match(/.{1,70}/g) ?? [];
  return `${BEGIN}\n${lines.join('\n')}\n${END}\n`;
}

/** Sign `message` as `ssh-keygen -Y sign -n NAMESPACE` does (sha512); returns the armored signature. */
export function signSshsig(message: Uint8Array, key: SigningKey, namespace: string): string {
  const signature = sign(null, signedData(message, namespace, 'sha512'), key.privateKey);
  const wrapped = Buffer.concat([sshString(ED25519), sshString(signature)]);
  return armor(Buffer.concat([MAGIC, sshUint32(VERSION), sshString(key.publicBlob), sshString(namespace), sshString(''), sshString('sha512'), sshString(wrapped)]));
}

/** Parse an armored SSH signature; a malformed one is SIGNATURE_INVALID naming the file. */
export function parseSshsig(text: string, file: string): Sshsig {
  const bad = (why: string): FarmError => new FarmError('SIGNATURE_INVALID', `${file}: not an SSH signature (${why})`);
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start === -1 || end < start) throw bad('no BEGIN/END SSH SIGNATURE armor');
  const blob = Buffer.from(text.slice(start + BEGIN.length, end).replace(/\s+/g, ''), 'base64');
  if (!blob.subarray(0, MAGIC.length).equals(MAGIC)) throw bad('no SSHSIG magic');
  const r = new SshReader(blob.subarray(MAGIC.length), (why) => bad(why));
  const version = r.uint32('version');
  if (version !== VERSION) throw bad(`version ${version}`);
  const publicBlob = Buffer.from(r.string('public key'));
  const namespace = r.text('namespace');
  r.string('reserved');
  const hashAlgorithm = r.text('hash algorithm');
  const sig = new SshReader(r.string('signature'), (why) => bad(why));
  const signatureType = sig.text('signature type');
  const signature = Buffer.from(sig.string('signature bytes'));
  return { publicBlob, namespace, hashAlgorithm, signatureType, signature };
}

/**
 * Whether `sig` is a valid signature of `message` in `namespace` by the key it
 * carries. Only ssh-ed25519 keys are checked; any other type is `unsupported`.
 */
export function verifySshsig(message: Uint8Array, sig: Sshsig, namespace: string): 'valid' | 'invalid' | 'wrong-namespace' | 'unsupported' {
  if (sig.namespace !== namespace) return 'wrong-namespace';
  const key = ed25519FromBlob(sig.publicBlob);
  if (key === undefined || sig.signatureType !== ED25519 || !(sig.hashAlgorithm in HASHES)) return 'unsupported';
  const data = signedData(message, sig.namespace, sig.hashAlgorithm as keyof typeof HASHES);
  return verify(null, data, ed25519PublicKeyObject(key), sig.signature) ? 'valid' : 'invalid';
}
