import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseAllowedSigners, signersFor } from '../../farm/trust/allowed-signers.js';
import { ed25519Blob } from '../../farm/trust/ed25519.js';

function newKey(): Buffer {
  const { publicKey } = generateKeyPairSync('ed25519');
  return ed25519Blob(Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url'));
}

describe('allowed-signers files (ssh-keygen format)', () => {
  const key = newKey();
  const b64 = key.toString('base64');
  const now = new Date('2027-01-01T00:00:00Z');

  it('honours principals, namespaces and validity; cert-authority lines never match a plain key', () => {
    const allowed = parseAllowedSigners(
      [
        `alice@example.org,"release team" ssh-ed25519 ${b64} a comment`,
        `bob namespaces="git,file" ssh-ed25519 ${b64}`,
        `carol valid-before="20261231Z" ssh-ed25519 ${b64}`,
        `dave cert-authority ssh-ed25519 ${b64}`,
        `erin namespaces="stasis-*",valid-after=20260101 ssh-ed25519 ${b64}`,
      ].join('\n'),
      'allowed_signers',
    );
    expect(signersFor(key, 'stasis-release', allowed, now).flatMap((a) => a.principals)).toEqual(['alice@example.org', 'release team', 'erin']);
    expect(signersFor(newKey(), 'stasis-release', allowed, now)).toEqual([]);
  });

  it('names the line of a malformed entry', () => {
    expect(() => parseAllowedSigners(`\n# c\nalice ssh-rsa ${b64}\n`, 'signers')).toThrow('signers:3: the key is not a ssh-rsa key');
    expect(() => parseAllowedSigners('alice\n', 'signers')).toThrow('signers:1: expected "principals [options] keytype base64-key"');
    expect(() => parseAllowedSigners(`alice trusted ssh-ed25519 ${b64}\n`, 'signers')).toThrow('signers:1: unknown option "trusted"');
  });
});
