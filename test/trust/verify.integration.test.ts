import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { fakeRelease, makeFakeProject } from '../release/fake-project.js';
import { signerLine } from './key.js';
import { exec, makeKey, sshKeygenReady } from './ssh-keygen.js';

// Release signatures against the real ssh-keygen, both ways: the integration tier.
const ready = await sshKeygenReady();
const PACKAGES = {
  hello: { 'usr/bin/hello': { content: '#!/bin/sh\necho hello\n', mode: 0o755 } },
  motd: { 'etc/motd': { content: 'welcome to stasis\n' } },
};

describe.skipIf(!ready)('release signatures and ssh-keygen', () => {
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

  async function copyOfRelease(): Promise<string> {
    const dir = join(await mkdtemp(join(tmpdir(), 'stasis-dist-')), 'dist');
    await cp(made, dir, { recursive: true });
    return dir;
  }

  it('ssh-keygen -Y verify accepts the signature `sign` makes with a key from ssh-keygen', async () => {
    const dist = await copyOfRelease();
    const a = await cli(root, ['sign', dist, '--key', alice.file]);
    expect(a.code, a.err).toBe(0);
    const { stdout } = await exec(
      'sh',
      ['-c', `ssh-keygen -Y verify -f "${signers}" -I alice@example.org -n stasis-release -s SHA256SUMS.alice@example.org.sig < SHA256SUMS`],
      { cwd: dist },
    );
    expect(stdout).toMatch(/Good "stasis-release" signature for alice@example\.org/);
  });

  it('a signature made by ssh-keygen -Y sign counts', async () => {
    const dist = await copyOfRelease();
    await exec('ssh-keygen', ['-Y', 'sign', '-n', 'stasis-release', '-f', bob.file, join(dist, 'SHA256SUMS')]);
    const v = await cli(root, ['verify', dist, '--signers', signers]);
    expect(v.code, v.out).toBe(0);
    expect(v.out).toMatch(/SHA256SUMS\.sig: good signature by bob/);
  });
});
