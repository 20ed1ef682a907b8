import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootImage, kvmRefused, type BootOptions } from '../../farm/boot/boot.js';
import { openRootfsDirectory } from '../../farm/boot/read-dir.js';
import { VERDICT_EXIT } from '../../farm/boot/index.js';
import { FarmError } from '../../farm/errors/index.js';
import type { FarmEvent } from '../../farm/report/events.js';
import { fakeQemu, nonceOf, type FakeBehaviour } from './fake-qemu.js';
import { writeFixture } from './fixture.js';

async function fakeKernel(valid = true): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'kernel-')), 'bzImage');
  const body = Buffer.alloc(0x400);
  if (valid) body.write('HdrS', 0x202, 'latin1');
  await writeFile(file, body);
  return file;
}

async function boot(behaviour: FakeBehaviour, more: Partial<BootOptions> & { installed?: boolean } = {}, qemu = fakeQemu(behaviour, { installed: more.installed })) {
  const fx = await writeFixture([
    { path: 'etc', type: 'dir' },
    { path: 'etc/hostname', type: 'file', content: 'stasis\n' },
    { path: 'bin', type: 'dir' },
    { path: 'bin/busybox', type: 'file', content: 'bb', mode: 0o755, package: 'busybox' },
  ]);
  const ws = await mkdtemp(join(tmpdir(), 'boot-ws-'));
  const events: FarmEvent[] = [];
  const report = await bootImage({
    image: openRootfsDirectory(fx.dir, fx.entries),
    host: qemu.host,
    kernel: more.kernel ?? (await fakeKernel()),
    env: {},
    tmpDir: join(ws, 'tmp'),
    logDir: join(ws, 'logs'),
    sourceDateEpoch: 1700000000,
    timeoutSeconds: 2,
    sink: (e) => events.push(e),
    signal: new AbortController().signal,
    ...more,
  });
  return { report, qemu, events };
}

const checksThenPowerOff: FakeBehaviour = (vm) => {
  const n = nonceOf(vm.args);
  vm.say('[ 0.0] Linux version 6.1.0');
  vm.say(`STASIS-CHECK ${n} ok pid1: s6-svscan`);
  vm.say(`STASIS-CHECK ${n} ok probe busybox`);
  vm.say(`STASIS-CHECK ${n} done`);
  vm.exit(0);
};

describe('stasis-farm boot, with a fake qemu', () => {
  it("passes, with the farm's kernel parameters, the rootfs's and a nonce; the serial log is kept", async () => {
    const { report, qemu, events } = await boot(checksThenPowerOff);
    expect(report.verdict.kind).toBe('pass');
    const args = qemu.started[0]?.args ?? [];
    expect(args).toEqual(expect.arrayContaining(['-machine', 'accel=tcg', '-m', '512', '-nographic', '-no-reboot', '-nic', 'none', '-kernel', '-initrd']));
    expect(args[args.indexOf('-append') + 1]).toMatch(/^console=ttyS0 panic=-1 rdinit=\/sbin\/init stasis\.nonce=[0-9a-f]{16}$/);
    expect(events.filter((e) => e.type === 'boot-check')).toHaveLength(2);
    expect(report.log).toMatch(/logs\/boot\/.*\.log$/);
    expect(qemu.running.size).toBe(0);
  });

  it('uses KVM when /dev/kvm is usable', async () => {
    const fx = await writeFixture([{ path: 'etc', type: 'dir' }]);
    const ws = await mkdtemp(join(tmpdir(), 'boot-ws-'));
    const qemu = fakeQemu(checksThenPowerOff, { kvm: true });
    await bootImage({
      image: openRootfsDirectory(fx.dir, fx.entries),
      host: qemu.host,
      kernel: await fakeKernel(),
      env: {},
      tmpDir: ws,
      logDir: ws,
      sourceDateEpoch: 1,
      timeoutSeconds: 2,
      sink: () => {},
      signal: new AbortController().signal,
    });
    expect(qemu.started[0]?.args).toEqual(expect.arrayContaining(['accel=kvm']));
  });

  it('KVM that cannot run the VM (nested, a CPU register refused): the same boot again with TCG, and a warning', async () => {
    const refusingKvm: FakeBehaviour = (vm) => {
      if (!vm.args.includes('accel=kvm')) return checksThenPowerOff(vm);
      vm.say('qemu-system-x86_64: error: failed to set MSR 0x10a to 0x69');
      vm.say("qemu-system-x86_64: ../../target/i386/kvm/kvm.c:3183: kvm_buf_set_msrs: Assertion `ret == cpu->kvm_msr_buf->nmsrs' failed.");
      vm.exit(134);
    };
    const qemu = fakeQemu(refusingKvm, { kvm: true });
    const { report, events } = await boot(refusingKvm, {}, qemu);
    expect(qemu.started.map((r) => r.args.find((a) => a.startsWith('accel=')))).toEqual(['accel=kvm', 'accel=tcg']);
    expect(report.verdict.kind).toBe('pass');
    expect(report.accel).toBe('tcg');
    expect(events).toContainEqual({
      type: 'warn',
      message: 'KVM could not run the VM on this host (error: failed to set MSR 0x10a to 0x69): booting again with TCG (slower)',
    });
    expect(
      kvmRefused({ lines: ['Linux version 6.1', 'qemu-system-x86_64: kvm: something'], exitCode: 1, timedOut: false, noPowerOff: false, timeoutSeconds: 2 }),
    ).toBeUndefined();
  });

  it('says how to install qemu, and checks the kernel before starting anything', async () => {
    const missing = await boot(checksThenPowerOff, { installed: false });
    expect(missing.report.verdict).toMatchObject({ kind: 'qemu-missing', hint: 'apt-get install qemu-system-x86' });
    expect(VERDICT_EXIT['qemu-missing']).not.toBe(VERDICT_EXIT['kernel-missing']);
    const bad = await boot(checksThenPowerOff, { kernel: await fakeKernel(false) });
    expect(bad.report.verdict).toMatchObject({ kind: 'kernel-missing', reason: /not a bzImage/, hint: /harness-kernel/ });
    expect(bad.qemu.started).toHaveLength(0);
    const none = await boot(checksThenPowerOff, { kernel: '/nonexistent/vmlinuz' });
    expect(none.report.verdict).toMatchObject({ kind: 'kernel-missing', reason: /no such file/ });
  });

  it('a VM that never answers is stopped at the timeout and leaves nothing running', async () => {
    const { report, qemu } = await boot((vm) => vm.say('booting...'), { timeoutSeconds: 1 });
    expect(report.verdict).toMatchObject({ kind: 'timeout', seconds: 1, lastLines: ['booting...'] });
    expect(qemu.started[0]?.killed).toBe(true);
    expect(qemu.running.size).toBe(0);
  });

  it('SIGINT during a boot kills the VM and reports an interruption', async () => {
    const controller = new AbortController();
    const behaviour: FakeBehaviour = (vm) => {
      vm.say('booting...');
      setTimeout(() => controller.abort(), 50);
    };
    const qemu = fakeQemu(behaviour);
    const pending = boot(behaviour, { timeoutSeconds: 30, signal: controller.signal }, qemu);
    await expect(pending).rejects.toSatisfy((e: unknown) => e instanceof FarmError && e.code === 'INTERRUPTED');
    expect(qemu.started[0]?.killed).toBe(true);
    expect(qemu.running.size).toBe(0);
  });
});
