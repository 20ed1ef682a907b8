import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, basename } from 'node:path';

/** A temp path beside `target`, so a rename is atomic (same filesystem). */
export function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

/** Write a file atomically: temp file, fsync, rename. Readers see the old or the new file, never half. */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode = 0o644): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  const handle = await open(tmp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(tmp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(tmp, target);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/**
 * writeFileAtomic, unless the file already holds exactly `data` (then nothing is written, and
 * false is returned): records rewritten on every run (a no-op build's keys and manifest) cost a
 * read instead of a write, an fsync and a rename each.
 */
export async function writeFileAtomicIfChanged(target: string, data: string): Promise<boolean> {
  const current = await readFile(target, 'utf8').catch(() => undefined);
  if (current === data) return false;
  await writeFileAtomic(target, data);
  return true;
}
