import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import { parseRunRecord, type RunRecord } from './record.js';

/** How many run records a workspace keeps: the oldest go when a new run starts. */
export const KEEP_RUNS = 20;

const RECORD = /^\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}Z-[a-z-]+-\d+\.jsonl$/;

/** `2026-11-27T10-11-12.345Z-build-4242.jsonl`: sorted by name, oldest first. */
export function runFileName(startMs: number, command: string, pid: number): string {
  return `${new Date(startMs).toISOString().replace(/:/g, '-')}-${command.replace(/[^a-z-]/g, '-')}-${pid}.jsonl`;
}

/** The run records in `dir`, oldest first (none when there is no such directory). */
export async function listRuns(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  return names
    .filter((n) => RECORD.test(n))
    .sort()
    .map((n) => join(dir, n));
}

/** Remove all but the newest `keep` records; the removed files. */
export async function pruneRuns(dir: string, keep = KEEP_RUNS): Promise<string[]> {
  const all = await listRuns(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  await Promise.all(old.map((f) => rm(f, { force: true })));
  return old;
}

/** A run record from its file; a file that is not one (nothing readable in it) is a USAGE error naming it. */
export async function readRunRecord(file: string): Promise<RunRecord> {
  const text = await readFile(file, 'utf8').catch((error: unknown) => {
    throw new FarmError('USAGE', `${file}: cannot read the run record`, { cause: error });
  });
  const record = parseRunRecord(text, file);
  if (record.start === undefined && record.events.length === 0) {
    throw new FarmError('USAGE', `${file}: not a run record (no line of it is a recorded event)`, { hint: 'run records are the .jsonl files in workspace/runs' });
  }
  return record;
}

/** The newest record in `dir`; a USAGE error when there is none. */
export async function readNewestRun(dir: string): Promise<RunRecord> {
  const newest = (await listRuns(dir)).pop();
  if (newest === undefined) {
    throw new FarmError('USAGE', `no recorded run in ${dir}`, { hint: 'stasis-farm build or stasis-farm release records its run there' });
  }
  return readRunRecord(newest);
}
