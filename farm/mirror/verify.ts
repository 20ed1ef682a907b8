import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile } from './export.js';
import { realPathInside } from './inside.js';
import { INDEX_FILE, SUMS_FILE } from './items.js';
import { expectedFiles, readIndex } from './read-index.js';

export interface VerifyReport {
  readonly checked: number;
  readonly missing: readonly string[];
  readonly corrupt: readonly { readonly file: string; readonly wanted: string; readonly got: string }[];
  readonly unreferenced: readonly string[];
  readonly ok: boolean;
}

const META = new Set([INDEX_FILE, SUMS_FILE, 'sha256']);

/** Files present in the mirror that the index does not name (by name and by hash). */
export async function unreferencedFiles(dir: string, expected: ReadonlyMap<string, string>): Promise<string[]> {
  const hashes = new Set(expected.values());
  const top = (await readdir(dir)).filter((n) => !META.has(n) && !n.endsWith('.torrent') && !expected.has(n));
  const byHash = (await readdir(join(dir, 'sha256')).catch(() => [] as string[])).filter((n) => !hashes.has(n)).map((n) => `sha256/${n}`);
  return [...top, ...byHash].sort();
}

/**
 * Re-hash every file of an exported mirror. A hostile index (a name with `/` or
 * `..`) or a link leading out of the mirror is a MIRROR_INVALID error, never hashed.
 */
export async function verifyMirror(dir: string): Promise<VerifyReport> {
  const expected = expectedFiles(await readIndex(dir));
  const missing: string[] = [];
  const corrupt: { file: string; wanted: string; got: string }[] = [];
  let checked = 0;
  const statInside = async (rel: string): Promise<{ real: string; ino: number } | undefined> => {
    const real = await realPathInside(dir, rel);
    return real === undefined ? undefined : { real, ino: (await stat(real)).ino };
  };
  for (const [file, sha] of [...expected].sort(([a], [b]) => a.localeCompare(b))) {
    const byName = await statInside(file);
    const byHash = await statInside(`sha256/${sha}`);
    if (byName === undefined) missing.push(file);
    if (byHash === undefined) missing.push(`sha256/${sha}`);
    const paths: [string, string][] = [];
    if (byName !== undefined) paths.push([file, byName.real]);
    if (byHash !== undefined && (byName === undefined || byHash.ino !== byName.ino)) paths.push([`sha256/${sha}`, byHash.real]);
    for (const [rel, real] of paths) {
      const got = await hashFile(real);
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
