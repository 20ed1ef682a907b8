import { CacheCorrupt } from '../errors/index.js';
import { sha256File } from '../fs/hash.js';
import type { CacheEntry } from './cache.js';

/**
 * Unpack a cache entry's output into `dir`, hashing the tar as it streams:
 * CacheCorrupt (naming the package and key) when the bytes are not the ones
 * recorded, or when they cannot be read and are not the recorded ones either.
 * The caller must not use `dir` after a failure.
 */
export async function extractEntry(entry: CacheEntry, dir: string, options: { readonly signal?: AbortSignal } = {}): Promise<void> {
  const { meta } = entry;
  // The archive code (and its decompressors) loads when an entry is first unpacked: planning,
  // which only asks the cache what it holds, never needs it.
  const { extractTar } = await import('../tar/index.js');
  let got: string;
  try {
    got = (await extractTar(entry.tarPath, dir, options)).sha256;
  } catch (error) {
    if (options.signal?.aborted === true) throw error;
    const actual = await sha256File(entry.tarPath).catch(() => undefined);
    if (actual === meta.outputSha256) throw error;
    throw new CacheCorrupt(
      meta.pkg,
      meta.key,
      `${actual === undefined ? 'output.tar is missing' : `output.tar sha256 ${actual}, recorded ${meta.outputSha256}`} (${(error as Error).message})`,
      { cause: error },
    );
  }
  if (got !== meta.outputSha256) throw new CacheCorrupt(meta.pkg, meta.key, `output.tar sha256 ${got}, recorded ${meta.outputSha256}`);
}
