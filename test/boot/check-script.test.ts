import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScript, type CheckPlan } from '../../farm/boot/check-script.js';
import { missingKernelOptions } from '../../farm/boot/kernel-config.js';
import { planBoot } from '../../farm/boot/plan.js';
import { openRootfsDirectory } from '../../farm/boot/read-dir.js';
import { writeFixture, type FixtureNode } from './fixture.js';

const PLAN: CheckPlan = {
  hostname: "it's-stasis",
  services: ['getty-ttyS0', 'mount-kernel-fs', 'mdevd'],
  mdevd: true,
  probes: [{ pkg: 'execline', binary: 'usr/bin/execlineb', command: "/usr/bin/execlineb -Pc 'exit 0'" }],
  serialGetty: true,
  waitSeconds: 60,
};

const src = (name: string, type: string, more: FixtureNode[] = []): FixtureNode[] => [
  { path: `etc/s6-rc/source/${name}`, type: 'dir' },
  { path: `etc/s6-rc/source/${name}/type`, type: 'file', content: `${type}\n` },
  ...more,
];

describe('the check service', () => {
  it('is a shell script that parses, with the hostname quoted and every service, mount and probe named', async () => {
    const script = checkScript(PLAN);
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    const file = join(await mkdtemp(join(tmpdir(), 'check-')), 'run');
    await writeFile(file, script);
    execFileSync('sh', ['-n', file]);
    expect(script).toContain(`want='it'\\''s-stasis'`);
    expect(script).toContain(`expected='getty-ttyS0 mount-kernel-fs mdevd'`);
    for (const m of ['/proc', '/sys', "/dev 'devtmpfs'", '/run']) expect(script).toContain(`mounted ${m}`);
    expect(script).toContain(`probe 'execline' '/usr/bin/execlineb -Pc '\\''exit 0'\\'''`);
    expect(script).toContain('s6-linux-init-shutdown -p now');
    expect(script).toContain('[ "$i" -ge 60 ] && break');
  });

  it('is planned from the rootfs: default bundle expanded (contents and contents.d), hostname, probes, kernel parameters', async () => {
    const fx = await writeFixture([
      { path: 'etc', type: 'dir' },
      { path: 'etc/hostname', type: 'file', content: 'stasis\n' },
      { path: 'etc/stasis', type: 'dir' },
      { path: 'etc/stasis/cmdline', type: 'file', content: 'root=/dev/vda1 rw quiet loglevel=3\n' },
      { path: 'etc/s6-rc', type: 'dir' },
      { path: 'etc/s6-rc/source', type: 'dir' },
      ...src('default', 'bundle', [{ path: 'etc/s6-rc/source/default/contents', type: 'file', content: 'boot\ndropbear\n# a comment\ngetty-ttyS0\n' }]),
      ...src('boot', 'bundle', [
        { path: 'etc/s6-rc/source/boot/contents.d', type: 'dir' },
        { path: 'etc/s6-rc/source/boot/contents.d/mount-kernel-fs', type: 'file', content: '' },
        { path: 'etc/s6-rc/source/boot/contents.d/hostname', type: 'file', content: '' },
      ]),
      ...src('mount-kernel-fs', 'oneshot'),
      ...src('hostname', 'oneshot'),
      ...src('dropbear', 'longrun'),
      ...src('getty-ttyS0', 'longrun'),
      ...src('unused', 'longrun'),
      { path: 'usr', type: 'dir' },
      { path: 'usr/bin', type: 'dir' },
      { path: 'usr/bin/make', type: 'file', content: 'make', mode: 0o755, package: 'make' },
      { path: 'usr/bin/mdevd', type: 'file', content: 'mdevd', mode: 0o755, package: 'mdevd' },
    ]);
    const { plan, params } = await planBoot(openRootfsDirectory(fx.dir, fx.entries), 60);
    expect(plan.services).toEqual(['dropbear', 'getty-ttyS0', 'hostname', 'mount-kernel-fs']);
    expect(plan.hostname).toBe('stasis');
    expect(plan.serialGetty).toBe(true);
    expect(plan.mdevd).toBe(true);
    expect(plan.probes.map((p) => p.pkg)).toEqual(['make']);
    expect(params).toEqual(['quiet', 'loglevel=3']);
  });
});

describe('the kernel options a boot needs', () => {
  it('are found missing unless set to y', () => {
    const missing = missingKernelOptions('CONFIG_DEVTMPFS=y\n# CONFIG_RD_GZIP is not set\nCONFIG_SERIAL_8250=m\n');
    expect(missing).toContain('RD_GZIP');
    expect(missing).toContain('SERIAL_8250');
    expect(missing).not.toContain('DEVTMPFS');
  });
});
