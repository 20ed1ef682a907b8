import { parentPort } from 'node:worker_threads';
import { evaluateSource } from './sandbox.js';

export interface WorkItem {
  readonly path: string;
  readonly source: string;
  readonly globals: Readonly<Record<string, unknown>>;
}

export type WorkerMessage =
  | { readonly type: 'start'; readonly batch: number; readonly index: number }
  | { readonly type: 'result'; readonly batch: number; readonly index: number; readonly result: ReturnType<typeof evaluateSource> };

// Evaluates batches of Lua files; the main thread times each file and
// terminates this worker when one runs too long.
parentPort?.on('message', (msg: { batch: number; offset: number; items: WorkItem[] }) => {
  msg.items.forEach((item, i) => {
    const index = msg.offset + i;
    parentPort?.postMessage({ type: 'start', batch: msg.batch, index } satisfies WorkerMessage);
    let result: ReturnType<typeof evaluateSource>;
    try {
      result = evaluateSource(item.path, item.source, item.globals);
    } catch (error) {
      result = { ok: false, message: `${item.path}: ${(error as Error).message}` };
    }
    parentPort?.postMessage({ type: 'result', batch: msg.batch, index, result } satisfies WorkerMessage);
  });
});
