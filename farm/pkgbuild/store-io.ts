import type { SourceStore } from '../sources/index.js';
import { normalizeOutput, repackSource } from '../tar/index.js';
import type { BuildIo } from './io.js';

/** The tar work of a build, reading sources from the verified store. */
export function createBuildIo(store: SourceStore): BuildIo {
  return {
    sourceArchive: (source, signal) => Promise.resolve(repackSource(store.pathOf(source.sha256), source, signal)),
    normalizeOutput,
  };
}
