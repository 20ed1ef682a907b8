import { EXIT_CODES, isFarmError } from '../errors/index.js';
import { junitFromRun } from '../junit/index.js';
import { stampEvent, type EventSink, type StampedEvent } from '../report/index.js';
import { createRunRecorder, isRecorded, KEEP_RUNS, type RunEnd, type RunStart } from '../runs/index.js';
import { FARM_VERSION } from '../version.js';
import { workspacePaths } from '../workspace/paths.js';
import type { CliContext } from './io.js';
import { writeJUnitFile } from './junit-file.js';

export interface RunToRecord {
  /** `build`, `release`. */
  readonly command: string;
  readonly args: { readonly positionals: readonly string[]; readonly values: Readonly<Record<string, unknown>> };
  /** --junit FILE, when given. */
  readonly junit: string | undefined;
}

type Ending = Omit<RunEnd, 'type' | 'ts'>;

function endingOf(error: unknown, signal: AbortSignal): Ending {
  if (isFarmError(error)) return { exitCode: signal.aborted ? EXIT_CODES.INTERRUPTED : error.exitCode, error: { code: error.code, message: error.message } };
  return { exitCode: 70, error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}

/**
 * A build or release with its events recorded: the reporter's sink is teed into a run record
 * in workspace/runs (runs/writer.ts), ended with the exit code or the error, and, with --junit,
 * the same events become a JUnit report, written however the run ends.
 */
export async function recordedRun(ctx: CliContext, run: RunToRecord, body: (ctx: CliContext) => Promise<number>): Promise<number> {
  const now = Date.now;
  const start: Omit<RunStart, 'type' | 'ts'> = {
    command: run.command,
    args: { positionals: run.args.positionals, options: run.args.values },
    farm: FARM_VERSION,
    root: ctx.root,
  };
  const startTs = new Date(now()).toISOString();
  const recorder = createRunRecorder({
    dir: workspacePaths(ctx.root, 'dev').runs,
    start,
    now,
    pid: process.pid,
    keep: KEEP_RUNS,
    onError: (error) => ctx.sink({ type: 'warn', message: `the run is not recorded in workspace/runs: ${error instanceof Error ? error.message : String(error)}` }),
  });
  const kept: StampedEvent[] = [];
  const sink: EventSink = (event) => {
    ctx.sink(event);
    recorder.sink(event);
    if (run.junit !== undefined && isRecorded(event)) kept.push(stampEvent(event, now()));
  };
  let outcome: { readonly code: number } | { readonly error: unknown };
  try {
    outcome = { code: await body({ ...ctx, sink }) };
  } catch (error) {
    outcome = { error };
  }
  const ending: Ending = 'code' in outcome ? { exitCode: ctx.signal.aborted ? EXIT_CODES.INTERRUPTED : outcome.code } : endingOf(outcome.error, ctx.signal);
  await recorder.close(ending);
  if (run.junit !== undefined) {
    const end: RunEnd = { type: 'run-end', ts: new Date(now()).toISOString(), ...ending };
    const suites = junitFromRun({ file: undefined, start: { type: 'run-start', ts: startTs, ...start }, end, events: kept, unreadable: 0 });
    const written = writeJUnitFile(ctx, run.junit, `stasis-farm ${run.command}`, suites);
    // A run that failed fails with its own error; the report that could not be written is a warning then.
    if ('error' in outcome) await written.catch((error: Error) => ctx.sink({ type: 'warn', message: error.message }));
    else await written;
  }
  if ('error' in outcome) throw outcome.error;
  return outcome.code;
}
