import { posix } from 'node:path';
import type { BuilderLibc } from './libc.js';

/** One entry of a rootfs tarball as the probe keeps it: its normalized path, its type and a link's target. */
export interface ProbeEntry {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';
  readonly target?: string | undefined;
}

/** What a rootfs is: the facts that choose how `image import` makes a builder of it. */
export interface RootfsFacts {
  /** A Stasis rootfs (the farm's own output), an Alpine minirootfs, or anything else. */
  readonly kind: 'stasis' | 'alpine' | 'other';
  readonly libc: BuilderLibc;
  /** /bin/sh resolves to a file. */
  readonly shell: boolean;
  /** The C compiler's command on PATH (STASIS_CC); undefined when there is none. */
  readonly cc: string | undefined;
  /** Alpine's package manager (sbin/apk) is there. */
  readonly apk: boolean;
}

/** The files whose text the probe needs (os-release says which system it is). */
export const OS_RELEASE_FILES = ['etc/os-release', 'usr/lib/os-release'] as const;

const PATH_DIRS = ['usr/local/bin', 'usr/bin', 'bin'];
const COMPILERS = ['tcc', 'gcc', 'clang'];
const GLIBC_FILES = /^(ld-linux(-x86-64)?\.so\.\d+|libc\.so\.6)$/;
const GLIBC_DIRS = ['lib/x86_64-linux-gnu', 'usr/lib/x86_64-linux-gnu', 'lib64'];
const MUSL_FILES = /^(ld-musl-[^/]+\.so\.1|libc\.musl-[^/]+\.so\.1)$/;

/** A rootfs's entries by path, resolving symlinks (a link's parent directories included) as the kernel would, inside the rootfs. */
class Tree {
  private readonly byPath: ReadonlyMap<string, ProbeEntry>;

  constructor(entries: readonly ProbeEntry[]) {
    this.byPath = new Map(entries.map((e) => [e.path, e]));
  }

  /** The entry a path names after following every symlink; undefined when it leads nowhere (or loops). */
  resolve(path: string): ProbeEntry | undefined {
    let parts = split(path);
    let done: string[] = [];
    for (let hops = 0; parts.length > 0;) {
      const [head, ...rest] = parts as [string, ...string[]];
      const here = [...done, head].join('/');
      const entry = this.byPath.get(here);
      if (entry?.type !== 'symlink') {
        done = [...done, head];
        parts = rest;
        continue;
      }
      if (++hops > 40) return undefined;
      const target = entry.target ?? '';
      parts = [...split(target.startsWith('/') ? target : posix.join(...done, target)), ...rest];
      done = [];
    }
    return this.byPath.get(done.join('/'));
  }

  isFile(path: string): boolean {
    const e = this.resolve(path);
    return e?.type === 'file' || e?.type === 'hardlink';
  }

  isDir(path: string): boolean {
    return this.resolve(path)?.type === 'dir';
  }

  /** The final name a chain of symlinks from `path` ends at (its own name when it is no link). */
  finalName(path: string): string {
    let current = path;
    for (let hops = 0; hops < 40; hops++) {
      const entry = this.byPath.get(current);
      if (entry?.type !== 'symlink') break;
      const target = entry.target ?? '';
      current = split(target.startsWith('/') ? target : posix.join(posix.dirname(current), target)).join('/');
    }
    return posix.basename(current);
  }

  names(): IterableIterator<string> {
    return this.byPath.keys();
  }
}

/** A path's parts, without ., empty parts or a leading /; `..` climbs, never above the root. */
function split(path: string): string[] {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return out;
}

/**
 * What a rootfs tarball is, from its entries and its os-release text (keyed by
 * OS_RELEASE_FILES path). Pure: the reader is probe.ts.
 */
export function rootfsFacts(entries: readonly ProbeEntry[], texts: ReadonlyMap<string, string>): RootfsFacts {
  const tree = new Tree(entries);
  const kind = kindOf(tree, texts);
  const libc = libcOf(tree, kind);
  return { kind, libc, shell: tree.isFile('bin/sh'), cc: compilerOf(tree, libc), apk: tree.isFile('sbin/apk') };
}

function kindOf(tree: Tree, texts: ReadonlyMap<string, string>): RootfsFacts['kind'] {
  // etc/os-release is usually a link to usr/lib/os-release: read whichever it resolves to.
  const osRelease = OS_RELEASE_FILES.map((f) => texts.get(f)).find((t) => t !== undefined) ?? '';
  const id = /^ID="?([^"\n]*)"?$/m.exec(osRelease)?.[1];
  // etc/stasis/ is what the farm's assembly renders into every rootfs (cmdline, locale, keymap).
  if (id === 'stasis' || tree.isDir('etc/stasis')) return 'stasis';
  if (id === 'alpine' || tree.isFile('etc/alpine-release')) return 'alpine';
  return 'other';
}

function libcOf(tree: Tree, kind: RootfsFacts['kind']): BuilderLibc {
  const names = [...tree.names()];
  const base = (p: string): string => posix.basename(p);
  if (names.some((p) => GLIBC_FILES.test(base(p))) || GLIBC_DIRS.some((d) => tree.isDir(d))) return 'glibc';
  if (kind !== 'other' || names.some((p) => MUSL_FILES.test(base(p))) || tree.isFile('usr/lib/libc.a')) return 'musl';
  return 'unknown';
}

/**
 * The compiler's command: `cc` by the name it links to (tcc on Stasis), else the
 * first of tcc, gcc, clang on PATH; on a glibc system musl-gcc comes first.
 */
function compilerOf(tree: Tree, libc: BuilderLibc): string | undefined {
  const onPath = (name: string): string | undefined => PATH_DIRS.map((d) => `${d}/${name}`).find((p) => tree.isFile(p));
  if (libc === 'glibc' && onPath('musl-gcc') !== undefined) return 'musl-gcc';
  const cc = onPath('cc');
  if (cc !== undefined) {
    const named = tree.finalName(cc);
    return COMPILERS.includes(named) && onPath(named) !== undefined ? named : 'cc';
  }
  return COMPILERS.find((name) => onPath(name) !== undefined);
}
