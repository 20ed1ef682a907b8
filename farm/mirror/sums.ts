import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSumsLine } from '../encoding/sha256sums.js';
import { FarmError } from '../errors/index.js';
import { SUMS_FILE } from './items.js';

/** A file name SHA256SUMS may list in a mirror directory: a plain name, no directories or dot names. */
const PLAIN = /^[A-Za-z0-9_+][A-Za-z0-9._+~@-]*$/;

/**
 * `<dir>/SHA256SUMS` as `sha256sum` writes it (`<sha256>  <file>`, `*` for binary mode), name ->
 * sha256; undefined when the directory has none. A malformed line or a name that is not a plain
 * file name of the directory is MIRROR_INVALID naming the file and line.
 */
export async function readMirrorSums(dir: string): Promise<Map<string, string> | undefined> {
  const file = join(dir, SUMS_FILE);
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  });
  if (text === undefined) return undefined;
  const sums = new Map<string, string>();
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const entry = parseSumsLine(line);
    const name = entry?.name;
    if (entry === undefined || name === undefined || !PLAIN.test(name) || name === SUMS_FILE) {
      throw new FarmError('MIRROR_INVALID', `${file}: line ${i + 1} is not "<sha256>  <file>": ${JSON.stringify(line.slice(0, 120))}`);
    }
    if (sums.has(name) && sums.get(name) !== entry.sha256) throw new FarmError('MIRROR_INVALID', `${file}: line ${i + 1}: ${name} is listed twice with different sha256`);
    sums.set(name, entry.sha256);
  });
  return sums;
}
