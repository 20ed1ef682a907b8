import type { FarmEvent } from '../report/events.js';
import type { StampedEvent } from '../report/stamp.js';

/**
 * A run record: what one `build` or `release` did, as JSON lines (docs/conventions.md, Run
 * records). The first line is run-start, then the run's events as `--json` prints them (with
 * `ts`), then run-end; a run that crashed has no run-end, and perhaps a torn last line.
 */
export interface RunStart {
  readonly type: 'run-start';
  readonly ts: string;
  /** `build`, `release`. */
  readonly command: string;
  /** The command's positional arguments and options, as parsed. */
  readonly args: { readonly positionals: readonly string[]; readonly options: Readonly<Record<string, unknown>> };
  readonly farm: string;
  readonly root: string;
}

export interface RunEnd {
  readonly type: 'run-end';
  readonly ts: string;
  readonly exitCode: number;
  /** The error that ended the run, when one did (its FarmError code, or `internal`). */
  readonly error?: { readonly code: string; readonly message: string };
}

export type RecordLine = RunStart | RunEnd | StampedEvent;

export interface RunRecord {
  /** Where it was read from (undefined for a record kept in memory). */
  readonly file: string | undefined;
  readonly start: RunStart | undefined;
  /** Undefined when the run crashed or is still going. */
  readonly end: RunEnd | undefined;
  readonly events: readonly StampedEvent[];
  /** Lines that could not be read (a torn last line of a run that crashed), skipped. */
  readonly unreadable: number;
}

/** Lines of output (build logs, the serial console, image builds) stay in their logs, out of the record. */
const UNRECORDED: ReadonlySet<FarmEvent['type']> = new Set(['build-output', 'boot-serial', 'image-progress']);

export function isRecorded(event: FarmEvent): boolean {
  return !UNRECORDED.has(event.type);
}

export function recordLine(line: RecordLine): string {
  return JSON.stringify(line) + '\n';
}

function readLine(line: string): RecordLine | undefined {
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null) return undefined;
    const { type, ts } = value as { type?: unknown; ts?: unknown };
    return typeof type === 'string' && typeof ts === 'string' && !Number.isNaN(Date.parse(ts)) ? (value as RecordLine) : undefined;
  } catch {
    return undefined;
  }
}

/** Read a record's text: every readable line kept, the others counted (a record is never refused for a torn line). */
export function parseRunRecord(text: string, file: string | undefined): RunRecord {
  let start: RunStart | undefined;
  let end: RunEnd | undefined;
  const events: StampedEvent[] = [];
  let unreadable = 0;
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    const line = readLine(raw);
    if (line === undefined) unreadable++;
    else if (line.type === 'run-start') start ??= line;
    else if (line.type === 'run-end') end = line;
    else events.push(line);
  }
  return { file, start, end, events, unreadable };
}
