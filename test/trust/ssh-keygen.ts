import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { prerequisite } from '../support/prerequisite.js';

/** The allowed-signers line of a key (test/trust/key.ts), for the files that take it from here. */
export { signerLine } from './key.js';

export const exec = promisify(execFile);

/** Whether ssh-keygen is here; under CI its absence fails the tests (.ci/run installs openssh-client). */
export async function sshKeygenReady(): Promise<boolean> {
  const ok = await exec('ssh-keygen', ['-?']).then(
    () => true,
    (error: { code?: unknown }) => error.code !== 'ENOENT',
  );
  return prerequisite('ssh-keygen tests', ok ? undefined : 'ssh-keygen is not installed (apt-get install openssh-client)');
}

/** A fresh key pair from the real ssh-keygen: private key file, public key line. */
export async function makeKey(name: string, type: 'ed25519' | 'rsa' = 'ed25519', passphrase = ''): Promise<{ file: string; publicLine: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'stasis-key-'));
  const file = join(dir, name);
  await exec('ssh-keygen', ['-q', '-t', type, ...(type === 'rsa' ? ['-b', '2048'] : []), '-N', passphrase, '-C', name, '-f', file]);
  return { file, publicLine: (await readFile(`${file}.pub`, 'utf8')).trim() };
}
