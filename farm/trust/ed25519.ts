import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { sshString, SshReader } from './ssh-wire.js';

export const ED25519 = 'ssh-ed25519';

/** An Ed25519 public key as OpenSSH writes it: string "ssh-ed25519" + string(32 bytes). */
export function ed25519Blob(publicKey: Uint8Array): Buffer {
  return Buffer.concat([sshString(ED25519), sshString(publicKey)]);
}

/** The 32-byte key of an ssh-ed25519 blob; undefined for any other key type or a malformed blob. */
export function ed25519FromBlob(blob: Buffer): Buffer | undefined {
  try {
    const r = new SshReader(blob, (why) => new Error(why));
    if (r.text('key type') !== ED25519) return undefined;
    const key = r.string('key');
    return key.length === 32 && r.rest === 0 ? key : undefined;
  } catch {
    return undefined;
  }
}

/** The key type named at the front of a public key blob. */
export function blobKeyType(blob: Buffer): string {
  try {
    return new SshReader(blob, (why) => new Error(why)).text('key type');
  } catch {
    return '(malformed key)';
  }
}

export function ed25519PublicKeyObject(publicKey: Uint8Array): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(publicKey).toString('base64url') }, format: 'jwk' });
}

export function ed25519PrivateKeyObject(seed: Uint8Array, publicKey: Uint8Array): KeyObject {
  return createPrivateKey({
    key: { kty: 'OKP', crv: 'Ed25519', d: Buffer.from(seed).toString('base64url'), x: Buffer.from(publicKey).toString('base64url') },
    format: 'jwk',
  });
}

/** OpenSSH's fingerprint of a public key blob: `SHA256:` + unpadded base64 of its sha256. */
export function fingerprint(blob: Buffer): string {
  return `SHA256:${createHash('sha256').update(blob).digest('base64').replace(/=+$/, '')}`;
}
