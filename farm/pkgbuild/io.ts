import type { Readable } from 'node:stream';
import type { SourceSpec } from '../recipe/types.js';
import type { NormalizedOutput } from '../tar/index.js';

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
