import type { RootfsEntry } from '../rootfs/merge.js';

/** One path of the rootfs to boot: metadata from the farm's manifest or the tar headers. */
export interface ImageEntry {
  readonly path: string;
  readonly type: RootfsEntry['type'];
  /** Permission bits (0o7777). */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  /** Symlink target, or the path a hardlink points at. */
  readonly target?: string | undefined;
  /** The package that installed it, when a farm manifest says so. */
  readonly package?: string | undefined;
}

/** A rootfs as the boot command sees it, whatever it was read from. */
export interface RootfsImage {
  readonly label: string;
  /** Sorted by path, parents before children. */
  readonly entries: readonly ImageEntry[];
  /** The bytes of a regular file of the image (never read through a link). */
  read(path: string): Promise<Buffer>;
}

export const byPath = (a: { readonly path: string }, b: { readonly path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
