import type { Writable } from 'node:stream';
import type { ChalkInstance } from 'chalk';
import type { EventSink, FarmEvent } from './events.js';
import { formatEvent, formatMs } from './format.js';
import { stampEvent } from './stamp.js';

export type ReporterMode = 'live' | 'plain' | 'json';

export interface Reporter {
  readonly sink: EventSink;
  /** Stop any live redraw and flush. */
  close(): void;
}

export interface ReporterOptions {
  readonly mode: ReporterMode;
  readonly out: Writable;
  readonly chalk: ChalkInstance;
  readonly verbose: boolean;
  readonly now?: () => number;
}

/** Pick the mode: JSON when asked; live only on a TTY outside CI. */
export function chooseMode(json: boolean, isTTY: boolean, env: Readonly<Record<string, string | undefined>>): ReporterMode {
  if (json) return 'json';
  if (!isTTY || (env['CI'] !== undefined && env['CI'] !== '' && env['CI'] !== 'false')) return 'plain';
  return 'live';
}

export function createReporter(options: ReporterOptions): Reporter {
  switch (options.mode) {
    case 'json':
      return jsonReporter(options.out, options.now ?? Date.now);
    case 'plain':
      return plainReporter(options);
    case 'live':
      return liveReporter(options);
  }
}

function jsonReporter(out: Writable, now: () => number): Reporter {
  return {
    sink: (event) => {
      out.write(JSON.stringify(stampEvent(event, now())) + '\n');
    },
    close: () => {},
  };
}

function plainReporter(options: ReporterOptions): Reporter {
  return {
    sink: (event) => {
      const line = formatEvent(event, options.chalk, options.verbose);
      if (line !== undefined) options.out.write(line + '\n');
    },
    close: () => {},
  };
}

/**
 * Append-only lines for finished work, plus a redrawn footer naming the builds
 * in progress and how long each has run.
 */
function liveReporter(options: ReporterOptions): Reporter {
  const now = options.now ?? Date.now;
  const running = new Map<string, { started: number; last: string }>();
  let footerLines = 0;
  const c = options.chalk;

  const clearFooter = (): void => {
    if (footerLines > 0) options.out.write(`\x1b[${footerLines}A\x1b[0J`);
    footerLines = 0;
  };
  const drawFooter = (): void => {
    if (running.size === 0) return;
    const lines = [...running.entries()].map(([pkg, r]) => `${c.blue('…')} ${pkg} ${c.dim(formatMs(now() - r.started))} ${c.dim(r.last.slice(0, 60))}`);
    options.out.write(lines.join('\n') + '\n');
    footerLines = lines.length;
  };
  const timer = setInterval(() => {
    clearFooter();
    drawFooter();
  }, 250);
  timer.unref();

  const sink = (event: FarmEvent): void => {
    if (event.type === 'build-start') running.set(event.pkg, { started: now(), last: '' });
    if (event.type === 'build-output') {
      const r = running.get(event.pkg);
      if (r !== undefined) r.last = event.line;
    }
    if (event.type === 'build-done' || event.type === 'build-failed') running.delete(event.pkg);
    const line = event.type === 'build-output' ? undefined : formatEvent(event, c, options.verbose);
    if (line === undefined) return;
    clearFooter();
    options.out.write(line + '\n');
    drawFooter();
  };
  return {
    sink,
    close: () => {
      clearInterval(timer);
      clearFooter();
    },
  };
}
