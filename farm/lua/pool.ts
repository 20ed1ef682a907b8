import { Worker } from 'node:worker_threads';
import { FarmError } from '../errors/index.js';
import type { RecordedRead } from '../recipe/types.js';
import type { WorkItem, WorkerMessage } from './worker.js';

export type LuaResult =
  | { readonly path: string; readonly ok: true; readonly value: unknown; readonly reads: readonly RecordedRead[] }
  | { readonly path: string; readonly ok: false; readonly error: FarmError };

export const DEFAULT_TIMEOUT_MS = 5000;

let shared: Worker | undefined;
let batchCounter = 0;

function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith('.ts');
  let worker: Worker;
  if (fromSource) {
    // Running from TypeScript sources (tests, tsx): load the worker through tsx's loader.
    const api = import.meta.resolve('tsx/esm/api');
    const target = new URL('./worker.ts', import.meta.url).href;
    worker = new Worker(`import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(target)}); });`, { eval: true });
  } else {
    worker = new Worker(new URL('./worker.js', import.meta.url));
  }
  worker.unref();
  return worker;
}

/**
 * Evaluate Lua files in a worker thread, each with a wall-clock limit: a file
 * that runs too long (an endless loop, a huge string.rep) gets LUA_TIMEOUT
 * naming it, the worker is terminated and the rest continue on a fresh one.
 */
export async function evaluateLuaFiles(items: readonly WorkItem[], options: { readonly timeoutMs?: number } = {}): Promise<LuaResult[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const results: LuaResult[] = new Array(items.length);
  let next = 0;
  while (next < items.length) {
    next = await runBatch(items, next, timeoutMs, results);
  }
  return results;
}

function runBatch(items: readonly WorkItem[], offset: number, timeoutMs: number, results: LuaResult[]): Promise<number> {
  const worker = shared ?? (shared = startWorker());
  const batch = ++batchCounter;
  worker.ref();
  return new Promise((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let done = offset;
    const finish = (value: number): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.unref();
      resolve(value);
    };
    const onError = (error: Error): void => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      shared = undefined;
      void worker.terminate();
      reject(error);
    };
    const onMessage = (msg: WorkerMessage): void => {
      if (msg.batch !== batch) return;
      const item = items[msg.index] as WorkItem;
      if (msg.type === 'start') {
        clearTimeout(timer);
        timer = setTimeout(() => {
          results[msg.index] = {
            path: item.path,
            ok: false,
            error: new FarmError('LUA_TIMEOUT', `${item.path}: evaluation took longer than ${timeoutMs / 1000} s (endless loop or runaway allocation?)`),
          };
          worker.off('message', onMessage);
          worker.off('error', onError);
          shared = undefined;
          void worker.terminate();
          resolve(msg.index + 1);
        }, timeoutMs);
        return;
      }
      const r = msg.result;
      results[msg.index] = r.ok ? { path: item.path, ok: true, value: r.value, reads: r.reads } : { path: item.path, ok: false, error: new FarmError('LUA_ERROR', r.message) };
      done = msg.index + 1;
      if (done === items.length) finish(done);
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage({ batch, offset, items: items.slice(offset) });
  });
}

/** Stop the shared worker (tests; the CLI exits without it since it is unref'd). */
export async function closeLuaWorkers(): Promise<void> {
  const w = shared;
  shared = undefined;
  if (w !== undefined) await w.terminate();
}
