const INDEX = 0;
const LINE = 1;

/**
 * How far the evaluation worker got: which file of the batch (index + 1) and
 * which line of it. The worker writes it, the main thread reads it; being
 * shared memory, it can still be read after the worker hangs in an endless loop
 * or a runaway string function, when no message would arrive.
 */
export class EvalProgress {
  private readonly view: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer = new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT)) {
    this.view = new Int32Array(buffer);
  }

  /** The worker starts file `index` (no line yet). */
  start(index: number): void {
    Atomics.store(this.view, LINE, 0);
    Atomics.store(this.view, INDEX, index + 1);
  }

  /** The worker's current file reached `line`. */
  line(line: number): void {
    Atomics.store(this.view, LINE, line);
  }

  /** The last line reached in file `index`, if the worker is on it and got to one. */
  lineOf(index: number): number | undefined {
    if (Atomics.load(this.view, INDEX) !== index + 1) return undefined;
    const line = Atomics.load(this.view, LINE);
    return line > 0 ? line : undefined;
  }
}
