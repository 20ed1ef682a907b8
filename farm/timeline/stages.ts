import type { FarmEvent } from '../report/events.js';
import type { StampedEvent } from '../report/stamp.js';
import type { PackageRun, StageRuns } from './model.js';

type Ev<T extends FarmEvent['type']> = Extract<FarmEvent, { type: T }> & { readonly ts: string };

/** One stage while its events are read. */
class StageReader {
  readonly packages: PackageRun[] = [];
  readonly started = new Map<string, { at: number; log: string }>();
  planned: readonly string[] = [];
  waitsFor = new Map<string, readonly string[]>();
  hasPlan = false;
  end: number | undefined;
  last: number;

  constructor(
    readonly stage: string,
    readonly start: number,
  ) {
    this.last = start;
  }

  plan(e: Ev<'plan'>): void {
    this.hasPlan = true;
    this.planned = [...e.toBuild, ...e.cached];
    this.waitsFor = new Map(Object.entries(e.waitsFor ?? {}));
  }

  package(e: StampedEvent, at: number): void {
    const done = (run: Omit<PackageRun, 'start' | 'end'> & { start?: number }): void => {
      this.packages.push({ start: at, ...run, end: at });
      this.started.delete(run.pkg);
    };
    const began = 'pkg' in e ? this.started.get(e.pkg) : undefined;
    if (e.type === 'build-start') this.started.set(e.pkg, { at, log: e.log });
    else if (e.type === 'build-done')
      done({ pkg: e.pkg, outcome: 'built', start: began?.at ?? at - e.ms, ms: e.ms, files: e.files, bytes: e.bytes, ...logOf(began?.log) });
    else if (e.type === 'build-failed')
      done({ pkg: e.pkg, outcome: 'failed', start: began?.at ?? at, reason: e.reason, logTail: e.logTail, ...logOf(e.logFile ?? began?.log) });
    else if (e.type === 'build-cached') done({ pkg: e.pkg, outcome: e.via === 'cutoff' ? 'cutoff' : 'cached', files: e.files, bytes: e.bytes });
    else if (e.type === 'build-skipped') done({ pkg: e.pkg, outcome: 'skipped', reason: e.because });
  }

  finish(runEnd: number | undefined): StageRuns {
    const end = this.end ?? Math.max(this.last, runEnd ?? this.last);
    // Started and never ended: the run crashed or was interrupted while it built.
    for (const [pkg, s] of this.started) this.packages.push({ pkg, outcome: 'unfinished', start: s.at, end, log: s.log });
    return { stage: this.stage, start: this.start, end, planned: this.planned, waitsFor: this.waitsFor, packages: this.packages };
  }
}

const logOf = (log: string | undefined): { log?: string } => (log === undefined ? {} : { log });

const PACKAGE_EVENTS: ReadonlySet<string> = new Set(['build-start', 'build-done', 'build-failed', 'build-cached', 'build-skipped']);

/**
 * A run's events, stage by stage: a stage opens at stage-start (a release) or at its plan (a
 * build), and closes at stage-done or when the next one opens.
 */
export function stagesOf(events: readonly StampedEvent[], runEnd?: number): StageRuns[] {
  const done: StageRuns[] = [];
  let current: StageReader | undefined;
  const open = (stage: string, at: number): StageReader => {
    if (current !== undefined) done.push(current.finish(undefined));
    return (current = new StageReader(stage, at));
  };
  for (const e of events) {
    const at = Date.parse(e.ts);
    if (e.type === 'stage-start') open(e.stage, at);
    else if (e.type === 'plan') {
      const reader = current !== undefined && !current.hasPlan && current.stage === e.stage ? current : open(e.stage, at);
      reader.plan(e);
    } else if (e.type === 'stage-done' && current !== undefined) {
      current.end = at;
      done.push(current.finish(undefined));
      current = undefined;
    } else if (PACKAGE_EVENTS.has(e.type)) (current ?? open(e.type === 'build-start' ? e.stage : 'dev', at)).package(e, at);
    if (current !== undefined) current.last = Math.max(current.last, at);
  }
  if (current !== undefined) done.push(current.finish(runEnd));
  return done;
}
