import { exists } from '../fs/exists.js';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { link, mkdir, open, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import { INDEX_FILE, SUMS_FILE, uniqueFiles, type KitBuilder, type MirrorItem } from './items.js';

export interface ExportResult {
  readonly copied: readonly string[];
  readonly kept: readonly string[];
  readonly bytes: number;
}

export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Where a file can be copied from: a store (`sha256/<hex>`) or a by-name mirror directory. */
async function findSource(sources: readonly string[], item: MirrorItem): Promise<string | undefined> {
  for (const dir of sources) {
    for (const candidate of [join(dir, 'sha256', item.sha256), join(dir, item.file)]) {
      if (await exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Copy with hashing into a temp file; rename only when the hash matches. */
async function copyVerified(from: string, to: string, sha256: string): Promise<number> {
  const tmp = `${to}.tmp-${randomBytes(4).toString('hex')}`;
  const hash = createHash('sha256');
  const out = await open(tmp, 'wx', 0o644);
  let size = 0;
  try {
    for await (const chunk of createReadStream(from, { highWaterMark: 1 << 20 })) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
      await out.write(chunk as Buffer);
    }
    await out.sync();
  } finally {
    await out.close();
  }
  const got = hash.digest('hex');
  if (got !== sha256) {
    await rm(tmp, { force: true });
    throw new FarmError('CHECKSUM_MISMATCH', `${from}: sha256 ${got}, the recipe wants ${sha256}; not exported`);
  }
  await rename(tmp, to);
  return size;
}

/**
 * Export the sources into a self-describing mirror: `<dir>/<file>`,
 * `<dir>/sha256/<hex>` (a hard link), SHA256SUMS and index.yaml. Incremental:
 * a present file whose hash is right is kept; every write is atomic. A kit's
 * builder archive, already in `dir` (writeKitBuilder), is recorded in both.
 */
export async function exportMirror(
  items: readonly MirrorItem[],
  options: { readonly dir: string; readonly sources: readonly string[]; readonly sink?: EventSink; readonly builder?: KitBuilder | undefined },
): Promise<ExportResult> {
  const files = uniqueFiles(items);
  await mkdir(join(options.dir, 'sha256'), { recursive: true });
  const copied: string[] = [];
  const kept: string[] = [];
  const missing: string[] = [];
  const sizes = new Map<string, number>();
  let bytes = 0;
  for (const item of [...files.values()].sort((a, b) => a.file.localeCompare(b.file))) {
    const target = join(options.dir, item.file);
    if ((await exists(target)) && (await hashFile(target)) === item.sha256) {
      kept.push(item.file);
    } else {
      const from = await findSource(options.sources, item);
      if (from === undefined) {
        missing.push(`${item.pkg}: ${item.file} (sha256 ${item.sha256})`);
        continue;
      }
      bytes += await copyVerified(from, target, item.sha256);
      copied.push(item.file);
      options.sink?.({ type: 'info', message: `exported ${item.file}` });
    }
    sizes.set(item.file, (await stat(target)).size);
    const byHash = join(options.dir, 'sha256', item.sha256);
    await rm(byHash, { force: true });
    await link(target, byHash).catch(async () => {
      await copyVerified(target, byHash, item.sha256);
    });
  }
  if (missing.length > 0) {
    throw new FarmError('SOURCE_MISSING', `mirror export: ${missing.length} source(s) are in no store or mirror:\n  ${missing.join('\n  ')}`, {
      hint: 'fetch them first (stasis-farm fetch --all), or add a mirror with --mirror',
    });
  }
  await writeIndex(options.dir, items, sizes, options.builder);
  return { copied, kept, bytes };
}

/** index.yaml and SHA256SUMS of the exported files (and of the kit's builder, when there is one). */
async function writeIndex(dir: string, items: readonly MirrorItem[], sizes: ReadonlyMap<string, number>, builder: KitBuilder | undefined): Promise<void> {
  const files = uniqueFiles(items);
  if (builder !== undefined && files.has(builder.file)) {
    throw new FarmError('MIRROR_INVALID', `${builder.file}: a source has the name of the kit's builder archive`, {
      hint: 'export the sources and the builder into separate directories',
    });
  }
  const byPkg: Record<string, { file: string; sha256: string; url?: string; size: number }[]> = {};
  for (const item of [...items].sort((a, b) => a.pkg.localeCompare(b.pkg) || a.file.localeCompare(b.file))) {
    (byPkg[item.pkg] ??= []).push({ file: item.file, sha256: item.sha256, ...(item.url === undefined ? {} : { url: item.url }), size: sizes.get(item.file) ?? 0 });
  }
  await writeAtomic(join(dir, INDEX_FILE), stringify({ packages: byPkg, ...(builder === undefined ? {} : { builder: { ...builder } }) }));
  const listed = [...files.values()].map((i) => ({ file: i.file, sha256: i.sha256 }));
  if (builder !== undefined) listed.push({ file: builder.file, sha256: builder.sha256 });
  const sums = listed.sort((a, b) => a.file.localeCompare(b.file)).map((i) => `${i.sha256}  ${i.file}`);
  await writeAtomic(join(dir, SUMS_FILE), sums.join('\n') + '\n');
}

async function writeAtomic(path: string, text: string): Promise<void> {
  const tmp = `${path}.tmp-${randomBytes(4).toString('hex')}`;
  await writeFile(tmp, text);
  await rename(tmp, path);
}
