// `stasis-farm boot`: its arguments and options, the source of its parser and its help (cmd-boot.ts runs it).
import type { CommandSpec } from './spec.js';

export const DEFAULT_TIMEOUT_S = 120;

export const BOOT = {
  name: 'boot',
  summary: 'boot a rootfs or a release tarball in qemu and check it from inside',
  description:
    "The rootfs is booted from an initramfs; checks run in the guest and report a verdict (exit 10-15 when it is not a pass; docs/boot.md). The kernel: --kernel, else STASIS_KERNEL, else the rootfs's /boot/vmlinuz. With --disk, a disk image boots from its MBR instead (docs/disk.md).",
  positionals: [{ name: 'ROOTFS|TARBALL', description: 'a rootfs directory with a farm manifest, or a release tarball (default: workspace/preview)', optional: true }],
  options: {
    kernel: { type: 'string', value: 'FILE', description: 'the kernel (a bzImage) to boot' },
    timeout: { type: 'string', value: 'S', description: `seconds to wait for the guest's verdict (default ${DEFAULT_TIMEOUT_S}); then the VM is stopped (exit 12)` },
    manifest: { type: 'string', value: 'FILE', description: "owners and modes of a rootfs directory (default: the preview's manifest, or ROOTFS.manifest.json)" },
    net: { type: 'boolean', description: "user-mode networking for the guest (qemu's -nic user; default: none)" },
    disk: {
      type: 'string',
      value: 'IMAGE',
      description:
        'boot a disk image made by `stasis-farm disk` through its own GRUB instead (not with ROOTFS|TARBALL or --kernel): the checks, the check service added to a copy, also look at / and /boot mounted from the partitions fstab names and the command line GRUB gave',
    },
  },
} as const satisfies CommandSpec;
