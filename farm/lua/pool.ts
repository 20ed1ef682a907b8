import { Worker } from 'node:worker_threads';
import { FarmError } from '../errors/index.js';
import { EvalProgress } from './progress.js';
import type { RecordedRead } from './reads.js';
import type { WorkBatch, WorkItem, WorkerMessage } from './worker.js';

export type LuaResult =
  | { readonly path: string; readonly ok: true; readonly value: unknown; readonly reads: readonly RecordedRead[] }
  | { readonly path: string; readonly ok: false; readonly error: FarmError };

export const DEFAULT_TIMEOUT_MS = 5000;

/** The one long-lived evaluation worker (replaced after a timeout or a crash). */
let shared: Worker | undefined;
let batchCounter = 0;
/** Calls are serialised: a timeout terminates the worker, which must not hit another caller's batch. */
let queue: Promise<unknown> = Promise.resolve();
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

function dropWorker(worker: Worker): void {
  if (shared === worker) shared = undefined;
  void worker.terminate().catch(() => undefined);
}

/**
 * Evaluate Lua files in a worker thread, each in a fresh sandboxed state with a
 * wall-clock limit (default 5 s per file). A file that runs too long (an endless
 * loop, a huge string.rep) gets LUA_TIMEOUT naming it and the line it was
 * stopped at (`file:line: evaluation stopped after N s`); the worker is terminated
 * and the remaining files continue on a fresh one. Results are in input order.
 */
export function evaluateLuaFiles(items: readonly WorkItem[], options: { readonly timeoutMs?: number } = {}): Promise<LuaResult[]> {
  const run = queue.then(() => evaluateNow(items, options.timeoutMs ?? DEFAULT_TIMEOUT_MS));
  queue = run.catch(() => undefined);
  return run;
}

async function evaluateNow(items: readonly WorkItem[], timeoutMs: number): Promise<LuaResult[]> {
  const results: LuaResult[] = new Array<LuaResult>(items.length);
  let next = 0;
  while (next < items.length) next = await runBatch(items, next, timeoutMs, results);
  return results;
}

/** Run items[offset..] on the shared worker; resolves with the index to continue from. */
function runBatch(items: readonly WorkItem[], offset: number, timeoutMs: number, results: LuaResult[]): Promise<number> {
  const worker = shared ?? (shared = startWorker());
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
      dropWorker(worker);
      if (current < 0 && resume > offset) {
        resolve(resume);
        return;
      }
      if (current < 0) {
        reject(error instanceof FarmError ? error : new Error(`Lua worker failed before evaluating anything: ${error.message}`, { cause: error }));
        return;
      }
      const item = items[current] as WorkItem;
      results[current] = {
        path: item.path,
        ok: false,
        error: error instanceof FarmError ? error : new FarmError('LUA_ERROR', `${item.path}: evaluation aborted: ${error.message}`, { cause: error }),
      };
      resolve(current + 1);
    };
    const onError = (error: Error): void => crashed(error);
    const onExit = (code: number): void => crashed(new Error(`the Lua worker exited (code ${code})`));
    const onMessage = (msg: WorkerMessage): void => {
      if (msg.batch !== batch || settled) return;
      const item = items[msg.index] as WorkItem;
      if (msg.type === 'start') {
        current = msg.index;
        clearTimeout(timer);
        timer = setTimeout(() => {
          const line = progress.lineOf(msg.index);
          crashed(
            new FarmError(
              'LUA_TIMEOUT',
              `${item.path}${line === undefined ? '' : `:${line}`}: evaluation stopped after ${timeoutMs / 1000} s (endless loop or runaway allocation?)`,
              {
                hint: 'recipes and config files must finish quickly: no loops that wait, no huge strings',
              },
            ),
          );
        }, timeoutMs);
        return;
      }
      clearTimeout(timer);
      current = -1;
      resume = msg.index + 1;
      const r = msg.result;
      results[msg.index] = r.ok
        ? { path: item.path, ok: true, value: r.value, reads: r.reads }
        : { path: item.path, ok: false, error: new FarmError('LUA_ERROR', r.message) };
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

/** Stop the shared worker (tests; the CLI exits without this since the worker is unref'd). */
export async function closeLuaWorkers(): Promise<void> {
  await queue;
  const w = shared;
  shared = undefined;
  if (w !== undefined) await w.terminate();
}
