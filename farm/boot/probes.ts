import type { ImageEntry } from './image.js';

/** A static binary of a package, run in the guest to show that it executes. */
export interface Probe {
  readonly pkg: string;
  /** The binary, relative to the rootfs root. */
  readonly binary: string;
  /** The shell command line run in the guest (starts with /binary). */
  readonly command: string;
}

/** Package -> how to run one of its binaries. skalibs (a library) has none. */
const PROBES: readonly Probe[] = [
  { pkg: 'busybox', binary: 'bin/busybox', command: '/bin/busybox true' },
  { pkg: 'execline', binary: 'usr/bin/execlineb', command: "/usr/bin/execlineb -Pc 'exit 0'" },
  { pkg: 's6', binary: 'usr/bin/s6-svok', command: '/usr/bin/s6-svok /run/service/stasis-check' },
  { pkg: 's6-rc', binary: 'usr/bin/s6-rc', command: '/usr/bin/s6-rc -a list' },
  { pkg: 's6-portable-utils', binary: 'usr/bin/s6-echo', command: '/usr/bin/s6-echo ok' },
  { pkg: 's6-linux-utils', binary: 'usr/bin/s6-hostname', command: '/usr/bin/s6-hostname' },
  { pkg: 'libc-tools', binary: 'usr/bin/getconf', command: '/usr/bin/getconf PAGESIZE' },
  { pkg: 'make', binary: 'usr/bin/make', command: '/usr/bin/make --version' },
  { pkg: 'tcc', binary: 'usr/bin/tcc', command: '/usr/bin/tcc -v' },
];

/**
 * The probes for the packages of an image: from the manifest's `package` field
 * when it has one (a package present without its binary then fails in the
 * guest), else (a release tarball) every probe whose binary is there.
 */
export function probesFor(entries: readonly ImageEntry[]): Probe[] {
  const packages = new Set(entries.map((e) => e.package).filter((p): p is string => p !== undefined));
  if (packages.size > 0) return PROBES.filter((p) => packages.has(p.pkg));
  const paths = new Set(entries.filter((e) => e.type === 'file' || e.type === 'hardlink').map((e) => e.path));
  return PROBES.filter((p) => paths.has(p.binary));
}
