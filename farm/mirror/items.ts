/** One source file a mirror must hold. */
export interface MirrorItem {
  readonly pkg: string;
  readonly file: string;
  readonly sha256: string;
  readonly url?: string;
}

/** One file of an exported mirror's index. */
export interface MirrorEntry {
  readonly file: string;
  readonly sha256: string;
  readonly url?: string;
  readonly size: number;
}

/**
 * The builder image an airgap kit carries (`mirror export --with-builder`): the `docker save`
 * archive `file`, its sha256 and size, and the image's reference and id (`sha256:<hex>`), which
 * the engine it is loaded into must report again.
 */
export interface KitBuilder {
  readonly ref: string;
  readonly id: string;
  readonly file: string;
  readonly sha256: string;
  readonly size: number;
}

/** The index.yaml of an exported mirror: package -> files, and the builder of a kit. */
export interface MirrorIndex {
  readonly packages: Readonly<Record<string, readonly MirrorEntry[]>>;
  readonly builder?: KitBuilder | undefined;
}

/** Unique files (by name) of a set of items; a name with two hashes is an error for the caller. */
export function uniqueFiles(items: readonly MirrorItem[]): Map<string, MirrorItem> {
  const out = new Map<string, MirrorItem>();
  for (const item of items) {
    const seen = out.get(item.file);
    if (seen !== undefined && seen.sha256 !== item.sha256) {
      throw new Error(`${item.file}: two packages name it with different sha256 (${seen.pkg}, ${item.pkg})`);
    }
    out.set(item.file, item);
  }
  return out;
}

export const INDEX_FILE = 'index.yaml';
/** The name of a kit's builder archive. */
export const BUILDER_FILE = 'builder.tar';
export const SUMS_FILE = 'SHA256SUMS';
