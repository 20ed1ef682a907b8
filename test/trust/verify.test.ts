import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../farm/fs/hash.js';
import { cli } from '../support/cli.js';
import { signingFixture, type SigningFixture } from './signed-release.js';
import { makeKey } from './key.js';

describe('sign and verify a release (offline, no engine)', () => {
  let f: SigningFixture;
  beforeAll(async () => {
    f = await signingFixture(makeKey);
  });

  it('sign + verify round trip: two signers, --min-signatures 2', async () => {
    const dist = await f.copyOfRelease();
    const a = await cli(f.root, ['sign', dist, '--key', f.alice.file]);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toMatch(/signed .*SHA256SUMS\.alice@example\.org\.sig \(signer alice@example\.org, key SHA256:/);
    expect((await cli(f.root, ['sign', dist, '--key', f.bob.file, '--signer', 'Bob the Builder/2'])).code).toBe(0);
    expect((await readdir(dist)).filter((f) => f.endsWith('.sig')).sort()).toEqual(['SHA256SUMS.Bob-the-Builder-2.sig', 'SHA256SUMS.alice@example.org.sig']);
    const v = await cli(f.root, ['verify', dist, '--signers', f.signers, '--min-signatures', '2']);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.out).toMatch(/SHA256SUMS\.alice@example\.org\.sig: good signature by alice@example\.org/);
    expect(v.out).toMatch(/SHA256SUMS\.Bob-the-Builder-2\.sig: good signature by bob/);
    expect(v.out).toMatch(/verified: .* 2 trusted signature\(s\) \(2 required\)/);
  });

  it.each(['stasis-fake-rootfs.tar.gz', 'manifest.yaml', 'sbom.spdx.json', 'SHA256SUMS', 'SHA256SUMS.alice@example.org.sig'])(
    'a flipped byte in %s fails the verification, naming the file',
    async (file) => {
      const dist = await f.copyOfRelease();
      expect((await cli(f.root, ['sign', dist, '--key', f.alice.file])).code).toBe(0);
      const bytes = await readFile(join(dist, file));
      const at = file.endsWith('.sig') ? bytes.indexOf('-----END') - 10 : Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] as number) ^ 0x01;
      await writeFile(join(dist, file), bytes);
      const v = await cli(f.root, ['verify', dist, '--signers', f.signers]);
      expect(v.code).toBe(file.endsWith('.sig') ? 22 : 20);
      expect(v.out).toContain(
        file.endsWith('.sig') ? `signatures ${file}:` : file === 'SHA256SUMS' ? 'SHA256SUMS.alice@example.org.sig: invalid' : `integrity ${file}: sha256`,
      );
    },
  );

  it('a signature by a key not in the signers file is named and does not count', async () => {
    const dist = await f.copyOfRelease();
    const mallory = await makeKey('mallory');
    expect((await cli(f.root, ['sign', dist, '--key', mallory.file])).code).toBe(0);
    const v = await cli(f.root, ['verify', dist, '--signers', f.signers]);
    expect(v.code).toBe(22);
    expect(v.out).toMatch(/SHA256SUMS\.mallory\.sig: valid, but by an unknown signer/);
    expect(v.out).toMatch(
      /signatures SHA256SUMS: 0 valid signature\(s\) by allowed signers, 1 required \(--min-signatures\); SHA256SUMS\.mallory\.sig is by an unknown signer \(key SHA256:/,
    );
  });

  it('--min-signatures 2 with one signature each: the missing count is named', async () => {
    const dist = await f.copyOfRelease();
    expect((await cli(f.root, ['sign', dist, '--key', f.alice.file])).code).toBe(0);
    expect((await cli(f.root, ['sign', dist, '--key', f.alice.file, '--signer', 'alice-again'])).code).toBe(0);
    const v = await cli(f.root, ['verify', dist, '--signers', f.signers, '--min-signatures', '2']);
    expect(v.code).toBe(22);
    expect(v.out).toContain('signatures SHA256SUMS: 1 valid signature(s) by allowed signers, 2 required (--min-signatures)');
  });

  it('a manifest that disagrees with the SBOM fails even when SHA256SUMS was rewritten to match', async () => {
    const dist = await f.copyOfRelease();
    const manifest = await readFile(join(dist, 'manifest.yaml'), 'utf8');
    const b = /b: ([0-9a-f]{64})/.exec(manifest)?.[1] as string;
    await writeFile(join(dist, 'manifest.yaml'), manifest.replaceAll(b, 'f'.repeat(64)));
    const names = (await readdir(dist)).filter((f) => f !== 'SHA256SUMS').sort();
    await writeFile(join(dist, 'SHA256SUMS'), (await Promise.all(names.map(async (f) => `${await sha256File(join(dist, f))}  ${f}`))).join('\n') + '\n');
    const v = await cli(f.root, ['verify', dist]);
    expect(v.code).toBe(21);
    expect(v.out).toMatch(/manifest sbom\.spdx\.json: package hello: checksum [0-9a-f]{64}, manifest\.yaml's stage B output f{64}/);
  });

  it('a file SHA256SUMS does not list fails; signing refuses a tampered release', async () => {
    const dist = await f.copyOfRelease();
    await writeFile(join(dist, 'extra.sh'), 'echo hi\n');
    const v = await cli(f.root, ['verify', dist]);
    expect(v.code).toBe(20);
    expect(v.out).toContain('integrity extra.sh: not listed in SHA256SUMS');
    const s = await cli(f.root, ['sign', dist, '--key', f.alice.file]);
    expect(s.code).toBe(20);
    expect(s.err).toMatch(/not signed, the release does not match its SHA256SUMS:\n\s+extra\.sh: not listed/);
  });
});
