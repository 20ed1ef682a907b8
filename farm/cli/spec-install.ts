// `stasis-farm install`: its arguments and options, the source of its parser and its help (cmd-install.ts runs it).
import type { CommandSpec } from './spec.js';

export const INSTALL = {
  name: 'install',
  summary: 'install a release on a whole disk: the image `disk` makes, written to the device',
  description:
    'Every guard runs before a byte is written: the target must be a block device (a file is refused: `disk --out` makes image files), nothing on it mounted, used as swap or held by device-mapper, at least --size large, and holding no partition table or filesystem unless --force. The image is made as `stasis-farm disk` makes it (same options, same bytes), written whole, synced and read back (docs/disk.md).',
  positionals: [{ name: 'DIST|ROOTFS|TARBALL', description: 'a release directory, a rootfs directory with a farm manifest, or a rootfs tarball' }],
  options: {
    target: { type: 'string', value: 'DEVICE', required: true, description: 'the whole disk to install to (/dev/sdX, /dev/nvmeXnY); everything on it is lost' },
    force: { type: 'boolean', description: 'install over a partition table or filesystem the target holds' },
    size: { type: 'string', value: 'SIZE', description: 'the size of the installed layout (default 2G; / can be grown later with resize2fs)' },
    'boot-size': { type: 'string', value: 'SIZE', description: 'the /boot partition, when fstab has one' },
    'swap-size': { type: 'string', value: 'SIZE', description: 'the swap partition, when fstab has one' },
    kernel: { type: 'string', value: 'FILE', description: "a bzImage to boot instead of the rootfs's /boot/vmlinuz" },
    manifest: { type: 'string', value: 'FILE', description: 'owners and modes of a rootfs directory' },
  },
} as const satisfies CommandSpec;
