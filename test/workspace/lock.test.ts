import { createHash } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockWorkspace } from '../../farm/workspace/lock.js';

/** No process has this pid (above any pid_max). */
const DEAD_PID = 999999999;

describe('lockWorkspace', () => {
  it('refuses a second holder with WORKSPACE_LOCKED naming the pid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const first = await lockWorkspace(dir);
    await expect(lockWorkspace(dir)).rejects.toMatchObject({ code: 'WORKSPACE_LOCKED', message: expect.stringContaining(`pid ${process.pid}`) as unknown });
    await first.release();
    const again = await lockWorkspace(dir);
    await again.release();
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(dir, '.lock'), `${DEAD_PID}\n`);
    const lock = await lockWorkspace(dir);
    await expect(lockWorkspace(dir)).rejects.toMatchObject({ code: 'WORKSPACE_LOCKED', message: expect.stringContaining(`pid ${process.pid}`) as unknown });
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });

  it('takes over a stale lock whose taker died mid-takeover', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const stale = `${DEAD_PID}\n`;
    await writeFile(join(dir, '.lock'), stale);
    // The takeover file of that lock generation, left by a taker that died too.
    const generation = createHash('sha256').update(stale).digest('hex').slice(0, 16);
    await writeFile(join(dir, `.lock.${generation}.takeover`), `${DEAD_PID}\n`);
    const lock = await lockWorkspace(dir);
    await lock.release();
    expect(await readdir(dir)).toEqual([]);
  });
});
