export { BuildCache } from './cache.js';
export type { CacheEntry, CacheListing, CacheMeta, NewEntry } from './cache.js';
export { extractEntry } from './extract-entry.js';
export { readEntryManifest } from './entry-manifest.js';
export type { FailureRecord } from './failures.js';
