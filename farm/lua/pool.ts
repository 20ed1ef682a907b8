import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { FarmError } from '../errors/index.js';
import { EvalProgress } from './progress.js';
import type { RecordedRead } from './reads.js';
import type { WorkBatch, WorkItem, WorkerMessage } from './worker.js';

export type LuaResult =
  | {
      readonly path: string;
      readonly ok: true;
      readonly value: unknown;
      readonly reads: readonly RecordedRead[];
      /** Paths read as tables (see prelude.ts): what else the value depends on. */
      readonly tables: readonly string[];
    }
  | { readonly path: string; readonly ok: false; readonly error: FarmError };

export const DEFAULT_TIMEOUT_MS = 5000;

/**
 * One long-lived evaluation worker (replaced after a timeout or a crash) and the calls queued on
 * it: they are serialised, since a timeout terminates the worker, which must not hit another
 * caller's batch.
 */
interface Slot {
  worker: Worker | undefined;
  queue: Promise<unknown>;
}

/** As many workers as cores; a call uses more than one only for this many files or more per worker. */
const SLOTS: readonly Slot[] = Array.from({ length: Math.max(1, availableParallelism()) }, () => ({ worker: undefined, queue: Promise.resolve() }));
const FILES_PER_WORKER = 24;

/**
 * The workers a call of `files` files uses: one per idle core (cores less the load average), at
 * least one. Each worker pays its own start and warm-up, so on a busy machine a second worker
 * costs more than it saves (measured: a cold evaluation of the base profile took 1 s longer with
 * two workers under a load of 10 on two cores than with one).
 */
function workersFor(files: number): number {
  const idle = Math.floor(SLOTS.length - (loadavg()[0] ?? 0) + 0.5);
  return Math.max(1, Math.min(idle, Math.floor(files / FILES_PER_WORKER)));
}
let batchCounter = 0;
/** A worker script given by useLuaWorkerScript, in place of the one beside this file. */
let givenScript: URL | undefined;

/**
 * Start evaluation workers from `script`, a ready-to-run build of worker.ts (undefined: the
 * default). The test runner bundles it once per run instead of compiling the TypeScript sources
 * again in every worker it starts.
 */
export function useLuaWorkerScript(script: URL | undefined): void {
  givenScript = script;
}

