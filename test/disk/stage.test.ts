import { describe, expect, it } from 'vitest';
import type { ImageEntry, RootfsImage } from '../../farm/boot/image.js';
import { needOf, stageTrees } from '../../farm/disk/stage.js';

const e = (path: string, type: ImageEntry['type'] = 'file', more: Partial<ImageEntry> = {}): ImageEntry => ({
  path,
  type,
  mode: type === 'dir' ? 0o755 : 0o644,
  uid: 0,
  gid: 0,
  size: type === 'file' ? 5000 : 0,
  ...more,
});
const image: RootfsImage = {
  label: 'test',
  entries: [
    e('bin', 'dir'),
    e('bin/busybox'),
    e('boot', 'dir'),
    e('boot/grub', 'dir'),
    e('boot/grub/grub.cfg'),
    e('boot/vmlinuz'),
    e('boot/vmlinuz-copy', 'hardlink', { target: 'bin/busybox' }),
    e('dev', 'dir'),
    e('dev/null', 'char'),
    e('run-fifo', 'fifo', { mode: 0o600 }),
    e('usr', 'dir'),
    e('usr/lib', 'dir'),
    e('usr/lib/grub', 'dir'),
    e('usr/lib/grub/i386-pc', 'dir'),
    e('usr/lib/grub/i386-pc/boot.img'),
    e('usr/lib/grub/i386-pc/ext2.mod'),
    e('usr/lib/grub/i386-pc/command.lst'),
  ],
  read: () => Promise.resolve(Buffer.alloc(0)),
};
const paths = (list: readonly { entry: ImageEntry }[] | undefined): string[] => (list ?? []).map((s) => `${s.entry.path}:${s.entry.type}`);

describe('the trees of the disk filesystems', () => {
  it('with /boot on its own partition: boot/ goes there with GRUB modules beside grub.cfg, / keeps the mount point', () => {
    const t = stageTrees(image, { separateBoot: true });
    expect(paths(t.boot)).toEqual([
      'grub:dir',
      'grub/grub.cfg:file',
      'grub/i386-pc:dir',
      'grub/i386-pc/command.lst:file',
      'grub/i386-pc/ext2.mod:file',
      'vmlinuz:file',
      'vmlinuz-copy:file',
    ]);
    expect(paths(t.root)).toContain('boot:dir');
    expect(paths(t.root).filter((p) => p.startsWith('boot/'))).toEqual([]);
    // A hardlink across the two filesystems is a copy of its file.
    expect(t.boot?.find((s) => s.entry.path === 'vmlinuz-copy')).toMatchObject({ from: 'bin/busybox', entry: { size: 5000 } });
    expect(t.skipped).toEqual(['dev/null']);
    expect(paths(t.root)).toContain('run-fifo:fifo');
  });

  it('without: everything on /, the modules in boot/grub/i386-pc; --kernel replaces boot/vmlinuz', () => {
    const t = stageTrees(image, { separateBoot: false, kernel: '/host/bzImage', kernelSize: 9000 });
    expect(t.boot).toBeUndefined();
    expect(paths(t.root)).toEqual(expect.arrayContaining(['boot/grub/i386-pc:dir', 'boot/grub/i386-pc/ext2.mod:file', 'boot/vmlinuz-copy:hardlink']));
    const kernels = t.root.filter((s) => s.entry.path === 'boot/vmlinuz');
    expect(kernels.map((k) => [k.entry.size, k.hostFile])).toEqual([[9000, '/host/bzImage']]);
  });

  it('counts blocks and inodes: files by 4 KiB blocks, a block per directory, none for a hardlink', () => {
    const t = stageTrees(image, { separateBoot: true });
    expect(needOf(t.boot ?? [])).toEqual({ bytes: 4096 + 2 * 4096 + 5 * 8192, inodes: 16 + 7 });
  });
});
