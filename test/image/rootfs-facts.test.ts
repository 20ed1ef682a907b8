import { describe, expect, it } from 'vitest';
import { rootfsFacts, type ProbeEntry } from '../../farm/image/rootfs-facts.js';

const dir = (path: string): ProbeEntry => ({ path, type: 'dir' });
const file = (path: string): ProbeEntry => ({ path, type: 'file' });
const link = (path: string, target: string): ProbeEntry => ({ path, type: 'symlink', target });

/** What a tiny Stasis release tarball holds that matters here (busybox's sh, tcc as cc, static musl). */
const STASIS_TINY = [
  dir('bin'),
  file('bin/busybox'),
  link('bin/sh', 'busybox'),
  dir('etc'),
  dir('etc/stasis'),
  file('etc/stasis/cmdline'),
  dir('usr/bin'),
  file('usr/bin/tcc'),
  link('usr/bin/cc', 'tcc'),
  file('usr/bin/make'),
  file('usr/lib/libc.a'),
  file('usr/lib/crt1.o'),
];

describe('rootfsFacts: what a rootfs tarball is', () => {
  it('a Stasis release tarball (etc/stasis/, no os-release): musl, busybox sh, STASIS_CC tcc (what cc links to)', () => {
    expect(rootfsFacts(STASIS_TINY, new Map())).toEqual({ kind: 'stasis', libc: 'musl', shell: true, cc: 'tcc', apk: false });
  });

  it('a Stasis rootfs by its os-release (ID=stasis), read through the etc/os-release link, with a merged /usr', () => {
    const entries = [
      link('bin', 'usr/bin'),
      dir('usr/bin'),
      file('usr/bin/busybox'),
      link('usr/bin/sh', '/usr/bin/busybox'),
      file('usr/bin/tcc'),
      link('usr/bin/cc', '../bin/tcc'),
      link('etc/os-release', '../usr/lib/os-release'),
      file('usr/lib/os-release'),
    ];
    const facts = rootfsFacts(entries, new Map([['usr/lib/os-release', 'NAME="Stasis"\nID=stasis\nPRETTY_NAME="Stasis"\n']]));
    expect(facts).toEqual({ kind: 'stasis', libc: 'musl', shell: true, cc: 'tcc', apk: false });
  });

  it('an Alpine minirootfs: musl, a shell and apk, no compiler', () => {
    const entries = [dir('etc'), file('etc/alpine-release'), file('bin/busybox'), link('bin/sh', '/bin/busybox'), file('sbin/apk'), file('lib/ld-musl-x86_64.so.1')];
    expect(rootfsFacts(entries, new Map())).toEqual({ kind: 'alpine', libc: 'musl', shell: true, cc: undefined, apk: true });
  });

  it('a Debian rootfs with musl-tools: glibc (its loader, its multiarch directory), musl-gcc preferred over cc', () => {
    const entries = [
      file('bin/dash'),
      link('bin/sh', 'dash'),
      dir('lib/x86_64-linux-gnu'),
      file('lib/x86_64-linux-gnu/libc.so.6'),
      link('lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2'),
      file('usr/bin/x86_64-linux-gnu-gcc-12'),
      link('usr/bin/gcc', 'x86_64-linux-gnu-gcc-12'),
      link('usr/bin/cc', '/etc/alternatives/cc'),
      link('etc/alternatives/cc', '/usr/bin/gcc'),
      file('usr/bin/musl-gcc'),
    ];
    expect(rootfsFacts(entries, new Map([['etc/os-release', 'ID=debian\n']]))).toEqual({ kind: 'other', libc: 'glibc', shell: true, cc: 'musl-gcc', apk: false });
  });

  it('glibc found in a Stasis-looking rootfs is still glibc: the libc is what the files say', () => {
    expect(rootfsFacts([...STASIS_TINY, file('lib/ld-linux-x86-64.so.2')], new Map()).libc).toBe('glibc');
  });

  it('cc that links to no known compiler is cc; no cc: the first of tcc, gcc, clang', () => {
    expect(rootfsFacts([file('bin/sh'), file('usr/bin/cc')], new Map()).cc).toBe('cc');
    expect(rootfsFacts([file('bin/sh'), file('usr/local/bin/clang'), file('usr/bin/gcc')], new Map()).cc).toBe('gcc');
  });

  it('a rootfs with neither shell nor compiler says so; a dangling /bin/sh or a link loop is no shell', () => {
    expect(rootfsFacts([dir('etc'), file('etc/hostname')], new Map())).toEqual({ kind: 'other', libc: 'unknown', shell: false, cc: undefined, apk: false });
    expect(rootfsFacts([link('bin/sh', 'busybox')], new Map()).shell).toBe(false);
    expect(rootfsFacts([link('bin/sh', 'ash'), link('bin/ash', 'sh')], new Map()).shell).toBe(false);
  });

  it('a link cannot climb out of the rootfs: ../../.. stops at its root', () => {
    expect(rootfsFacts([file('busybox'), link('bin/sh', '../../../../busybox')], new Map()).shell).toBe(true);
  });
});
