import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { FarmError } from '../errors/index.js';
import { hashFile } from './export.js';
import { INDEX_FILE, SUMS_FILE, type MirrorIndex } from './items.js';

export interface VerifyReport {
  readonly checked: number;
  readonly missing: readonly string[];
  readonly corrupt: readonly { readonly file: string; readonly wanted: string; readonly got: string }[];
  readonly unreferenced: readonly string[];
  readonly ok: boolean;
}

export async function readIndex(dir: string): Promise<MirrorIndex> {
  try {
    return parse(await readFile(join(dir, INDEX_FILE), 'utf8')) as MirrorIndex;
  } catch {
    throw new FarmError('MIRROR_INVALID', `${dir}: no ${INDEX_FILE} (not an exported mirror?)`, { hint: 'stasis-farm mirror export <dir> makes one' });
  }
}

/** Expected files of an index: name -> sha256. */
export function expectedFiles(index: MirrorIndex): Map<string, string> {
  const out = new Map<string, string>();
  for (const files of Object.values(index.packages ?? {})) for (const f of files) out.set(f.file, f.sha256);
  return out;
}

const META = new Set([INDEX_FILE, SUMS_FILE, 'sha256']);

/** Files present in the mirror that the index does not name (by name and by hash). */
export async function unreferencedFiles(dir: string, expected: ReadonlyMap<string, string>): Promise<string[]> {
  const hashes = new Set(expected.values());
  const top = (await readdir(dir)).filter((n) => !META.has(n) && !n.endsWith('.torrent') && !expected.has(n));
  const byHash = (await readdir(join(dir, 'sha256')).catch(() => [] as string[])).filter((n) => !hashes.has(n)).map((n) => `sha256/${n}`);
  return [...top, ...byHash].sort();
}

/** Re-hash every file of an exported mirror. */
export async function verifyMirror(dir: string): Promise<VerifyReport> {
  const expected = expectedFiles(await readIndex(dir));
  const missing: string[] = [];
  const corrupt: { file: string; wanted: string; got: string }[] = [];
  let checked = 0;
  for (const [file, sha] of [...expected].sort(([a], [b]) => a.localeCompare(b))) {
    const byName = await stat(join(dir, file)).catch(() => undefined);
    const byHash = await stat(join(dir, 'sha256', sha)).catch(() => undefined);
    if (byName === undefined) missing.push(file);
    if (byHash === undefined) missing.push(`sha256/${sha}`);
    const paths = [byName === undefined ? undefined : file, byHash === undefined || (byName !== undefined && byHash.ino === byName.ino) ? undefined : `sha256/${sha}`];
    for (const rel of paths) {
      if (rel === undefined) continue;
      const got = await hashFile(join(dir, rel));
      checked++;
      if (got !== sha) corrupt.push({ file: rel, wanted: sha, got });
    }
  }
  const unreferenced = await unreferencedFiles(dir, expected);
  return { checked, missing, corrupt, unreferenced, ok: missing.length === 0 && corrupt.length === 0 && unreferenced.length === 0 };
}

/** Remove files no recipe references; a dry run only lists them. */
export async function pruneMirror(dir: string, referenced: ReadonlyMap<string, string>, options: { readonly dryRun: boolean }): Promise<string[]> {
  const extra = await unreferencedFiles(dir, referenced);
  if (!options.dryRun) for (const rel of extra) await rm(join(dir, rel), { force: true });
  return extra;
}
