import { mkdir, open, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError } from '../errors/index.js';

export interface WorkspaceLock extends AsyncDisposable {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * An exclusive lock on a workspace (`<dir>/.lock` holding the owner's pid).
 * A lock left by a dead process is taken over; a live one makes us wait up to
 * `waitMs`, then fail with WORKSPACE_LOCKED naming the holder.
 */
export async function lockWorkspace(dir: string, options: { readonly waitMs?: number; readonly pid?: number } = {}): Promise<WorkspaceLock> {
  await mkdir(dir, { recursive: true });
  const file = join(dir, '.lock');
  const pid = options.pid ?? process.pid;
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(`${pid}\n`);
      await handle.close();
      let released = false;
      const release = async (): Promise<void> => {
        if (released) return;
        released = true;
        await rm(file, { force: true });
      };
      return { release, [Symbol.asyncDispose]: release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt((await readFile(file, 'utf8').catch(() => '')).trim(), 10);
    if (!Number.isFinite(holder) || !alive(holder)) {
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) {
      throw new FarmError('WORKSPACE_LOCKED', `${dir} is in use by another stasis-farm (pid ${holder})`, {
        hint: 'wait for it to finish, or pass --wait to queue behind it',
      });
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}
