import { createHash, randomBytes } from 'node:crypto';
import { link, rename, rm, writeFile } from 'node:fs/promises';
import { tempPathFor } from '../fs/atomic.js';
import { readTextIfExists } from '../fs/read-if-exists.js';

/** The outcome of one attempt to own a lock file. */
export type Claim = { readonly held: true; readonly release: () => Promise<void> } | { readonly held: false; readonly holder: number };

/** Nested takeovers (each needs a crash inside the previous one) before we give up. */
const MAX_DEPTH = 4;
/** How long to let another process finish a takeover before looking again. */
const TAKEOVER_PAUSE_MS = 5;

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(content: string): number | undefined {
  const pid = Number.parseInt(content, 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
}

/**
 * Try once to own the lock file `path` for `pid`; a live holder wins.
 *
 * Creation: the content (`<pid>\n<nonce>\n`) is written to a temp file first and
 * link()ed into place, so the lock appears whole or not at all (link fails with
 * EEXIST while it is held) and no reader ever sees a lock without its pid.
 *
 * Takeover of a lock whose holder is dead: the nonce makes every lock file
 * unique, so its content names one *generation* of the lock. A stale generation
 * is replaced only by the process that owns `<path>.<hash of content>.takeover`,
 * a lock file claimed the same way (recursively, should its owner die too). That
 * owner re-reads the lock and, if it still holds that same content, rename()s its
 * own lock over it (an atomic replace: the path never disappears). Nothing else
 * can change a stale generation meanwhile: link() fails while the path exists,
 * its dead holder releases nothing, and every other would-be taker needs the
 * takeover file we own. A read-check-remove sequence (the old way) let two
 * takers each remove the other's fresh lock; here the check and the replace are
 * one critical section per generation.
 */
export async function claimLockFile(path: string, pid: number, depth = 0): Promise<Claim> {
  const content = `${pid}\n${randomBytes(8).toString('hex')}\n`;
  const temp = tempPathFor(path);
  await writeFile(temp, content, { flag: 'wx' });
  const release = async (): Promise<void> => {
    // Only our own generation is removed (never one that replaced it).
    if ((await readTextIfExists(path)) === content) await rm(path, { force: true });
  };
  try {
    for (;;) {
      try {
        await link(temp, path);
        return { held: true, release };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const seen = await readTextIfExists(path);
      if (seen === undefined) continue; // released meanwhile: try again
      const holder = holderOf(seen);
      if (holder !== undefined && pidAlive(holder)) return { held: false, holder };
      if (depth >= MAX_DEPTH) throw new Error(`${path}: ${MAX_DEPTH} nested lock takeovers failed; remove ${path}* by hand`);
      const generation = createHash('sha256').update(seen).digest('hex').slice(0, 16);
      const guard = await claimLockFile(`${path}.${generation}.takeover`, pid, depth + 1);
      if (!guard.held) {
        // Another process is taking this generation over: look again when it is done.
        await new Promise((r) => setTimeout(r, TAKEOVER_PAUSE_MS));
        continue;
      }
      try {
        if ((await readTextIfExists(path)) === seen) {
          await rename(temp, path);
          return { held: true, release };
        }
      } finally {
        await guard.release();
      }
    }
  } finally {
    await rm(temp, { force: true });
  }
}
