import type { BuildIo } from '../pkgbuild/io.js';
import { normalizeOutput, repackSource } from '../tar/index.js';
import type { SourceStore } from './store.js';

/** The tar work of a build, reading sources from the verified store. */
export function createBuildIo(store: SourceStore): BuildIo {
  return {
    async sourceArchive(source, signal) {
      return repackSource(store.pathOf(source.sha256), source, signal);
    },
    normalizeOutput,
  };
}
