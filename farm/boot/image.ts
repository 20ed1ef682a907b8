import type { RootfsEntry } from '../rootfs/merge.js';

/**
 * One path of the rootfs to boot: metadata from the farm's manifest or the tar
 * headers; `package` only when a farm manifest says which one installed it.
 */
export type ImageEntry = Omit<RootfsEntry, 'sha256' | 'package'> & { readonly package?: string | undefined };

/** A rootfs as the boot command sees it, whatever it was read from. */
export interface RootfsImage {
  readonly label: string;
  /** Sorted by path, parents before children. */
  readonly entries: readonly ImageEntry[];
  /** The bytes of a regular file of the image (never read through a link). */
  read(path: string): Promise<Buffer>;
}

export const byPath = (a: { readonly path: string }, b: { readonly path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
