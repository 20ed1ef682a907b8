import type { RootfsImage } from '../boot/image.js';
import { FarmError } from '../errors/index.js';

/** A program `disk` runs inside the container made from the rootfs, and the package that brings it. */
interface Tool {
  readonly name: string;
  readonly pkg: string;
  /** Where the rootfs may have it. */
  readonly paths: readonly string[];
}

const bins = (name: string): string[] => ['usr/bin', 'usr/sbin', 'bin', 'sbin'].map((d) => `${d}/${name}`);

/** What `disk` needs of the rootfs: Stasis's own partitioning, filesystem and boot loader tools. */
export const DISK_TOOLS: readonly Tool[] = [
  { name: 'sh', pkg: 'busybox', paths: bins('sh') },
  { name: 'truncate', pkg: 'busybox', paths: bins('truncate') },
  { name: 'sfdisk', pkg: 'util-linux', paths: bins('sfdisk') },
  { name: 'mke2fs', pkg: 'e2fsprogs', paths: bins('mke2fs') },
  { name: 'e2fsck', pkg: 'e2fsprogs', paths: bins('e2fsck') },
  { name: 'debugfs', pkg: 'e2fsprogs', paths: bins('debugfs') },
  { name: 'grub-mkimage', pkg: 'grub', paths: bins('grub-mkimage') },
  { name: 'boot.img', pkg: 'grub', paths: ['usr/lib/grub/i386-pc/boot.img'] },
  { name: 'kernel.img', pkg: 'grub', paths: ['usr/lib/grub/i386-pc/kernel.img'] },
];

/** The repository of the images made from a rootfs for its tools to run in (tagged with the root tree's sha256). */
export const DISK_TOOLS_REPO = 'stasis-disk-tools';

/** The packages a profile needs beyond the boot profile for `disk` (docs/disk.md). */
export const DISK_PACKAGES = ['grub', 'e2fsprogs', 'util-linux'] as const;

/**
 * Refuse a rootfs that lacks a tool before anything is made, naming the tools and the
 * packages to add; the rendered grub.cfg and fstab must be there too.
 */
export function requireDiskTools(image: RootfsImage): void {
  const have = new Set(image.entries.filter((e) => e.type !== 'dir').map((e) => e.path));
  const missing = DISK_TOOLS.filter((t) => !t.paths.some((p) => have.has(p)));
  const rendered = ['etc/fstab', 'boot/grub/grub.cfg'].filter((p) => !have.has(p));
  if (missing.length === 0 && rendered.length === 0) return;
  const pkgs = [...new Set(missing.map((t) => t.pkg))];
  const parts = [
    ...(missing.length > 0 ? [`it lacks ${missing.map((t) => t.name).join(', ')} (packages: ${pkgs.join(', ')})`] : []),
    ...(rendered.length > 0 ? [`it has no ${rendered.join(' or ')} (rendered from config.lua when grub is built)`] : []),
  ];
  throw new FarmError('DISK_REFUSED', `${image.label}: cannot make a disk image of this rootfs: ${parts.join('; ')}`, {
    hint: `a disk image is made with the rootfs's own tools: add ${DISK_PACKAGES.join(', ')} to config.lua's include (and a kernel: the linux package, or --kernel) and build again`,
    data: { missing: missing.map((t) => t.name), packages: pkgs },
  });
}
