import { closeSync, fsyncSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { EventSink } from '../report/events.js';
import { stampEvent } from '../report/stamp.js';
import { isRecorded, recordLine, type RecordLine, type RunEnd, type RunStart } from './record.js';
import { pruneRuns, runFileName } from './store.js';

export interface RecorderOptions {
  /** The workspace's runs/ directory. */
  readonly dir: string;
  readonly start: Omit<RunStart, 'type' | 'ts'>;
  readonly now: () => number;
  readonly pid: number;
  /** Records kept, this one included. */
  readonly keep: number;
  /** The record could not be written (the run goes on without it); called once. */
  readonly onError: (error: unknown) => void;
}

export interface RunRecorder {
  /** Records an event (output lines excepted); the file is made at the first one. */
  readonly sink: EventSink;
  /** The record's file, once made. */
  file(): string | undefined;
  /** Write run-end, fsync and close (nothing when no event was recorded). */
  close(end: Omit<RunEnd, 'type' | 'ts'>): Promise<void>;
}

/**
 * Appends a run's events to `<dir>/<start time>-<command>-<pid>.jsonl`, each line with one
 * write(2) on a file opened for appending: a crash leaves every line written so far whole (but
 * perhaps the one being written). The oldest records beyond `keep` go when the file is made.
 */
export function createRunRecorder(options: RecorderOptions): RunRecorder {
  const startMs = options.now();
  let fd: number | undefined;
  let path: string | undefined;
  let failed = false;
  const write = (line: RecordLine): void => {
    if (failed) return;
    try {
      if (fd === undefined) {
        mkdirSync(options.dir, { recursive: true });
        path = join(options.dir, runFileName(startMs, options.start.command, options.pid));
        fd = openSync(path, 'a', 0o644);
        writeSync(fd, recordLine({ type: 'run-start', ts: new Date(startMs).toISOString(), ...options.start }));
      }
      writeSync(fd, recordLine(line));
    } catch (error) {
      failed = true;
      options.onError(error);
    }
  };
  return {
    sink: (event) => {
      if (isRecorded(event)) write(stampEvent(event, options.now()));
    },
    file: () => path,
    close: async (end) => {
      if (fd === undefined) return;
      write({ type: 'run-end', ts: new Date(options.now()).toISOString(), ...end });
      const open = fd;
      fd = undefined;
      try {
        fsyncSync(open);
      } finally {
        closeSync(open);
      }
      await pruneRuns(options.dir, options.keep).catch(options.onError);
    },
  };
}
