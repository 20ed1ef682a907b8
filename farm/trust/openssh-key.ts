import type { KeyObject } from 'node:crypto';
import { FarmError } from '../errors/index.js';
import { ED25519, ed25519Blob, ed25519PrivateKeyObject } from './ed25519.js';
import { SshReader } from './ssh-wire.js';

export interface SigningKey {
  readonly privateKey: KeyObject;
  /** The public key blob (string "ssh-ed25519" + string(key)). */
  readonly publicBlob: Buffer;
  readonly comment: string;
}

const BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const END = '-----END OPENSSH PRIVATE KEY-----';
const MAGIC = Buffer.from('openssh-key-v1\0', 'latin1');

/**
 * An unencrypted Ed25519 key in OpenSSH's private key format (openssh-key-v1,
 * what `ssh-keygen -t ed25519 -N ''` writes). Encrypted keys and other key
 * types are refused with what to do instead.
 */
export function parseOpensshPrivateKey(text: string, file: string): SigningKey {
  const bad = (why: string, hint?: string): FarmError => new FarmError('KEY_INVALID', `${file}: ${why}`, { hint });
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start === -1 || end < start) {
    throw bad(
      /BEGIN (RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY/.test(text) ? 'a PEM private key, not an OpenSSH Ed25519 key' : 'not an OpenSSH private key',
      "make a signing key with: ssh-keygen -t ed25519 -N '' -C NAME -f FILE",
    );
  }
  const raw = Buffer.from(text.slice(start + BEGIN.length, end).replace(/\s+/g, ''), 'base64');
  if (!raw.subarray(0, MAGIC.length).equals(MAGIC)) throw bad('not an openssh-key-v1 private key');
  const r = new SshReader(raw.subarray(MAGIC.length), (why) => bad(`malformed private key (${why})`));
  const cipher = r.text('cipher name');
  const kdf = r.text('kdf name');
  r.string('kdf options');
  if (cipher !== 'none' || kdf !== 'none') {
    throw bad(`the key is encrypted (${cipher}, ${kdf}); signing needs an unencrypted key`, 'decrypt a copy for signing: ssh-keygen -p -N "" -f COPY (keep it offline)');
  }
  const count = r.uint32('key count');
  if (count !== 1) throw bad(`holds ${count} keys; one is expected`);
  r.string('public key');
  const priv = new SshReader(r.string('private section'), (why) => bad(`malformed private section (${why})`));
  if (priv.uint32('check') !== priv.uint32('check')) throw bad('check bytes differ (corrupt key, or encrypted)');
  const type = priv.text('key type');
  if (type !== ED25519) throw bad(`a ${type} key; only ssh-ed25519 keys sign releases`, "make one with: ssh-keygen -t ed25519 -N '' -C NAME -f FILE");
  const publicKey = priv.string('public key');
  const secret = priv.string('private key');
  if (publicKey.length !== 32 || secret.length !== 64 || !secret.subarray(32).equals(publicKey)) throw bad('malformed ssh-ed25519 key');
  const comment = priv.text('comment');
  return { privateKey: ed25519PrivateKeyObject(secret.subarray(0, 32), publicKey), publicBlob: ed25519Blob(publicKey), comment };
}
