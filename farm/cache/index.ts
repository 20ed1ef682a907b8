export { BuildCache } from './cache.js';
export type { CacheEntry, CacheMeta, NewEntry } from './cache.js';
export { extractEntry } from './extract-entry.js';
