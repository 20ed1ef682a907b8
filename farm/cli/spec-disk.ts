// `stasis-farm disk`: its arguments and options, the source of its parser and its help (cmd-disk.ts runs it).
import type { CommandSpec } from './spec.js';

export const DEFAULT_DISK_SIZE = '2G';

export const DISK = {
  name: 'disk',
  summary: 'make a bootable disk image (MBR, GRUB for BIOS) of a release or a rootfs',
  description:
    "The partitions and filesystems are the rootfs's etc/fstab (config.lua's `filesystem`): /boot and swap first when there, / taking the rest; ext2/3/4 only. They are made by the rootfs's own sfdisk, mke2fs and grub-mkimage in a container made from it (network none): the rootfs needs grub, e2fsprogs and util-linux, and a kernel (/boot/vmlinuz, or --kernel). The same rootfs and options give the same image bytes. IMAGE.json beside the image says how it is laid out (docs/disk.md).",
  positionals: [
    {
      name: 'DIST|ROOTFS|TARBALL',
      description: 'a release directory, a rootfs directory with a farm manifest, or a rootfs tarball (default: workspace/preview)',
      optional: true,
    },
  ],
  options: {
    out: { type: 'string', value: 'FILE', description: 'the image to write (default: workspace/disk/stasis.img); replaced whole or not at all' },
    size: { type: 'string', value: 'SIZE', description: `the image's size (default ${DEFAULT_DISK_SIZE}; 512M, 4G: binary units)` },
    'boot-size': { type: 'string', value: 'SIZE', description: 'the /boot partition, when fstab has one (default: 32M, or more when its files need it)' },
    'swap-size': { type: 'string', value: 'SIZE', description: 'the swap partition, when fstab has one (default 64M)' },
    kernel: { type: 'string', value: 'FILE', description: "a bzImage to boot instead of the rootfs's /boot/vmlinuz" },
    manifest: { type: 'string', value: 'FILE', description: "owners and modes of a rootfs directory (default: the preview's manifest, or ROOTFS.manifest.json)" },
  },
} as const satisfies CommandSpec;
