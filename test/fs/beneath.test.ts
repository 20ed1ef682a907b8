import { lstat, mkdir, mkdtemp, readFile, readlink, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UnsafePath } from '../../farm/errors/index.js';
import { beneath } from '../../farm/fs/beneath.js';
import { packRootfs } from '../../farm/rootfs/pack.js';
import { makeScratch, snapshot } from '../support/scratch.js';

/** A tree with `abs -> <scratch>` (absolute) and `rel -> ../../..<scratch>` (relative) already in it. */
async function treeWithLinks(): Promise<{ root: string; scratch: string }> {
  const scratch = await makeScratch();
  const root = await mkdtemp(join(tmpdir(), 'stasis-beneath-'));
  await symlink(scratch, join(root, 'abs'));
  await mkdir(join(root, 'usr'));
  await symlink(`${'../'.repeat(24)}${scratch.slice(1)}`, join(root, 'usr', 'rel'));
  await symlink(join(scratch, 'secret'), join(root, 'final'));
  return { root, scratch };
}

async function refused(work: Promise<unknown>, words: readonly string[]): Promise<void> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UnsafePath);
  expect((error as UnsafePath).code).toBe('BUILD_FAILED');
  for (const w of words) expect((error as UnsafePath).message).toContain(w);
}

describe('beneath(root): no write or read follows a symlink in the tree', () => {
  it('refuses every operation whose parent is an absolute or a relative ../../.. symlink', async () => {
    const { root, scratch } = await treeWithLinks();
    const before = await snapshot(scratch);
    const tree = beneath(root);
    for (const parent of ['abs', 'usr/rel']) {
      await refused(tree.writeFile(`${parent}/secret`, 'owned\n', 0o777), [`${parent}/secret`, `${parent} is a symlink`]);
      await refused(tree.writeFile(`${parent}/new/deeper`, Readable.from(['x']), 0o644), [`${parent} is a symlink`]);
      await refused(tree.mkdir(`${parent}/sub`, 0o777), [`${parent} is a symlink`]);
      await refused(tree.symlink(`${parent}/ln`, '/'), [`${parent} is a symlink`]);
      await refused(tree.chmod(`${parent}/secret`, 0o777), [`${parent} is a symlink`]);
      await refused(tree.readFile(`${parent}/secret`), [`${parent} is a symlink`]);
    }
    expect(await snapshot(scratch)).toBe(before);
  });

  it('never follows a final symlink: chmod and mkdir refuse it, a write replaces the link itself', async () => {
    const { root, scratch } = await treeWithLinks();
    const before = await snapshot(scratch);
    const tree = beneath(root);
    await refused(tree.chmod('final', 0o777), ['"final"', 'a symlink']);
    await refused(tree.chmod('abs', 0o777), ['"abs"', 'a symlink']);
    await refused(tree.mkdir('abs', 0o777), ['abs is a symlink']);
    await refused(tree.readFile('final'), ['"final"', 'a symlink']);
    await tree.writeFile('final', 'mine\n', 0o755);
    expect(await snapshot(scratch)).toBe(before);
    expect((await lstat(join(root, 'final'))).isFile()).toBe(true);
    expect((await lstat(join(root, 'final'))).mode & 0o777).toBe(0o755);
    await tree.symlink('abs', 'somewhere');
    expect(await readlink(join(root, 'abs'))).toBe('somewhere');
    expect(await snapshot(scratch)).toBe(before);
  });

  it('a hardlink is made neither from nor into a symlinked directory', async () => {
    const { root, scratch } = await treeWithLinks();
    const before = await snapshot(scratch);
    const tree = beneath(root);
    await tree.writeFile('usr/file', 'rootfs\n', 0o644);
    await refused(tree.link('stolen', 'abs/secret'), ['"abs/secret"', 'abs is a symlink']);
    await refused(tree.link('usr/rel/planted', 'usr/file'), ['usr/rel is a symlink']);
    expect(await snapshot(scratch)).toBe(before);
    await tree.link('usr/copy', 'usr/file');
    expect((await lstat(join(root, 'usr/copy'))).nlink).toBe(2);
  });

  it('creates missing parents as real directories, keeps existing ones, refuses names leaving the tree', async () => {
    const root = join(await mkdtemp(join(tmpdir(), 'stasis-beneath-')), 'not-yet');
    const tree = beneath(root);
    await tree.writeFile('a/b/c', 'x', 0o600);
    await tree.mkdir('a/b', 0o700);
    expect((await lstat(join(root, 'a/b'))).mode & 0o777).toBe(0o700);
    expect(await readFile(join(root, 'a/b/c'), 'utf8')).toBe('x');
    await refused(tree.writeFile('../escape', 'x', 0o644), ['leaves the tree']);
    await refused(tree.writeFile('/etc/passwd', 'x', 0o644), ['leaves the tree']);
    await refused(tree.writeFile('a/b', 'x', 0o644), ['a directory is in the way']);
  });

  it('packRootfs does not read a file through a symlinked directory into the tarball', async () => {
    const { root } = await treeWithLinks();
    const entry = { path: 'abs/secret', type: 'file' as const, mode: 0o644, uid: 0, gid: 0, size: 10, package: 'evil' };
    const chunks: Buffer[] = [];
    const error = await new Promise<unknown>((resolve) => {
      const s = packRootfs(root, [entry], 0);
      s.on('data', (c: Buffer) => chunks.push(c));
      s.on('error', resolve);
      s.on('end', () => resolve(undefined));
    });
    expect(error).toBeInstanceOf(UnsafePath);
    expect(Buffer.concat(chunks).toString('latin1')).not.toContain('host data');
  });
});
