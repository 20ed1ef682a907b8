import { writeFile, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFarmError } from '../../farm/errors/index.js';
import { parseAllowedSigners } from '../../farm/trust/allowed-signers.js';
import { parseOpensshPrivateKey, parseSshsig, RELEASE_NAMESPACE, signSshsig, verifySshsig } from '../../farm/trust/index.js';
import { makeKey as makeKeyInProcess, signerLine } from './key.js';
import { exec, makeKey, sshKeygenReady } from './ssh-keygen.js';

const ready = await sshKeygenReady();
const MESSAGE = Buffer.from('3f1c...  stasis-tiny-rootfs.tar.gz\n');

describe.skipIf(!ready)('SSHSIG signatures, checked against the real ssh-keygen', () => {
  it('our signature is byte-for-byte the one `ssh-keygen -Y sign` makes, and `ssh-keygen -Y verify` accepts it', async () => {
    const key = await makeKey('alice@example.org');
    const dir = dirname(key.file);
    await writeFile(join(dir, 'SHA256SUMS'), MESSAGE);
    await exec('ssh-keygen', ['-Y', 'sign', '-n', RELEASE_NAMESPACE, '-f', key.file, join(dir, 'SHA256SUMS')]);
    const theirs = await readFile(join(dir, 'SHA256SUMS.sig'), 'utf8');
    const ours = signSshsig(MESSAGE, parseOpensshPrivateKey(await readFile(key.file, 'utf8'), key.file), RELEASE_NAMESPACE);
    expect(ours).toBe(theirs);
    await writeFile(join(dir, 'ours.sig'), ours);
    await writeFile(join(dir, 'allowed'), signerLine('alice@example.org', key.publicLine) + '\n');
    const { stdout } = await exec('sh', ['-c', `ssh-keygen -Y verify -f allowed -I alice@example.org -n ${RELEASE_NAMESPACE} -s ours.sig < SHA256SUMS`], { cwd: dir });
    expect(stdout).toMatch(/Good "stasis-release" signature for alice@example.org with ED25519 key SHA256:/);
  });

  it('a signature made by ssh-keygen verifies with our code; another message, another namespace do not', async () => {
    const key = await makeKey('bob');
    const dir = dirname(key.file);
    await writeFile(join(dir, 'm'), MESSAGE);
    await exec('ssh-keygen', ['-Y', 'sign', '-n', RELEASE_NAMESPACE, '-f', key.file, join(dir, 'm')]);
    const sig = parseSshsig(await readFile(join(dir, 'm.sig'), 'utf8'), 'm.sig');
    expect(sig.hashAlgorithm).toBe('sha512');
    expect(verifySshsig(MESSAGE, sig, RELEASE_NAMESPACE)).toBe('valid');
    expect(verifySshsig(Buffer.from('other'), sig, RELEASE_NAMESPACE)).toBe('invalid');
    expect(verifySshsig(MESSAGE, sig, 'file')).toBe('wrong-namespace');
    const allowed = parseAllowedSigners(`# release keys\n${signerLine('bob', key.publicLine, 'namespaces="stasis-release"')}\n`, 'allowed');
    expect(allowed[0]).toMatchObject({ principals: ['bob'], namespaces: ['stasis-release'], where: 'allowed:2' });
  });

  it.each([
    ['an encrypted key', async () => makeKey('enc', 'ed25519', 'secret pass'), /is encrypted \(aes256-ctr, bcrypt\)/],
    ['an RSA key', async () => makeKey('rsa', 'rsa'), /a ssh-rsa key; only ssh-ed25519 keys sign releases/],
  ])('refuses %s with a clear error', async (_name, make, message) => {
    const key = await make();
    let error: unknown;
    try {
      parseOpensshPrivateKey(await readFile(key.file, 'utf8'), key.file);
    } catch (e) {
      error = e;
    }
    expect(isFarmError(error) && error.code).toBe('KEY_INVALID');
    expect((error as Error).message).toMatch(message);
  });

  it('a key the unit tier makes in-process is one ssh-keygen reads and signs with', async () => {
    const key = await makeKeyInProcess('carol');
    const { stdout } = await exec('ssh-keygen', ['-y', '-f', key.file]);
    expect(stdout.trim()).toBe(key.publicLine);
    const dir = dirname(key.file);
    await writeFile(join(dir, 'm'), MESSAGE);
    await exec('ssh-keygen', ['-Y', 'sign', '-n', RELEASE_NAMESPACE, '-f', key.file, join(dir, 'm')]);
    expect(await readFile(join(dir, 'm.sig'), 'utf8')).toBe(signSshsig(MESSAGE, parseOpensshPrivateKey(await readFile(key.file, 'utf8'), key.file), RELEASE_NAMESPACE));
  });
});
