import { cp, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256File } from '../../farm/fs/hash.js';
import { cli } from '../support/cli.js';
import { fakeRelease, makeFakeProject } from '../release/fake-project.js';
import { makeKey, signerLine } from './key.js';

const PACKAGES = {
  hello: { 'usr/bin/hello': { content: '#!/bin/sh\necho hello\n', mode: 0o755 } },
  motd: { 'etc/motd': { content: 'welcome to stasis\n' } },
};

describe('sign and verify a release (offline, no engine)', () => {
  let root: string;
  let made: string;
  let alice: Awaited<ReturnType<typeof makeKey>>;
  let bob: Awaited<ReturnType<typeof makeKey>>;
  let signers: string;

  beforeAll(async () => {
    root = await makeFakeProject(PACKAGES);
    const { result } = await fakeRelease(root, PACKAGES);
    made = result.dist?.dir as string;
    [alice, bob] = await Promise.all([makeKey('alice@example.org'), makeKey('bob')]);
    signers = join(root, 'allowed_signers');
    await writeFile(signers, `${signerLine('alice@example.org', alice.publicLine)}\n${signerLine('bob', bob.publicLine, 'namespaces="stasis-release"')}\n`);
  });

  /** A copy of the release, so each test tampers with its own. */
  async function copyOfRelease(): Promise<string> {
    const dir = join(await mkdtemp(join(tmpdir(), 'stasis-dist-')), 'dist');
    await cp(made, dir, { recursive: true });
    return dir;
  }

  it('sign + verify round trip: two signers, --min-signatures 2', async () => {
    const dist = await copyOfRelease();
    const a = await cli(root, ['sign', dist, '--key', alice.file]);
    expect(a.code, a.err).toBe(0);
    expect(a.out).toMatch(/signed .*SHA256SUMS\.alice@example\.org\.sig \(signer alice@example\.org, key SHA256:/);
    expect((await cli(root, ['sign', dist, '--key', bob.file, '--signer', 'Bob the Builder/2'])).code).toBe(0);
    expect((await readdir(dist)).filter((f) => f.endsWith('.sig')).sort()).toEqual(['SHA256SUMS.Bob-the-Builder-2.sig', 'SHA256SUMS.alice@example.org.sig']);
    const v = await cli(root, ['verify', dist, '--signers', signers, '--min-signatures', '2']);
    expect(v.code, v.out + v.err).toBe(0);
    expect(v.out).toMatch(/SHA256SUMS\.alice@example\.org\.sig: good signature by alice@example\.org/);
    expect(v.out).toMatch(/SHA256SUMS\.Bob-the-Builder-2\.sig: good signature by bob/);
    expect(v.out).toMatch(/verified: .* 2 trusted signature\(s\) \(2 required\)/);
  });

  it.each(['stasis-fake-rootfs.tar.gz', 'manifest.yaml', 'sbom.spdx.json', 'SHA256SUMS', 'SHA256SUMS.alice@example.org.sig'])(
    'a flipped byte in %s fails the verification, naming the file',
    async (file) => {
      const dist = await copyOfRelease();
      expect((await cli(root, ['sign', dist, '--key', alice.file])).code).toBe(0);
      const bytes = await readFile(join(dist, file));
      const at = file.endsWith('.sig') ? bytes.indexOf('-----END') - 10 : Math.floor(bytes.length / 2);
      bytes[at] = (bytes[at] as number) ^ 0x01;
      await writeFile(join(dist, file), bytes);
      const v = await cli(root, ['verify', dist, '--signers', signers]);
      expect(v.code).toBe(file.endsWith('.sig') ? 22 : 20);
      expect(v.out).toContain(
        file.endsWith('.sig') ? `signatures ${file}:` : file === 'SHA256SUMS' ? 'SHA256SUMS.alice@example.org.sig: invalid' : `integrity ${file}: sha256`,
      );
    },
  );

  it('a signature by a key not in the signers file is named and does not count', async () => {
    const dist = await copyOfRelease();
    const mallory = await makeKey('mallory');
    expect((await cli(root, ['sign', dist, '--key', mallory.file])).code).toBe(0);
    const v = await cli(root, ['verify', dist, '--signers', signers]);
    expect(v.code).toBe(22);
    expect(v.out).toMatch(/SHA256SUMS\.mallory\.sig: valid, but by an unknown signer/);
    expect(v.out).toMatch(
      /signatures SHA256SUMS: 0 valid signature\(s\) by allowed signers, 1 required \(--min-signatures\); SHA256SUMS\.mallory\.sig is by an unknown signer \(key SHA256:/,
    );
  });

  it('--min-signatures 2 with one signature each: the missing count is named', async () => {
    const dist = await copyOfRelease();
    expect((await cli(root, ['sign', dist, '--key', alice.file])).code).toBe(0);
    expect((await cli(root, ['sign', dist, '--key', alice.file, '--signer', 'alice-again'])).code).toBe(0);
    const v = await cli(root, ['verify', dist, '--signers', signers, '--min-signatures', '2']);
    expect(v.code).toBe(22);
    expect(v.out).toContain('signatures SHA256SUMS: 1 valid signature(s) by allowed signers, 2 required (--min-signatures)');
  });

  it('a manifest that disagrees with the SBOM fails even when SHA256SUMS was rewritten to match', async () => {
    const dist = await copyOfRelease();
    const manifest = await readFile(join(dist, 'manifest.yaml'), 'utf8');
    const b = /b: ([0-9a-f]{64})/.exec(manifest)?.[1] as string;
    await writeFile(join(dist, 'manifest.yaml'), manifest.replaceAll(b, 'f'.repeat(64)));
    const names = (await readdir(dist)).filter((f) => f !== 'SHA256SUMS').sort();
    await writeFile(join(dist, 'SHA256SUMS'), (await Promise.all(names.map(async (f) => `${await sha256File(join(dist, f))}  ${f}`))).join('\n') + '\n');
    const v = await cli(root, ['verify', dist]);
    expect(v.code).toBe(21);
    expect(v.out).toMatch(/manifest sbom\.spdx\.json: package hello: checksum [0-9a-f]{64}, manifest\.yaml's stage B output f{64}/);
  });

  it('a file SHA256SUMS does not list fails; signing refuses a tampered release', async () => {
    const dist = await copyOfRelease();
    await writeFile(join(dist, 'extra.sh'), 'echo hi\n');
    const v = await cli(root, ['verify', dist]);
    expect(v.code).toBe(20);
    expect(v.out).toContain('integrity extra.sh: not listed in SHA256SUMS');
    const s = await cli(root, ['sign', dist, '--key', alice.file]);
    expect(s.code).toBe(20);
    expect(s.err).toMatch(/not signed, the release does not match its SHA256SUMS:\n\s+extra\.sh: not listed/);
  });
});
