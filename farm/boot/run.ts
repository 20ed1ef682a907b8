import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { FarmError } from '../errors/index.js';
import type { RunOutcome } from './decide.js';
import type { BootHost } from './port.js';
import { checkLine, cleanLine, isPanicLine } from './serial.js';

export interface RunOptions {
  readonly command: string;
  readonly args: readonly string[];
  readonly nonce: string;
  /** The serial console (and qemu's messages) go here as they come. */
  readonly logFile: string;
  readonly timeoutMs: number;
  /** After `done`, how long the guest may take to power off. */
  readonly powerOffGraceMs: number;
  /** After a panic line, how long the kernel may take to reboot (= qemu exits). */
  readonly panicGraceMs: number;
  readonly signal: AbortSignal;
  readonly onLine: (line: string) => void;
}

/**
 * Run qemu until it exits, the timeout fires, the guest hangs after its checks
 * or a panic, or the signal aborts. The VM never outlives this call: every
 * path kills it and waits for it to be gone. An abort throws INTERRUPTED.
 */
export async function runVm(host: BootHost, o: RunOptions): Promise<RunOutcome> {
  await mkdir(dirname(o.logFile), { recursive: true });
  const log = createWriteStream(o.logFile);
  const lines: string[] = [];
  let partial = '';
  let timedOut = false;
  let noPowerOff = false;
  let killed = false;
  const timers: NodeJS.Timeout[] = [];

  const vm = host.spawn(o.command, o.args);
  const kill = (): void => {
    killed = true;
    vm.kill();
  };
  const later = (ms: number, fn: () => void): void => {
    timers.push(setTimeout(fn, ms));
  };
  const take = (line: string): void => {
    lines.push(line);
    o.onLine(line);
    if (isPanicLine(line)) later(o.panicGraceMs, kill);
    if (checkLine(line, o.nonce)?.verb === 'done')
      later(o.powerOffGraceMs, () => {
        noPowerOff = true;
        kill();
      });
  };
  vm.onOutput((chunk) => {
    log.write(chunk);
    const parts = (partial + chunk.toString('utf8')).split('\n');
    partial = parts.pop() ?? '';
    for (const p of parts) take(cleanLine(p));
  });
  later(o.timeoutMs, () => {
    timedOut = true;
    kill();
  });
  const onAbort = (): void => kill();
  o.signal.addEventListener('abort', onAbort, { once: true });
  if (o.signal.aborted) kill();
  try {
    const exit = await vm.exited;
    if (partial !== '') take(cleanLine(partial));
    if (o.signal.aborted) throw new FarmError('INTERRUPTED', 'interrupted: the VM was stopped', { hint: `serial log: ${o.logFile}` });
    return { lines, exitCode: killed ? undefined : (exit.code ?? undefined), timedOut, noPowerOff, timeoutSeconds: Math.round(o.timeoutMs / 1000) };
  } finally {
    for (const t of timers) clearTimeout(t);
    o.signal.removeEventListener('abort', onAbort);
    vm.kill();
    await vm.exited;
    await new Promise<void>((resolve) => log.end(() => resolve()));
  }
}