function startWorker(): Worker {
  if (givenScript !== undefined) {
    const worker = new Worker(givenScript);
    worker.unref();
    return worker;
  }
  // From TypeScript sources (vitest, tsx) the worker is worker.ts loaded through
  // tsx; from dist it is the compiled worker.js beside this file.
  const fromSource = import.meta.url.endsWith('.ts');
  // Node 20.20 ignores `execArgv: ['--import', 'tsx']` for a worker's module
  // loading (verified: the .ts entry then fails with ERR_UNKNOWN_FILE_EXTENSION),
  // so the worker registers tsx's ESM loader itself before importing worker.ts.
  let worker: Worker;
  if (fromSource) {
    const api = import.meta.resolve('tsx/esm/api');
    const target = new URL('./worker.ts', import.meta.url).href;
    const code = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`;
    worker = new Worker(code, { eval: true });
  } else {
    worker = new Worker(new URL('./worker.js', import.meta.url));
  }
  // Never keep the process alive only for this worker (the CLI exits when done).
  worker.unref();
  return worker;
}

function dropWorker(slot: Slot, worker: Worker): void {
  if (slot.worker === worker) slot.worker = undefined;
  void worker.terminate().catch(() => undefined);
}

/**
 * Evaluate Lua files in worker threads, each in a fresh sandboxed state with a
 * wall-clock limit (default 5 s per file). A file that runs too long (an endless
 * loop, a huge string.rep) gets LUA_TIMEOUT naming it and the line it was
 * stopped at (`file:line: evaluation stopped after N s`); its worker is terminated
 * and the remaining files continue on a fresh one. Many files are shared out, in
 * order, between a worker per idle core. Results are in input order.
 */
export async function evaluateLuaFiles(items: readonly WorkItem[], options: { readonly timeoutMs?: number } = {}): Promise<LuaResult[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const workers = workersFor(items.length);
  const size = Math.ceil(items.length / workers);
  const parts = await Promise.all(
    SLOTS.slice(0, workers).map((slot, i) => {
      const run = slot.queue.then(() => evaluateNow(slot, items.slice(i * size, (i + 1) * size), timeoutMs));
      slot.queue = run.catch(() => undefined);
      return run;
    }),
  );
  return parts.flat();
}

async function evaluateNow(slot: Slot, items: readonly WorkItem[], timeoutMs: number): Promise<LuaResult[]> {
  const results: LuaResult[] = new Array<LuaResult>(items.length);
  let next = 0;
  while (next < items.length) next = await runBatch(slot, { items, offset: next, timeoutMs }, results);
  return results;
}

/** Run items[offset..] on the slot's worker; resolves with the index to continue from. */
function runBatch(slot: Slot, at: { readonly items: readonly WorkItem[]; readonly offset: number; readonly timeoutMs: number }, results: LuaResult[]): Promise<number> {
  const { items, offset, timeoutMs } = at;
  const worker = slot.worker ?? (slot.worker = startWorker());
  const batch = ++batchCounter;
  const progress = new EvalProgress();
  worker.ref();
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    /** Index of the file being evaluated (a 'start' arrived, no 'result' yet). */
    let current = -1;
    /** Index after the last file with a result (where to go on after a crash between files). */
    let resume = offset;
    let settled = false;
    const cleanup = (): void => {
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.unref();
    };
    /** The worker died under file `current`: that file fails, the rest go on on a fresh worker. */
    const crashed = (error: FarmError | Error): void => {
      if (settled) return;
      cleanup();
      dropWorker(slot, worker);
      const after = afterCrash(items, results, { offset, current, resume }, error);
      if ('next' in after) resolve(after.next);
      else reject(after.error);
    };
    const onError = (error: Error): void => crashed(error);
    const onExit = (code: number): void => crashed(new Error(`the Lua worker exited (code ${code})`));
    const onMessage = (msg: WorkerMessage): void => {
      if (msg.batch !== batch || settled) return;
      const item = items[msg.index] as WorkItem;
      clearTimeout(timer);
      if (msg.type === 'start') {
        current = msg.index;
        timer = setTimeout(() => crashed(timedOut(item, progress.lineOf(msg.index), timeoutMs)), timeoutMs);
        return;
      }
      current = -1;
      resume = msg.index + 1;
      results[msg.index] = resultOf(item, msg.result);
      if (msg.index + 1 === items.length) {
        cleanup();
        resolve(items.length);
      }
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
    worker.postMessage({ batch, offset, items: items.slice(offset), progress: progress.buffer } satisfies WorkBatch);
  });
}

/** Where a batch stood when its worker died. */
interface CrashPoint {
  readonly offset: number;
  /** The file being evaluated, or -1 between files. */
  readonly current: number;
  /** Index after the last file with a result. */
  readonly resume: number;
}

/**
 * How a batch goes on after its worker died: between files it resumes after the last result;
 * under a file, that file fails and the next one is where to resume; before any file it fails
 * as a whole, since the worker itself is broken.
 */
function afterCrash(items: readonly WorkItem[], results: LuaResult[], at: CrashPoint, error: FarmError | Error): { readonly next: number } | { readonly error: Error } {
  if (at.current < 0 && at.resume > at.offset) return { next: at.resume };
  if (at.current < 0) {
    return { error: error instanceof FarmError ? error : new Error(`Lua worker failed before evaluating anything: ${error.message}`, { cause: error }) };
  }
  const item = items[at.current] as WorkItem;
  results[at.current] = {
    path: item.path,
    ok: false,
    error: error instanceof FarmError ? error : new FarmError('LUA_ERROR', `${item.path}: evaluation aborted: ${error.message}`, { cause: error }),
  };
  return { next: at.current + 1 };
}

/** LUA_TIMEOUT naming the file and, when the line hook saw one, the line it was stopped at. */
function timedOut(item: WorkItem, line: number | undefined, timeoutMs: number): FarmError {
  return new FarmError(
    'LUA_TIMEOUT',
    `${item.path}${line === undefined ? '' : `:${line}`}: evaluation stopped after ${timeoutMs / 1000} s (endless loop or runaway allocation?)`,
    {
      hint: 'recipes and config files must finish quickly: no loops that wait, no huge strings',
    },
  );
}

function resultOf(item: WorkItem, r: Extract<WorkerMessage, { type: 'result' }>['result']): LuaResult {
  return r.ok
    ? { path: item.path, ok: true, value: r.value, reads: r.reads, tables: r.tables }
    : { path: item.path, ok: false, error: new FarmError('LUA_ERROR', r.message) };
}

/** Stop the workers (tests; the CLI exits without this since the workers are unref'd). */
export async function closeLuaWorkers(): Promise<void> {
  await Promise.all(
    SLOTS.map(async (slot) => {
      await slot.queue;
      const w = slot.worker;
      slot.worker = undefined;
      if (w !== undefined) await w.terminate();
    }),
  );
}
