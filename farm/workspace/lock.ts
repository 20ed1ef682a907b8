import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { checkInterrupted, FarmError } from '../errors/index.js';
import { claimLockFile } from './lock-file.js';

export interface WorkspaceLock extends AsyncDisposable {
  release(): Promise<void>;
}

/**
 * An exclusive lock on a workspace (`<dir>/.lock` holding the owner's pid).
 * A lock left by a dead process is taken over; a live one makes us wait up to
 * `waitMs`, then fail with WORKSPACE_LOCKED naming the holder. Creation and
 * takeover are atomic (see claimLockFile).
 */
export async function lockWorkspace(
  dir: string,
  options: { readonly waitMs?: number; readonly pid?: number; readonly signal?: AbortSignal } = {},
): Promise<WorkspaceLock> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, '.lock');
  const pid = options.pid ?? process.pid;
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    checkInterrupted(options.signal, 'interrupted while waiting for the workspace lock');
    const claim = await claimLockFile(file, pid);
    if (claim.held) {
      let released = false;
      const release = async (): Promise<void> => {
        if (released) return;
        released = true;
        await claim.release();
      };
      return { release, [Symbol.asyncDispose]: release };
    }
    if (Date.now() >= deadline) {
      throw new FarmError('WORKSPACE_LOCKED', `${dir} is in use by another stasis-farm (pid ${claim.holder})`, {
        hint: 'wait for it to finish, or pass --wait to queue behind it',
      });
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
