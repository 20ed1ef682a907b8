/** One file of a package output, as recorded from its normalized tar. */
export interface ManifestEntry {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink' | 'hardlink' | 'char' | 'block' | 'fifo';
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly sha256?: string;
  readonly target?: string;
}

/** A package output after normalization: the tar, its sha256 and its manifest. */
export interface NormalizedOutput {
  readonly tarPath: string;
  readonly sha256: string;
  readonly manifest: readonly ManifestEntry[];
}
