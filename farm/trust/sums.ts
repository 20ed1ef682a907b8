import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSumsLine } from '../encoding/sha256sums.js';
import { FarmError } from '../errors/index.js';
import { sha256File } from '../fs/hash.js';
import type { TrustProblem } from './problem.js';

export const SUMS = 'SHA256SUMS';

/** A file name the sums may list: a plain name in dist/ (no directories, no dot names). */
const PLAIN = /^[A-Za-z0-9_][A-Za-z0-9._+@-]*$/;

/** Signature files sit beside SHA256SUMS and are not listed in it. */
export function isSignatureFile(name: string): boolean {
  return name.endsWith('.sig') && PLAIN.test(name);
}

/** A release is a directory (`dist/`); anything else is a usage error naming it. */
export async function requireReleaseDir(distDir: string): Promise<void> {
  const st = await stat(distDir).catch(() => undefined);
  if (st?.isDirectory() !== true) throw new FarmError('USAGE', `${distDir}: not a release directory (the dist/ a release writes)`);
}

export interface SumsCheck {
  /** The listed files and their sha256, in SHA256SUMS order. */
  readonly listed: ReadonlyMap<string, string>;
  readonly problems: readonly TrustProblem[];
}

/**
 * Every file of dist/ against SHA256SUMS (`<sha256>  <name>` lines, as
 * `sha256sum` writes them): a listed file missing, not a plain file, or with
 * another sha256, and a file SHA256SUMS does not list (except signatures).
 */
export async function checkSums(distDir: string): Promise<SumsCheck> {
  const problems: TrustProblem[] = [];
  const fail = (file: string, detail: string): void => void problems.push({ kind: 'integrity', file, detail });
  let text: string;
  try {
    text = await readFile(join(distDir, SUMS), 'utf8');
  } catch {
    fail(SUMS, 'missing: a release lists its files in SHA256SUMS');
    return { listed: new Map(), problems };
  }
  const listed = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const entry = parseSumsLine(line);
    if (entry === undefined || !PLAIN.test(entry.name) || entry.name === SUMS || isSignatureFile(entry.name))
      fail(SUMS, `line ${i + 1} is not "<sha256>  <file in dist/>": ${JSON.stringify(line.slice(0, 120))}`);
    else if (listed.has(entry.name)) fail(SUMS, `line ${i + 1}: ${entry.name} is listed twice`);
    else listed.set(entry.name, entry.sha256);
  });
  for (const [name, wanted] of listed) {
    const st = await lstat(join(distDir, name)).catch(() => undefined);
    if (st === undefined) fail(name, 'listed in SHA256SUMS but missing');
    else if (!st.isFile()) fail(name, 'not a regular file');
    else {
      const got = await sha256File(join(distDir, name));
      if (got !== wanted) fail(name, `sha256 ${got}, SHA256SUMS says ${wanted} (the file was changed after the release was made)`);
    }
  }
  for (const name of (await readdir(distDir)).sort()) {
    if (name === SUMS || listed.has(name)) continue;
    if (isSignatureFile(name) && (await lstat(join(distDir, name))).isFile()) continue;
    fail(name, 'not listed in SHA256SUMS (only signatures, *.sig, may be added to a release)');
  }
  return { listed, problems };
}
