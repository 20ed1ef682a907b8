export { openArchive, detectCompression } from './open.js';
export type { Compression } from './open.js';
export { repackSource } from './repack.js';
export type { RepackedSource } from './repack.js';
export { normalizeOutput } from './normalize.js';
export { extractTar } from './extract.js';
export { checkEntry } from './safety.js';
export type { ManifestEntry, NormalizedOutput } from './manifest.js';
