import type { ChalkInstance } from 'chalk';
import type { BootVerdict } from './boot-verdict.js';

const indent = (lines: readonly string[], c: ChalkInstance): string => lines.map((l) => `  ${c.dim('|')} ${l}`).join('\n');

/** A boot's verdict as the lines a person reads. */
/** `duration` is already formatted (format.ts owns formatMs; no cycle). */
export function formatVerdict(v: BootVerdict, duration: string, log: string | undefined, c: ChalkInstance): string {
  const logLine = log === undefined ? '' : `\n  serial log: ${log}`;
  const took = c.dim(`(${duration})`);
  switch (v.kind) {
    case 'pass':
      return `${c.green('PASS')}    booted, ${v.checks.length} check(s) passed, powered off cleanly ${took}${logLine}`;
    case 'check-failed': {
      const failed = v.failed.map((f) => `  ${c.red('failed')} ${f.name}: ${f.detail}${f.output.length > 0 ? '\n' + indent(f.output, c) : ''}`).join('\n');
      return `${c.red('FAILED')}  ${v.failed.length} of ${v.checks.length} check(s) failed ${took}\n${failed}${logLine}`;
    }
    case 'kernel-panic':
      return `${c.red('PANIC')}   the kernel panicked ${took}\n${indent(v.lines, c)}${logLine}`;
    case 'timeout':
      return `${c.red('TIMEOUT')} no verdict from the guest within ${v.seconds} s; the VM was stopped. Last serial lines:\n${indent(v.lastLines, c)}${logLine}`;
    case 'unclean-shutdown':
      return `${c.red('UNCLEAN')} ${v.reason} ${took}\n${indent(v.lastLines, c)}${logLine}`;
    case 'qemu-missing':
      return `${c.red('NO QEMU')} ${v.qemu} is not on PATH\n${c.cyan('hint:')} ${v.hint}`;
    case 'kernel-missing':
      return `${c.red('NO KERNEL')} ${v.reason}\n${c.cyan('hint:')} ${v.hint}`;
  }
}
