import { panicLines, parseChecks } from './serial.js';
import type { BootVerdict, CheckResult } from '../report/boot-verdict.js';

/** How the VM run ended, as the runner saw it. */
export interface RunOutcome {
  readonly lines: readonly string[];
  /** qemu's exit status; undefined when the farm had to kill it. */
  readonly exitCode: number | undefined;
  /** The overall timeout fired before qemu exited. */
  readonly timedOut: boolean;
  /** The guest said `done` but did not power off within the grace period. */
  readonly noPowerOff: boolean;
  readonly timeoutSeconds: number;
}

const tail = (lines: readonly string[], n = 20): string[] => lines.slice(-n);

/**
 * The verdict of a boot, from the serial lines and how qemu ended. Pure.
 * A panic wins; then a failed check; then how the guest went down.
 */
export function decideVerdict(run: RunOutcome, nonce: string, expect: { readonly loginPrompt: boolean }): BootVerdict {
  const panic = panicLines(run.lines);
  if (panic !== undefined) return { kind: 'kernel-panic', lines: panic };
  const { checks, done } = parseChecks(run.lines, nonce);
  if (done) {
    const all: CheckResult[] = [...checks];
    if (expect.loginPrompt) {
      const seen = run.lines.some((l) => /login:/.test(l));
      all.push({ name: 'getty', ok: seen, detail: seen ? 'login prompt on the serial console' : 'no login prompt on the serial console', output: [] });
    }
    const failed = all.filter((c) => !c.ok);
    if (failed.length > 0) return { kind: 'check-failed', failed, checks: all };
    if (run.noPowerOff) return { kind: 'unclean-shutdown', reason: 'the checks passed but the guest did not power off', lastLines: tail(run.lines) };
    if (run.exitCode !== 0)
      return { kind: 'unclean-shutdown', reason: `qemu exited with status ${run.exitCode ?? 'unknown'} after the checks`, lastLines: tail(run.lines) };
    return { kind: 'pass', checks: all };
  }
  if (run.timedOut) return { kind: 'timeout', seconds: run.timeoutSeconds, lastLines: tail(run.lines) };
  return { kind: 'unclean-shutdown', reason: `the guest went down (qemu status ${run.exitCode ?? 'unknown'}) before the checks finished`, lastLines: tail(run.lines) };
}
