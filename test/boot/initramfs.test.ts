import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bootAdditions, CHECK_SERVICE } from '../../farm/boot/additions.js';
import { writeInitramfs } from '../../farm/boot/initramfs.js';
import { openRootfsDirectory } from '../../farm/boot/read-dir.js';
import { openRootfsTarball } from '../../farm/boot/read-tarball.js';
import { packRootfs } from '../../farm/rootfs/pack.js';
import { writeFixture, type FixtureNode } from './fixture.js';
import { parseNewc } from './newc.js';

const SDE = 1712345678;
const NODES: FixtureNode[] = [
  { path: 'bin', type: 'dir' },
  { path: 'bin/busybox', type: 'file', content: 'not really busybox\n', mode: 0o755, package: 'busybox' },
  { path: 'bin/sh', type: 'symlink', target: 'busybox', package: 'busybox' },
  { path: 'usr', type: 'dir' },
  { path: 'usr/bin', type: 'dir' },
  { path: 'usr/bin/a-tool', type: 'file', content: 'shared inode\n', mode: 0o755 },
  { path: 'usr/bin/z-tool', type: 'hardlink', target: 'usr/bin/a-tool' },
  { path: 'usr/bin/b-tool', type: 'hardlink', target: 'usr/bin/a-tool' },
  { path: 'etc', type: 'dir' },
  { path: 'etc/shadow', type: 'file', content: 'root:!:0:0:99999:7:::\n', mode: 0o600 },
  { path: 'etc/sudo', type: 'file', content: 'setuid\n', mode: 0o4755 },
  { path: 'etc/run-image', type: 'dir' },
  { path: 'etc/run-image/fifo', type: 'fifo', mode: 0o600 },
];

async function build(image: Parameters<typeof writeInitramfs>[0], dir: string) {
  return writeInitramfs(image, bootAdditions('#!/bin/sh\necho check\n'), { dir, sourceDateEpoch: SDE });
}

describe('the initramfs', () => {
  it('is a newc archive in path order with owners and modes from the manifest, mtimes at SOURCE_DATE_EPOCH', async () => {
    const fx = await writeFixture(NODES);
    const out = await mkdtemp(join(tmpdir(), 'initramfs-'));
    const r = await build(
      openRootfsDirectory(
        fx.dir,
        fx.entries.map((e) => (e.path === 'etc/sudo' ? { ...e, uid: 0, gid: 50 } : e)),
      ),
      out,
    );
    const gz = await readFile(r.path);
    // gzip header: no FNAME flag, mtime 0, XFL 2 (level 9), OS 3 (Unix).
    expect([...gz.subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
    const members = parseNewc(gz);
    const names = members.map((m) => m.name);
    expect(names).toEqual([...names].sort());
    expect(new Set(members.map((m) => m.mtime))).toEqual(new Set([SDE]));
    const byName = new Map(members.map((m) => [m.name, m]));
    expect(byName.get('etc/shadow')?.mode).toBe(0o100600);
    expect(byName.get('etc/sudo')).toMatchObject({ mode: 0o104755, gid: 50 });
    expect(byName.get('bin/sh')).toMatchObject({ mode: 0o120777 });
    expect(byName.get('bin/sh')?.data.toString()).toBe('busybox');
    // The check service and /dev/console come from the boot, not the rootfs.
    expect(byName.get(`${CHECK_SERVICE}/run`)?.mode).toBe(0o100755);
    expect(byName.get(`${CHECK_SERVICE}/run`)?.data.toString()).toContain('echo check');
    expect(byName.get('dev/console')).toMatchObject({ mode: 0o020600, rdevMajor: 5, rdevMinor: 1 });
    // Fifos are kept (s6-linux-init's run-image has some); they need no device numbers.
    expect(byName.get('etc/run-image/fifo')).toMatchObject({ mode: 0o010600, data: Buffer.alloc(0) });
    expect(r.skippedDevices).toEqual([]);
    // Hardlinks share an inode; the data travels once, with the first name in path order.
    const links = ['usr/bin/a-tool', 'usr/bin/b-tool', 'usr/bin/z-tool'].map((n) => byName.get(n));
    expect(new Set(links.map((l) => l?.ino)).size).toBe(1);
    expect(links.map((l) => l?.nlink)).toEqual([3, 3, 3]);
    expect(links.map((l) => l?.data.toString())).toEqual(['shared inode\n', '', '']);
    // Every other member has its own inode.
    const others = members.filter((m) => !m.name.startsWith('usr/bin/') || m.name === 'usr/bin');
    expect(new Set(others.map((m) => m.ino)).size).toBe(others.length);
  });

  it('is the same bytes for the same input, from a directory or from its release tarball', async () => {
    const fx = await writeFixture(NODES);
    const [a, b] = [await mkdtemp(join(tmpdir(), 'initramfs-')), await mkdtemp(join(tmpdir(), 'initramfs-'))];
    const first = await build(openRootfsDirectory(fx.dir, fx.entries), a);
    const second = await build(openRootfsDirectory(fx.dir, fx.entries), b);
    expect(second.sha256).toBe(first.sha256);
    expect(await readFile(second.path)).toEqual(await readFile(first.path));
    const tarball = join(a, 'release.tar.gz');
    await pipeline(packRootfs(fx.dir, fx.entries, SDE), createGzip(), createWriteStream(tarball));
    const fromTar = await build(await openRootfsTarball(tarball), b);
    expect(fromTar.sha256).toBe(first.sha256);
  });

  it('never reads a file through a symlink the rootfs holds', async () => {
    const fx = await writeFixture(NODES);
    const out = await mkdtemp(join(tmpdir(), 'initramfs-'));
    // A package replaced etc/shadow with a link to a host file after the manifest was written.
    await rm(join(fx.dir, 'etc/shadow'));
    await symlink('/etc/hostname', join(fx.dir, 'etc/shadow'));
    await expect(build(openRootfsDirectory(fx.dir, fx.entries), out)).rejects.toThrow(/etc\/shadow/);
    // A directory turned into a link: nothing is read beneath it.
    const fx2 = await writeFixture(NODES);
    await rm(join(fx2.dir, 'usr/bin'), { recursive: true });
    await symlink('/usr/bin', join(fx2.dir, 'usr/bin'));
    await expect(build(openRootfsDirectory(fx2.dir, fx2.entries), out)).rejects.toThrow(/refusing to read usr\/bin\/[^:]*: usr\/bin is a symlink/);
  });
});
