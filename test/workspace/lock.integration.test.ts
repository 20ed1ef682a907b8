import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Contending processes (test/workspace/lock-race-child.ts), each a node process with tsx.
const REPO = resolve(import.meta.dirname, '..', '..');
const CHILD = join(import.meta.dirname, 'lock-race-child.ts');
/** No process has this pid (above any pid_max). */
const DEAD_PID = 999999999;

/** Start `n` contender processes; each reports the trials it won and waits until released. */
async function race(base: string, n: number, trials: number, stepMs: number): Promise<number[][]> {
  const startAt = Date.now() + 2500;
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ['--import', 'tsx', CHILD, base, String(trials), String(startAt), String(stepMs)], { cwd: REPO, stdio: ['pipe', 'pipe', 'pipe'] }),
  );
  try {
    return await Promise.all(
      children.map(
        (child) =>
          new Promise<number[]>((resolvePromise, reject) => {
            let stdout = '';
            let stderr = '';
            child.stdout.on('data', (c: Buffer) => {
              stdout += c.toString();
              if (stdout.endsWith('\n')) resolvePromise(JSON.parse(stdout) as number[]);
            });
            child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
            child.on('exit', (code) => reject(new Error(`contender exited (${code}) before reporting: ${stderr}`)));
          }),
      ),
    );
  } finally {
    // Only now may the holders go: until every contender has finished, every lock has a live holder.
    for (const child of children) child.stdin.end();
  }
}

describe('lockWorkspace across processes', () => {
  it('never has two holders when processes start together, on a free or a stale lock', async () => {
    const base = await mkdtemp(join(tmpdir(), 'lock-race-'));
    const trials = 160;
    for (let i = 0; i < trials; i++) {
      await mkdir(join(base, `t${i}`));
      // Every other trial starts from a lock left by a dead process: the takeover races too.
      if (i % 2 === 1) await writeFile(join(base, `t${i}`, '.lock'), `${DEAD_PID}\n`);
    }
    const won = await race(base, 4, trials, 25);
    const holders = Array.from({ length: trials }, (_, i) => won.filter((list) => list.includes(i)).length);
    const doubled = holders.flatMap((n, i) => (n > 1 ? [`trial ${i}: ${n} holders`] : []));
    expect(doubled).toEqual([]);
    // Every trial has a holder: a contender that lost saw a live one.
    expect(holders.filter((n) => n === 0).length).toBe(0);
  }, 30_000);
});
