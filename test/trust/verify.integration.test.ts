import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.js';
import { signingFixture, type SigningFixture } from './signed-release.js';
import { exec, makeKey, sshKeygenReady } from './ssh-keygen.js';

// Release signatures against the real ssh-keygen, both ways: the integration tier.
const ready = await sshKeygenReady();
describe.skipIf(!ready)('release signatures and ssh-keygen', () => {
  let f: SigningFixture;
  beforeAll(async () => {
    f = await signingFixture((name) => makeKey(name));
  });

  it('ssh-keygen -Y verify accepts the signature `sign` makes with a key from ssh-keygen', async () => {
    const dist = await f.copyOfRelease();
    const a = await cli(f.root, ['sign', dist, '--key', f.alice.file]);
    expect(a.code, a.err).toBe(0);
    const { stdout } = await exec(
      'sh',
      ['-c', `ssh-keygen -Y verify -f "${f.signers}" -I alice@example.org -n stasis-release -s SHA256SUMS.alice@example.org.sig < SHA256SUMS`],
      { cwd: dist },
    );
    expect(stdout).toMatch(/Good "stasis-release" signature for alice@example\.org/);
  });

  it('a signature made by ssh-keygen -Y sign counts', async () => {
    const dist = await f.copyOfRelease();
    await exec('ssh-keygen', ['-Y', 'sign', '-n', 'stasis-release', '-f', f.bob.file, join(dist, 'SHA256SUMS')]);
    const v = await cli(f.root, ['verify', dist, '--signers', f.signers]);
    expect(v.code, v.out).toBe(0);
    expect(v.out).toMatch(/SHA256SUMS\.sig: good signature by bob/);
  });
});
