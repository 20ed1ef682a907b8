import { parentPort } from 'node:worker_threads';
import { EvalProgress } from './progress.js';
import { evaluateSource } from './sandbox.js';

export interface WorkItem {
  readonly path: string;
  readonly source: string;
  readonly globals: Readonly<Record<string, unknown>>;
}

export type WorkerMessage =
  | { readonly type: 'start'; readonly batch: number; readonly index: number }
  | { readonly type: 'result'; readonly batch: number; readonly index: number; readonly result: ReturnType<typeof evaluateSource> };

export interface WorkBatch {
  readonly batch: number;
  readonly offset: number;
  readonly items: readonly WorkItem[];
  /** An EvalProgress buffer: the file and line this worker is at. */
  readonly progress: SharedArrayBuffer;
}

// Evaluates batches of Lua files; the main thread times each file and
// terminates this worker when one runs too long.
parentPort?.on('message', (msg: WorkBatch) => {
  const progress = new EvalProgress(msg.progress);
  const onLine = (line: number): void => progress.line(line);
  msg.items.forEach((item, i) => {
    const index = msg.offset + i;
    progress.start(index);
    parentPort?.postMessage({ type: 'start', batch: msg.batch, index } satisfies WorkerMessage);
    let result: ReturnType<typeof evaluateSource>;
    try {
      result = evaluateSource(item.path, item.source, item.globals, { onLine });
    } catch (error) {
      result = { ok: false, message: `${item.path}: ${(error as Error).message}` };
    }
    parentPort?.postMessage({ type: 'result', batch: msg.batch, index, result } satisfies WorkerMessage);
  });
});
