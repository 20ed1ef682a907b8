export const QEMU = 'qemu-system-x86_64';
export const QEMU_HINT = 'apt-get install qemu-system-x86';

/** What the VM boots: a kernel and an initramfs given to qemu, or a disk image through its boot loader. */
export type VmBoot =
  | {
      readonly kind: 'initramfs';
      readonly kernel: string;
      readonly initramfs: string;
      /** The kernel command line after the farm's own parameters. */
      readonly params: readonly string[];
    }
  | { readonly kind: 'disk'; readonly image: string };

export interface QemuOptions {
  readonly boot: VmBoot;
  readonly kvm: boolean;
  readonly net: boolean;
  readonly memoryMiB?: number;
}

/** The farm's kernel parameters: serial console, reboot (= qemu exits) on panic, init from the initramfs. */
export const BASE_PARAMS = ['console=ttyS0', 'panic=-1', 'rdinit=/sbin/init'] as const;

/**
 * qemu's arguments. The serial console is qemu's stdout (-nographic with the
 * monitor off), a guest reboot or panic ends qemu (-no-reboot), no network unless asked.
 * A disk is the first IDE disk (/dev/sda), booted by the BIOS (SeaBIOS) from its MBR.
 */
export function qemuArgs(o: QemuOptions): string[] {
  return [
    '-machine',
    o.kvm ? 'accel=kvm' : 'accel=tcg',
    ...(o.kvm ? ['-cpu', 'host'] : []),
    '-m',
    String(o.memoryMiB ?? 512),
    '-nographic',
    '-monitor',
    'none',
    '-no-reboot',
    '-nic',
    o.net ? 'user' : 'none',
    ...(o.boot.kind === 'disk'
      ? ['-drive', `file=${o.boot.image},format=raw,if=ide,index=0,media=disk`, '-boot', 'c']
      : ['-kernel', o.boot.kernel, '-initrd', o.boot.initramfs, '-append', [...BASE_PARAMS, ...o.boot.params].join(' ')]),
  ];
}

/**
 * The parameters from the rootfs's /etc/stasis/cmdline (rendered from
 * config.lua), less what only a disk boot needs: root=, rw, ro.
 */
export function paramsFromCmdline(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '' && !w.startsWith('root=') && w !== 'rw' && w !== 'ro');
}
