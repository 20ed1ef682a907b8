import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { exists } from '../fs/exists.js';
import { hashFile } from './export.js';
import { realPathInside } from './inside.js';
import { INDEX_FILE, SUMS_FILE, type KitBuilder } from './items.js';
import { expectedFiles, readIndex } from './read-index.js';
import { readMirrorSums } from './sums.js';

export interface VerifyReport {
  /** What the directory is: an exported mirror (index.yaml) or a plain directory of files listed in SHA256SUMS. */
  readonly kind: 'exported' | 'sums';
  readonly checked: number;
  readonly missing: readonly string[];
  readonly corrupt: readonly { readonly file: string; readonly wanted: string; readonly got: string }[];
  readonly unreferenced: readonly string[];
  /** A plain directory's files that SHA256SUMS does not list (notes, provenance): named, not a failure. */
  readonly unlisted?: readonly string[];
  readonly ok: boolean;
}

const META = new Set([INDEX_FILE, SUMS_FILE, 'sha256']);

/** Files present in the mirror that the index does not name (by name and by hash); a kit's builder archive is named. */
export async function unreferencedFiles(dir: string, expected: ReadonlyMap<string, string>, builderFile?: string): Promise<string[]> {
  const hashes = new Set(expected.values());
  const top = (await readdir(dir)).filter((n) => !META.has(n) && !n.endsWith('.torrent') && !expected.has(n) && n !== builderFile);
  const byHash = (await readdir(join(dir, 'sha256')).catch(() => [] as string[])).filter((n) => !hashes.has(n)).map((n) => `sha256/${n}`);
  return [...top, ...byHash].sort();
}

/**
 * Re-hash every file of an exported mirror. A hostile index (a name with `/` or
 * `..`) or a link leading out of the mirror is a MIRROR_INVALID error, never hashed.
 */
export async function verifyMirror(dir: string): Promise<VerifyReport> {
  if (!(await exists(join(dir, INDEX_FILE)))) {
    const sums = await readMirrorSums(dir);
    if (sums !== undefined) return verifySumsDirectory(dir, sums);
  }
  const index = await readIndex(dir);
  const expected = expectedFiles(index);
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
  if (index.builder !== undefined) checked += await verifyBuilder(dir, index.builder, { missing, corrupt });
  const unreferenced = await unreferencedFiles(dir, expected, index.builder?.file);
  return { kind: 'exported', checked, missing, corrupt, unreferenced, ok: missing.length === 0 && corrupt.length === 0 && unreferenced.length === 0 };
}

/**
 * A directory with SHA256SUMS and no index.yaml (a shared source directory, as `sha256sum -c` would
 * check it): every listed file present and with its sha256; other files are named as unlisted.
 */
async function verifySumsDirectory(dir: string, sums: ReadonlyMap<string, string>): Promise<VerifyReport> {
  const missing: string[] = [];
  const corrupt: { file: string; wanted: string; got: string }[] = [];
  let checked = 0;
  for (const [file, sha] of [...sums].sort(([a], [b]) => a.localeCompare(b))) {
    const real = await realPathInside(dir, file);
    if (real === undefined) {
      missing.push(file);
      continue;
    }
    const got = await hashFile(real);
    checked++;
    if (got !== sha) corrupt.push({ file, wanted: sha, got });
  }
  const unlisted = (await readdir(dir)).filter((n) => n !== SUMS_FILE && !sums.has(n)).sort();
  return { kind: 'sums', checked, missing, corrupt, unreferenced: [], unlisted, ok: missing.length === 0 && corrupt.length === 0 };
}

/** A kit's builder archive against its recorded sha256 (by name only: it has no sha256/ link); how many files were hashed. */
async function verifyBuilder(dir: string, builder: KitBuilder, found: { missing: string[]; corrupt: { file: string; wanted: string; got: string }[] }): Promise<number> {
  const real = await realPathInside(dir, builder.file);
  if (real === undefined) {
    found.missing.push(builder.file);
    return 0;
  }
  const got = await hashFile(real);
  if (got !== builder.sha256) found.corrupt.push({ file: builder.file, wanted: builder.sha256, got });
  return 1;
}

/** Remove files no recipe references; a dry run only lists them. A kit's builder archive stays. */
export async function pruneMirror(dir: string, referenced: ReadonlyMap<string, string>, options: { readonly dryRun: boolean }): Promise<string[]> {
  const builder = (await exists(join(dir, INDEX_FILE))) ? (await readIndex(dir)).builder : undefined;
  const extra = await unreferencedFiles(dir, referenced, builder?.file);
  if (!options.dryRun) for (const rel of extra) await rm(join(dir, rel), { force: true });
  return extra;
}
