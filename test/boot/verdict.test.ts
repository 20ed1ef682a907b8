import { describe, expect, it } from 'vitest';
import { decideVerdict, type RunOutcome } from '../../farm/boot/decide.js';
import { cleanLine } from '../../farm/boot/serial.js';

const N = 'f00dfeedf00dfeed';
const run = (lines: string[], more: Partial<RunOutcome> = {}): RunOutcome => ({ lines, exitCode: 0, timedOut: false, noPowerOff: false, timeoutSeconds: 120, ...more });
const boot = ['[    0.000000] Linux version 6.1.0', '[    1.2] Run /sbin/init as init process', 's6-linux-init: booting'];

describe('the verdict of a boot, from its serial log', () => {
  it('passes when every check passed, the getty prompted and the guest powered off', () => {
    const v = decideVerdict(
      run([
        ...boot,
        `STASIS-CHECK ${N} ok pid1: s6-svscan`,
        'stasis login: ',
        `STASIS-CHECK ${N} ok services: 3 up`,
        `STASIS-CHECK ${N} done`,
        '[   9.1] reboot: Power down',
      ]),
      N,
      { loginPrompt: true },
    );
    expect(v.kind).toBe('pass');
    if (v.kind === 'pass') expect(v.checks.map((c) => c.name)).toEqual(['pid1', 'services', 'getty']);
  });

  it('names the failed check and its output; lines of another nonce do not count', () => {
    const v = decideVerdict(
      run([
        ...boot,
        `STASIS-CHECK 0000 ok pid1: forged`,
        `STASIS-CHECK ${N} fail services: dropbear not up`,
        `STASIS-CHECK ${N} fail probe make: '/usr/bin/make --version' exited 127`,
        `STASIS-CHECK ${N} out probe make: sh: /usr/bin/make: not found`,
        `STASIS-CHECK ${N} done`,
      ]),
      N,
      { loginPrompt: false },
    );
    expect(v).toMatchObject({
      kind: 'check-failed',
      failed: [
        { name: 'services', detail: 'dropbear not up' },
        { name: 'probe make', output: ['sh: /usr/bin/make: not found'] },
      ],
    });
  });

  it('fails the getty check when no login prompt reached the serial console', () => {
    const v = decideVerdict(run([...boot, `STASIS-CHECK ${N} ok pid1: s6-svscan`, `STASIS-CHECK ${N} done`]), N, { loginPrompt: true });
    expect(v).toMatchObject({ kind: 'check-failed', failed: [{ name: 'getty' }] });
  });

  it('reports a kernel panic with its lines, before anything else', () => {
    const v = decideVerdict(
      run([
        ...boot,
        '[ 4.1] Kernel panic - not syncing: No working init found.',
        '[ 4.2] CPU: 0 PID: 1',
        '[ 4.3] ---[ end Kernel panic - not syncing: No working init found. ]---',
        'after',
      ]),
      N,
      { loginPrompt: false },
    );
    expect(v.kind).toBe('kernel-panic');
    if (v.kind === 'kernel-panic') {
      expect(v.lines[0]).toContain('Linux version');
      expect(v.lines.at(-1)).toContain('end Kernel panic');
    }
  });

  it('a timeout shows the last 20 serial lines', () => {
    const lines = Array.from({ length: 50 }, (_, i) => `line ${i}`);
    const v = decideVerdict(run(lines, { timedOut: true, exitCode: undefined, timeoutSeconds: 30 }), N, { loginPrompt: false });
    expect(v).toMatchObject({ kind: 'timeout', seconds: 30 });
    if (v.kind === 'timeout') expect(v.lastLines).toEqual(lines.slice(30));
  });

  it('a guest that goes down before its checks, or does not power off after them, is an unclean shutdown', () => {
    expect(decideVerdict(run([...boot, 'reboot: Restarting system'], { exitCode: 0 }), N, { loginPrompt: false })).toMatchObject({
      kind: 'unclean-shutdown',
      reason: /before the checks finished/,
    });
    expect(decideVerdict(run([...boot, `STASIS-CHECK ${N} done`], { noPowerOff: true, exitCode: undefined }), N, { loginPrompt: false })).toMatchObject({
      kind: 'unclean-shutdown',
      reason: /did not power off/,
    });
    expect(decideVerdict(run([...boot, `STASIS-CHECK ${N} done`], { exitCode: 1 }), N, { loginPrompt: false })).toMatchObject({
      kind: 'unclean-shutdown',
      reason: /status 1/,
    });
  });

  it("drops the firmware's terminal control sequences from serial lines", () => {
    expect(cleanLine('\x1bc\x1b[?7l\x1b[2J\x1b[0mSeaBIOS (version 1.16)\r')).toBe('SeaBIOS (version 1.16)');
  });
});
