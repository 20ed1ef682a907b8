import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FarmError } from '../../farm/errors/index.js';
import { createRunRecorder, parseRunRecord, pruneRuns, readNewestRun, readRunRecord, runFileName } from '../../farm/runs/index.js';

const START = { command: 'build', args: { positionals: [], options: { jobs: '2' } }, farm: '0.1.0', root: '/p' };

function recorder(dir: string, clock: { t: number }, errors: unknown[] = [], keep = 20) {
  return createRunRecorder({ dir, start: START, now: () => clock.t, pid: 42, keep, onError: (e) => errors.push(e) });
}

describe('run records (workspace/runs)', () => {
  it('one JSON line per event with its time, output lines left out, run-start first and run-end last', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'runs-')), 'runs');
    const clock = { t: Date.UTC(2026, 10, 27, 10, 11, 12, 345) };
    const r = recorder(dir, clock);
    clock.t += 5;
    r.sink({ type: 'info', message: 'hello' });
    r.sink({ type: 'build-output', pkg: 'zlib', line: 'cc -c adler32.c' });
    clock.t += 1000;
    r.sink({ type: 'build-skipped', pkg: 'zlib', because: 'x' });
    await r.close({ exitCode: 1 });
    expect(r.file()).toBe(join(dir, '2026-11-27T10-11-12.345Z-build-42.jsonl'));
    const lines = (await readFile(r.file() as string, 'utf8')).trimEnd().split('\n');
    expect(lines.map((l) => JSON.parse(l) as unknown)).toEqual([
      { type: 'run-start', ts: '2026-11-27T10:11:12.345Z', ...START },
      { ts: '2026-11-27T10:11:12.350Z', type: 'info', message: 'hello' },
      { ts: '2026-11-27T10:11:13.350Z', type: 'build-skipped', pkg: 'zlib', because: 'x' },
      { type: 'run-end', ts: '2026-11-27T10:11:13.350Z', exitCode: 1 },
    ]);
  });

  it('no event, no file; a record that cannot be written is reported once and the run goes on', async () => {
    const base = await mkdtemp(join(tmpdir(), 'runs-'));
    const quiet = recorder(join(base, 'runs'), { t: 0 });
    await quiet.close({ exitCode: 0 });
    expect(quiet.file()).toBeUndefined();
    expect(await readdir(base)).toEqual([]);
    // runs/ cannot be made: a file is in its way.
    await writeFile(join(base, 'blocked'), '');
    const errors: unknown[] = [];
    const blocked = recorder(join(base, 'blocked', 'runs'), { t: 0 }, errors);
    blocked.sink({ type: 'info', message: 'a' });
    blocked.sink({ type: 'info', message: 'b' });
    await blocked.close({ exitCode: 0 });
    expect(errors).toHaveLength(1);
  });

  it('a crash leaves a readable record: whole lines kept, a torn last line counted, no end', () => {
    const text = [
      JSON.stringify({ type: 'run-start', ts: '2026-11-27T10:00:00.000Z', ...START }),
      JSON.stringify({ ts: '2026-11-27T10:00:01.000Z', type: 'info', message: 'one' }),
      '{"ts":"2026-11-27T10:00:02.000Z","type":"build-st',
    ].join('\n');
    const record = parseRunRecord(text, 'r.jsonl');
    expect(record.start?.command).toBe('build');
    expect(record.end).toBeUndefined();
    expect(record.events).toEqual([{ ts: '2026-11-27T10:00:01.000Z', type: 'info', message: 'one' }]);
    expect(record.unreadable).toBe(1);
  });

  it('keeps the newest records; the newest is the one a report reads; a file that is none is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'runs-'));
    for (let i = 0; i < 5; i++) {
      const name = runFileName(Date.UTC(2026, 0, 1, 0, 0, i), i % 2 === 0 ? 'build' : 'release', 100 + i);
      await writeFile(
        join(dir, name),
        JSON.stringify({ type: 'run-start', ts: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(), ...START, command: `run${i}` }) + '\n',
      );
    }
    await writeFile(join(dir, 'notes.txt'), 'not a record');
    expect(await pruneRuns(dir, 3)).toHaveLength(2);
    expect((await readdir(dir)).sort()).toEqual([
      '2026-01-01T00-00-02.000Z-build-102.jsonl',
      '2026-01-01T00-00-03.000Z-release-103.jsonl',
      '2026-01-01T00-00-04.000Z-build-104.jsonl',
      'notes.txt',
    ]);
    expect((await readNewestRun(dir)).start?.command).toBe('run4');
    await expect(readNewestRun(join(dir, 'none'))).rejects.toThrow(/no recorded run in .*none/);
    await expect(readRunRecord(join(dir, 'notes.txt'))).rejects.toBeInstanceOf(FarmError);
  });
});
