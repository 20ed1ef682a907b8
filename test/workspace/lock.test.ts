import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lockWorkspace } from '../../farm/workspace/lock.js';

describe('lockWorkspace', () => {
  it('refuses a second holder with WORKSPACE_LOCKED naming the pid', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    const first = await lockWorkspace(dir);
    await expect(lockWorkspace(dir)).rejects.toMatchObject({ code: 'WORKSPACE_LOCKED', message: expect.stringContaining(`pid ${process.pid}`) });
    await first.release();
    const again = await lockWorkspace(dir);
    await again.release();
  });

  it('takes over a lock left by a dead process', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lock-'));
    await writeFile(join(dir, '.lock'), '999999999\n');
    const lock = await lockWorkspace(dir);
    await lock.release();
  });
});
