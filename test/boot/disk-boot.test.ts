import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootDisk } from '../../farm/boot/boot.js';
import { checkScript, type CheckPlan } from '../../farm/boot/check-script.js';
import type { FarmEvent } from '../../farm/report/events.js';
import { fakeQemu, type FakeBehaviour } from './fake-qemu.js';

const PLAN: CheckPlan = {
  hostname: 'stasis-boot',
  services: ['mdevd'],
  mdevd: true,
  probes: [],
  serialGetty: false,
  waitSeconds: 30,
  disk: {
    mounts: [
      { mountpoint: '/', device: '/dev/sda2', type: 'ext4' },
      { mountpoint: '/boot', device: 'UUID=0b0070e1-5741-4a5a-8000-000000000001', type: 'ext4' },
    ],
    cmdline: 'root=/dev/sda2 rw console=ttyS0,115200',
    swap: '/dev/sda3',
  },
};

describe('a boot from disk', () => {
  it("checks / and /boot by device number and the command line without GRUB's BOOT_IMAGE=, with the nonce written in", async () => {
    const script = checkScript({ ...PLAN, nonce: 'feedc0de' });
    const file = join(await mkdtemp(join(tmpdir(), 'check-')), 'run');
    await writeFile(file, script);
    execFileSync('sh', ['-n', file]);
    expect(script).toContain("nonce='feedc0de'");
    expect(script).toContain("from_disk '/' '/dev/sda2' 'ext4'");
    expect(script).toContain("from_disk '/boot' 'UUID=0b0070e1-5741-4a5a-8000-000000000001' 'ext4'");
    expect(script).toContain("want='root=/dev/sda2 rw console=ttyS0,115200'");
    expect(script).toContain('BOOT_IMAGE=*) ;;');
    expect(script).toContain(`dev=$(devnode '/dev/sda3')`);
    expect(script).toContain('ok "disk swap: /dev/sda3 ($dev) in use"');
    // Without a disk, neither the functions nor a written nonce.
    const plain = checkScript(PLAN.disk === undefined ? PLAN : { ...PLAN, disk: undefined });
    expect(plain).not.toContain('from_disk');
    expect(plain).toContain('nonce=-');
  });

  it('boots a copy with the check added, from the disk and not a kernel, and judges it by that nonce', async () => {
    let added = '';
    const behaviour: FakeBehaviour = (vm) => {
      const n = /nonce='([0-9a-f]+)'/.exec(added)?.[1] ?? '?';
      vm.say('SeaBIOS (version 1.16)');
      vm.say(`STASIS-CHECK ${n} ok disk /: /dev/sda2 (/dev/sda2 8:2) ext4`);
      vm.say(`STASIS-CHECK ${n} ok cmdline: root=/dev/sda2 rw console=ttyS0,115200`);
      vm.say(`STASIS-CHECK ${n} done`);
      vm.exit(0);
    };
    const qemu = fakeQemu(behaviour);
    const events: FarmEvent[] = [];
    const ws = await mkdtemp(join(tmpdir(), 'disk-boot-'));
    const report = await bootDisk({
      plan: PLAN,
      host: qemu.host,
      logDir: join(ws, 'logs'),
      timeoutSeconds: 2,
      sink: (e) => events.push(e),
      signal: new AbortController().signal,
      checkedCopy: (script) => {
        added = script;
        return Promise.resolve('/ws/tmp/disk-check.img');
      },
    });
    expect(report.verdict.kind).toBe('pass');
    const args = qemu.started[0]?.args ?? [];
    expect(args).toEqual(expect.arrayContaining(['-drive', 'file=/ws/tmp/disk-check.img,format=raw,if=ide,index=0,media=disk', '-boot', 'c']));
    expect(args).not.toContain('-kernel');
    expect(args).not.toContain('-append');
    expect(events.find((e) => e.type === 'boot-start')).toMatchObject({ disk: '/ws/tmp/disk-check.img' });
    expect(events.filter((e) => e.type === 'boot-check').map((e) => (e.type === 'boot-check' ? e.text : ''))).toEqual([
      'disk /: /dev/sda2 (/dev/sda2 8:2) ext4',
      'cmdline: root=/dev/sda2 rw console=ttyS0,115200',
    ]);
  });
});
