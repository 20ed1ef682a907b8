import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { FarmError } from '../errors/index.js';
import type { CacheEntry } from '../cache/cache.js';
import type { ManifestEntry } from '../build/io.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { extractTar } from '../tar/index.js';
import { mergeManifests, type RootfsEntry } from './merge.js';

export interface AssembleResult {
  readonly dir: string;
  readonly entries: readonly RootfsEntry[];
}

/**
 * Assemble the rootfs from package outputs (in build order) into `previewDir`:
 * built beside it and swapped in with renames, so a failure leaves the old
 * preview intact. The merged manifest (owners and modes included) is written to
 * `manifestFile`.
 */
export async function assembleRootfs(options: {
  readonly previewDir: string;
  readonly manifestFile: string;
  readonly packages: readonly { readonly pkg: string; readonly entry: CacheEntry }[];
}): Promise<AssembleResult & { readonly reused: boolean }> {
  // The same package outputs in the same order give the same rootfs: keep it.
  const id = createHash('sha256')
    .update(JSON.stringify(options.packages.map(({ pkg, entry }) => [pkg, entry.meta.outputSha256])))
    .digest('hex');
  const idFile = `${options.manifestFile}.id`;
  const previousId = await readFile(idFile, 'utf8').catch(() => '');
  if (previousId.trim() === id) {
    const entries = await readRootfsManifest(options.manifestFile);
    const present = await stat(options.previewDir).then(() => true, () => false);
    if (entries !== undefined && present) return { dir: options.previewDir, entries, reused: true };
  }
  const parts = await Promise.all(
    options.packages.map(async ({ pkg, entry }) => ({
      pkg,
      entry,
      manifest: JSON.parse(await readFile(entry.manifestPath, 'utf8')) as ManifestEntry[],
    })),
  );
  const merged = mergeManifests(parts.map(({ pkg, manifest }) => ({ pkg, manifest })));
  if (merged.conflicts.length > 0) {
    throw new FarmError(
      'BUILD_FAILED',
      `packages install the same path with different content:\n` +
        merged.conflicts
          .slice(0, 20)
          .map((c) => `  ${c.path}: ${c.packages[0]} and ${c.packages[1]}`)
          .join('\n'),
      { hint: 'remove the file from one recipe, or exclude one of the packages' },
    );
  }
  const parent = dirname(options.previewDir);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(options.previewDir)}.tmp-${randomBytes(4).toString('hex')}`);
  const old = join(parent, `.${basename(options.previewDir)}.old-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp, { recursive: true });
  try {
    for (const { entry } of parts) await extractTar(entry.tarPath, tmp);
    await rename(options.previewDir, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(tmp, options.previewDir);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
  await rm(idFile, { force: true });
  // One entry per line: readable, diffable, and fast to parse for the next run.
  await writeFileAtomic(options.manifestFile, `[\n${merged.entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
  await writeFileAtomic(idFile, id + '\n');
  return { dir: options.previewDir, entries: merged.entries, reused: false };
}

export async function readRootfsManifest(file: string): Promise<RootfsEntry[] | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RootfsEntry[];
  } catch {
    return undefined;
  }
}
