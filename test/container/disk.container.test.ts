import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingKernelOptions } from '../../farm/boot/kernel-config.js';
import { containerTierReady, makeRoot, MIRROR, REPO, runFarm, workspaceContainers } from '../support/farm.js';

const ready = await containerTierReady();
// The sources of linux, bison, openssl, e2fsprogs and gawk are in the second mirror (.ci/run fetches them
// into STASIS_CI_MIRROR), not in ../shared/sources.
const SECOND_MIRROR = process.env['STASIS_CI_MIRROR'] ?? join(REPO, '..', 'mirror');

interface BootJson {
  verdict?: { kind: string; checks?: { name: string; ok: boolean; detail?: string }[] };
  log?: string;
}
const lastJson = <T>(stdout: string): T => JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as T;

// One dev build of the boot profile with Stasis's own kernel (configs/kernel-qemu.config) and the
// tools a disk needs (grub, e2fsprogs, util-linux), /boot as ext4 on /dev/sda1 and / on /dev/sda2;
// booted once from an initramfs with that kernel, then made into a disk image that boots through
// GRUB. Everything here is built by the builder's compilers (the dev stage), not released.
describe.skipIf(!ready)("Stasis's own kernel and a disk image of the boot profile (dev stage)", () => {
  let root: string;
  let preview: string;
  beforeAll(async () => {
    root = await makeRoot({ config: 'boot' });
    const config = (await readFile(join(REPO, 'configs', 'boot.config.lua'), 'utf8'))
      .replace('    config = nil,', '    config = "kernel-qemu.config",')
      .replace('  include = {},', '  include = { "linux", "grub", "e2fsprogs", "util-linux" },')
      .replace('boot = { device = "/dev/sda1", type = "vfat", options = "defaults" }', 'boot = { device = "/dev/sda1", type = "ext4", options = "defaults" }');
    expect(config).toContain('include = { "linux", "grub", "e2fsprogs", "util-linux" }');
    expect(config).toContain('type = "ext4", options = "defaults" }');
    await writeFile(join(root, 'config.lua'), config);
    await writeFile(join(root, 'kernel-qemu.config'), await readFile(join(REPO, 'configs', 'kernel-qemu.config')));
    preview = join(root, 'workspace', 'preview');
  });

  it('linux from configs/kernel-qemu.config, built in the dev stage, boots the boot profile from an initramfs', async () => {
    const started = Date.now();
    const built = await runFarm(root, ['build', '--mirror', MIRROR, '--mirror', SECOND_MIRROR]);
    expect(built.code, built.stdout.slice(-3000) + built.stderr).toBe(0);
    console.log(`[disk] the boot profile, linux, grub, e2fsprogs and util-linux in the dev stage: ${Math.round((Date.now() - started) / 1000)} s`);
    expect(existsSync(join(preview, 'boot', 'vmlinuz'))).toBe(true);
    expect(missingKernelOptions(await readFile(join(preview, 'boot', 'config'), 'utf8'))).toEqual([]);
    // No --kernel, no STASIS_KERNEL: the preview's own /boot/vmlinuz.
    const r = await runFarm(root, ['boot', '--json'], { STASIS_KERNEL: '' });
    const report = lastJson<BootJson>(r.stdout);
    expect(r.code, JSON.stringify(report.verdict)).toBe(0);
    expect(report.verdict?.checks?.filter((c) => !c.ok)).toEqual([]);
    const serial = await readFile(report.log as string, 'utf8');
    expect(serial).toMatch(/Linux version 6\.1\.176 \(stasis@stasis\)/);
    expect(serial).toMatch(/stasis-boot login:/);
  }, 3_600_000);

  it('`disk` makes the same image twice, and it boots from disk through GRUB with / and /boot mounted from their partitions', async () => {
    const one = join(root, 'one.img');
    const made = await runFarm(root, ['disk', '--size', '256M', '--out', one, '--json']);
    expect(made.code, made.stdout + made.stderr).toBe(0);
    const first = lastJson<{ sha256: string; partitions: { number: number; role: string; start: number; size: number }[] }>(made.stdout);
    expect(first.partitions.map((p) => [p.number, p.role, p.start, p.size])).toEqual([
      [1, 'boot', 1 << 20, 32 << 20],
      [2, 'root', 33 << 20, 223 << 20],
    ]);
    const again = await runFarm(root, ['disk', '--size', '256M', '--out', join(root, 'two.img'), '--json']);
    expect(again.code, again.stderr).toBe(0);
    expect(lastJson<{ sha256: string }>(again.stdout).sha256).toBe(first.sha256);
    console.log(`[disk] 256 MiB image, the same bytes twice: sha256 ${first.sha256}`);

    const started = Date.now();
    const r = await runFarm(root, ['boot', '--disk', one, '--json', '--timeout', '300']);
    const report = lastJson<BootJson>(r.stdout);
    expect(r.code, JSON.stringify(report.verdict) + r.stderr).toBe(0);
    const checks = report.verdict?.checks ?? [];
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.name)).toEqual(expect.arrayContaining(['disk /', 'disk /boot', 'cmdline', 'services', 'pid1']));
    const serial = await readFile(report.log as string, 'utf8');
    // GRUB gave the kernel its command line (BOOT_IMAGE= is GRUB's); the kernel mounted / from sda2.
    expect(serial).toMatch(/Command line: BOOT_IMAGE=\/vmlinuz root=\/dev\/sda2 rw console=ttyS0,115200/);
    expect(serial).toMatch(/EXT4-fs \(sda2\): mounted filesystem/);
    console.log(`[disk] booted from disk under qemu: ${Math.round((Date.now() - started) / 1000)} s`);
    // The image booted was a copy: the one made is unchanged.
    const sum = await runFarm(root, ['disk', '--size', '256M', '--out', one, '--json']);
    expect(lastJson<{ sha256: string }>(sum.stdout).sha256).toBe(first.sha256);
    expect(await workspaceContainers(root, { stages: ['dev'] })).toEqual([]);
  }, 1_800_000);

  it('refuses a layout that does not fit, a missing kernel, and an install onto a regular file, before writing anything', async () => {
    const out = join(root, 'refused.img');
    const small = await runFarm(root, ['disk', '--size', '48M', '--out', out]);
    expect(small.code).toBe(25);
    expect(small.stderr).toMatch(/the layout does not fit in 48 MiB: \/boot 32 MiB, \/ at least \d+ MiB/);
    expect(small.stderr).toMatch(/give --size \d+M or more/);
    // A manifest without /boot/vmlinuz: a rootfs with no kernel.
    const manifest = JSON.parse(await readFile(join(root, 'workspace', 'preview.manifest.json'), 'utf8')) as { path: string }[];
    const withoutKernel = manifest.filter((e) => e.path !== 'boot/vmlinuz');
    expect(withoutKernel.length).toBe(manifest.length - 1);
    await writeFile(join(root, 'no-kernel.json'), JSON.stringify(withoutKernel));
    const noKernel = await runFarm(root, ['disk', preview, '--manifest', 'no-kernel.json', '--out', out]);
    expect(noKernel.code).toBe(25);
    expect(noKernel.stderr).toMatch(/no kernel: the rootfs has no \/boot\/vmlinuz and no --kernel was given/);
    const badKernel = await runFarm(root, ['disk', '--kernel', 'config.lua', '--out', out]);
    expect(badKernel.code).toBe(25);
    expect(badKernel.stderr).toMatch(/not a bzImage/);
    expect(existsSync(out)).toBe(false);
    const file = join(root, 'target.img');
    await writeFile(file, 'precious');
    const inst = await runFarm(root, ['install', preview, '--target', file]);
    expect(inst.code).toBe(27);
    expect(inst.stderr).toMatch(/is a regular file: install writes a whole disk/);
    expect(await readFile(file, 'utf8')).toBe('precious');
  }, 600_000);

  it('another layout: no /boot partition (GRUB on /), swap on partition 1, / on 2; swap in use after the boot', async () => {
    const config = (await readFile(join(root, 'config.lua'), 'utf8'))
      .replace('boot = { device = "/dev/sda1", type = "ext4", options = "defaults" }', 'boot = nil')
      .replace('    swap = nil,', '    swap = "/dev/sda1",');
    expect(config).toContain('swap = "/dev/sda1"');
    await writeFile(join(root, 'config.lua'), config);
    // Every package is cached: only the preview is assembled again with the new fstab and grub.cfg.
    const built = await runFarm(root, ['build', '--mirror', MIRROR, '--mirror', SECOND_MIRROR]);
    expect(built.code, built.stdout.slice(-2000)).toBe(0);
    expect(await readFile(join(preview, 'etc', 'fstab'), 'utf8')).toMatch(/^\/dev\/sda1\tnone\tswap\tsw\t0 0$/m);
    const image = join(root, 'swap.img');
    const made = await runFarm(root, ['disk', '--size', '256M', '--swap-size', '32M', '--out', image, '--json']);
    expect(made.code, made.stderr).toBe(0);
    const layout = lastJson<{ partitions: { number: number; role: string; type: string; size: number }[] }>(made.stdout);
    expect(layout.partitions.map((p) => [p.number, p.role, p.type, p.size])).toEqual([
      [1, 'swap', 'swap', 32 << 20],
      [2, 'root', 'ext4', 223 << 20],
    ]);
    const r = await runFarm(root, ['boot', '--disk', image, '--json', '--timeout', '300']);
    const report = lastJson<BootJson>(r.stdout);
    expect(r.code, JSON.stringify(report.verdict) + r.stderr).toBe(0);
    const names = (report.verdict?.checks ?? []).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['disk /', 'disk swap', 'cmdline']));
    expect(names).not.toContain('disk /boot');
    expect(await readFile(report.log as string, 'utf8')).toMatch(/Command line: BOOT_IMAGE=\/boot\/vmlinuz root=\/dev\/sda2 rw console=ttyS0,115200/);
  }, 900_000);
});
