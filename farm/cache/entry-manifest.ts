import { readFile } from 'node:fs/promises';
import type { ManifestEntry } from '../tar/index.js';
import type { CacheEntry } from './cache.js';

/** A cache entry's file manifest (every path, type, mode and sha256 of its output), as the cache stored it. */
export async function readEntryManifest(entry: CacheEntry): Promise<ManifestEntry[]> {
  return JSON.parse(await readFile(entry.manifestPath, 'utf8')) as ManifestEntry[];
}
