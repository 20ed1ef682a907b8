import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fakeRelease, makeFakeProject } from '../release/fake-project.js';
import { signerLine } from './key.js';

type Key = { file: string; publicLine: string };

/** A fake release (two small packages) with two signers, alice and bob, in its allowed_signers file. */
export interface SigningFixture {
  readonly root: string;
  readonly alice: Key;
  readonly bob: Key;
  /** allowed_signers: alice for any namespace, bob for stasis-release only. */
  readonly signers: string;
  /** A copy of the release's dist/, so each test tampers with its own. */
  copyOfRelease(): Promise<string>;
}

const PACKAGES = {
  hello: { 'usr/bin/hello': { content: '#!/bin/sh\necho hello\n', mode: 0o755 } },
  motd: { 'etc/motd': { content: 'welcome to stasis\n' } },
};

/** The release and keys both signature test files start from; `makeKey` is node's or ssh-keygen's. */
export async function signingFixture(makeKey: (name: string) => Promise<Key>): Promise<SigningFixture> {
  const root = await makeFakeProject(PACKAGES);
  const { result } = await fakeRelease(root, PACKAGES);
  const made = result.dist?.dir as string;
  const [alice, bob] = await Promise.all([makeKey('alice@example.org'), makeKey('bob')]);
  const signers = join(root, 'allowed_signers');
  await writeFile(signers, `${signerLine('alice@example.org', alice.publicLine)}\n${signerLine('bob', bob.publicLine, 'namespaces="stasis-release"')}\n`);
  const copyOfRelease = async (): Promise<string> => {
    const dir = join(await mkdtemp(join(tmpdir(), 'stasis-dist-')), 'dist');
    await cp(made, dir, { recursive: true });
    return dir;
  };
  return { root, alice, bob, signers, copyOfRelease };
}
