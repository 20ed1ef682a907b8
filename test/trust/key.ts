import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An SSH wire string: uint32 length, then the bytes. */
function wire(data: string | Buffer): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data) : data;
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([length, body]);
}

/**
 * A fresh Ed25519 key pair made in-process, written as `ssh-keygen -t ed25519 -N ''` writes it
 * (an unencrypted openssh-key-v1 private key, mode 0600, and `<file>.pub`). The integration tier
 * checks our signatures against the real ssh-keygen (ssh-keygen.ts).
 */
export async function makeKey(name: string): Promise<{ file: string; publicLine: string }> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const pub = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url');
  const seed = Buffer.from(privateKey.export({ format: 'jwk' }).d as string, 'base64url');
  const blob = Buffer.concat([wire('ssh-ed25519'), wire(pub)]);
  const check = randomBytes(4);
  const section = Buffer.concat([check, check, wire('ssh-ed25519'), wire(pub), wire(Buffer.concat([seed, pub])), wire(name)]);
  // Padded with 1, 2, 3, ... to the cipher block size ("none": 8).
  const padding = Buffer.from(Array.from({ length: (8 - (section.length % 8)) % 8 }, (_, i) => i + 1));
  const count = Buffer.alloc(4);
  count.writeUInt32BE(1);
  const raw = Buffer.concat([
    Buffer.from('openssh-key-v1\0', 'latin1'),
    wire('none'),
    wire('none'),
    wire(''),
    count,
    wire(blob),
    wire(Buffer.concat([section, padding])),
  ]);
  const dir = await mkdtemp(join(tmpdir(), 'stasis-key-'));
  const file = join(dir, name);
  await writeFile(file, `-----BEGIN OPENSSH PRIVATE KEY-----\n${raw.toString('base64').replace(/.{1,70}/g, '$&\n')}-----END OPENSSH PRIVATE KEY-----\n`, { mode: 0o600 });
  const publicLine = `ssh-ed25519 ${blob.toString('base64')} ${name}`;
  await writeFile(`${file}.pub`, `${publicLine}\n`);
  return { file, publicLine };
}

/** An allowed-signers line for a key: `principal [options] keytype base64`. */
export function signerLine(principal: string, publicLine: string, options = ''): string {
  const [type, key] = publicLine.split(' ');
  return `${principal}${options === '' ? '' : ` ${options}`} ${type ?? ''} ${key ?? ''}`;
}
