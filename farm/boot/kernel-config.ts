/**
 * Kernel options a module-less initramfs boot of Stasis under qemu needs built
 * in (=y), with why; docs/boot.md lists the same. DEVTMPFS_MOUNT is not needed:
 * it never applies to an initramfs, and s6-linux-init mounts /dev itself.
 */
export const REQUIRED_KERNEL_OPTIONS: Readonly<Record<string, string>> = {
  '64BIT': 'x86_64 userland',
  BLK_DEV_INITRD: 'the initramfs itself',
  RD_GZIP: 'the initramfs is gzip-compressed',
  BINFMT_ELF: 'static ELF binaries',
  BINFMT_SCRIPT: '#! scripts (the check service, s6-rc up files via execlineb)',
  TTY: 'consoles and gettys',
  PRINTK: 'kernel messages on the serial console',
  SERIAL_8250: 'the PC serial port (ttyS0)',
  SERIAL_8250_CONSOLE: 'console=ttyS0',
  DEVTMPFS: '/dev (s6-linux-init mounts it; the check wants type devtmpfs)',
  PROC_FS: '/proc',
  PROC_SYSCTL: '/proc/sys (the hostname check)',
  SYSFS: '/sys',
  TMPFS: '/run (s6-linux-init copies run-image there)',
  SHMEM: 'tmpfs backing',
  UNIX: 'Unix sockets (s6-svscan control, s6-rc, s6-linux-init-shutdownd)',
  MULTIUSER: 'uids and gids other than 0',
  FUTEX: 'musl threads and locks',
  EPOLL: 'event loops',
  SIGNALFD: 'skalibs selfpipe',
  EVENTFD: 'event notification',
  TIMERFD: 'timers',
  INOTIFY_USER: 'file watching',
  POSIX_TIMERS: 'timers',
  FILE_LOCKING: 's6-rc and s6-svscan lock files',
  ACPI: 'power-off ends qemu (s6-linux-init-shutdown -p)',
};

/** The required options a kernel .config does not set to y. */
export function missingKernelOptions(config: string): string[] {
  const set = new Set(
    config
      .split('\n')
      .map((l) => /^CONFIG_([A-Za-z0-9_]+)=y$/.exec(l.trim())?.[1])
      .filter((o): o is string => o !== undefined),
  );
  return Object.keys(REQUIRED_KERNEL_OPTIONS).filter((o) => !set.has(o));
}
