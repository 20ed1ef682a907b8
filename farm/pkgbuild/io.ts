import type { Readable } from 'node:stream';
import type { SourceSpec } from '../recipe/types.js';

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

export interface NormalizedOutput {
  readonly tarPath: string;
  readonly sha256: string;
  readonly manifest: readonly ManifestEntry[];
}

/** The tar work a build needs, injected so the orchestration stays testable. */
export interface BuildIo {
  /** The verified source as a tar whose entries live under `src/`; `topDir` settles once the stream ended. */
  sourceArchive(source: SourceSpec, signal?: AbortSignal): Promise<{ readonly stream: Readable; readonly topDir: Promise<string | undefined> }>;
  /** Normalize the tar of /build/dest coming out of the container. */
  normalizeOutput(
    tar: Readable,
    options: { readonly tmpDir: string; readonly sourceDateEpoch: number; readonly limitBytes?: number; readonly signal?: AbortSignal },
  ): Promise<NormalizedOutput>;
}
