// The real-VM tier of `stasis-farm boot`: real qemu (TCG without /dev/kvm), the
// harness kernel (.ci/harness-kernel), a fixture rootfs around the host's static
// busybox. Needs no Docker. Skips with a notice without qemu/busybox-static;
// under CI their absence is a failure (.ci/run installs them).
// STASIS_BOOT_ROOTFS=<dir> (with <dir>.manifest.json, or a release tarball)
// adds the pass path against a real s6 rootfs (the `boot` profile).
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { missingKernelOptions, REQUIRED_KERNEL_OPTIONS } from '../../farm/boot/kernel-config.js';
import { REPO, runFarm } from '../support/farm.js';
import { busyboxNodes, staticBusybox, writeFixture, type FixtureInit } from '../boot/fixture.js';

function tierProblem(): string | undefined {
  if (!existsSync('/usr/bin/qemu-system-x86_64')) return 'qemu-system-x86_64 missing (apt-get install qemu-system-x86)';
  if (staticBusybox() === undefined) return 'no static busybox (apt-get install busybox-static)';
  return undefined;
}
const problem = tierProblem();
if (problem !== undefined && process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false')
  throw new Error(`boot tier cannot run in CI: ${problem}`);
if (problem !== undefined) console.warn(`\n[boot tier skipped] ${problem}\n`);

const kernel = (): string => process.env['STASIS_KERNEL'] ?? execFileSync('bash', [join(REPO, '.ci', 'harness-kernel')], { encoding: 'utf8' }).trim();

async function fixture(init: FixtureInit, cmdline?: string): Promise<string> {
  return (await writeFixture(busyboxNodes(staticBusybox() as Buffer, init, { cmdline }))).dir;
}

/** qemu processes whose arguments mention `root` (each test has its own project root). */
function qemuUnder(root: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l.includes('qemu-system-x86_64') && l.includes(root));
}

async function boot(rootfs: string, args: string[] = [], env: Record<string, string> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'boot-root-'));
  const started = Date.now();
  const r = await runFarm(root, ['--json', 'boot', rootfs, '--kernel', kernel(), ...args], env);
  const ms = Date.now() - started;
  const json = r.stdout.trim() === '' ? undefined : (JSON.parse(r.stdout) as { verdict: { kind: string } & Record<string, unknown>; log?: string });
  expect(qemuUnder(root), 'no qemu is left behind').toEqual([]);
  return { ...r, json, ms, root };
}

describe.skipIf(problem !== undefined)('stasis-farm boot with real qemu', () => {
  it('the harness kernel has every option docs/boot.md requires built in (=y)', () => {
    const boot = dirname(kernel());
    const config = readdirSync(boot).find((f) => f.startsWith('config-'));
    expect(config, `no config-* beside the harness kernel in ${boot}`).toBeDefined();
    expect(missingKernelOptions(readFileSync(join(boot, config as string), 'utf8'))).toEqual([]);
    const doc = readFileSync(join(REPO, 'docs', 'boot.md'), 'utf8');
    for (const option of Object.keys(REQUIRED_KERNEL_OPTIONS)) expect(doc).toContain(`CONFIG_${option}`);
  });

  it('a failing check: exit 10, naming the check (busybox init, so PID 1 is not s6-svscan)', async () => {
    const r = await boot(await fixture('check'));
    expect(r.code, r.stderr).toBe(10);
    expect(r.json?.verdict).toMatchObject({ kind: 'check-failed', failed: [{ name: 'pid1', detail: "PID 1 is 'init', not s6-svscan" }] });
    const checks = (r.json?.verdict['checks'] ?? []) as { name: string; ok: boolean }[];
    expect(checks.filter((c) => c.ok).map((c) => c.name)).toEqual(['hostname', 'services', 'mount /proc', 'mount /sys', 'mount /dev', 'mount /run', 'probe busybox']);
    expect(existsSync(r.json?.log ?? '')).toBe(true);
    console.log(`[boot tier] failing check: ${r.ms} ms`);
  });

  it('a kernel panic: exit 11 with the panic lines (rdinit=/nonexistent from /etc/stasis/cmdline)', async () => {
    const r = await boot(await fixture('check', 'root=/dev/sda1 rw rdinit=/nonexistent'));
    expect(r.code, r.stderr).toBe(11);
    const lines = (r.json?.verdict['lines'] ?? []) as string[];
    expect(lines.join('\n')).toMatch(/Kernel panic - not syncing: VFS: Unable to mount root fs/);
    console.log(`[boot tier] panic: ${r.ms} ms`);
  });

  it('a guest that never answers: exit 12 at --timeout with the last serial lines, the VM stopped', async () => {
    const r = await boot(await fixture('idle', 'root=/dev/sda1 rw'), ['--timeout', '25']);
    expect(r.code, r.stderr).toBe(12);
    expect(r.json?.verdict).toMatchObject({ kind: 'timeout', seconds: 25 });
    expect((r.json?.verdict['lastLines'] as string[]).join('\n')).toMatch(/idling/);
  });

  it('a kernel file that is not a bzImage: exit 15 before qemu starts', async () => {
    const bad = join(await mkdtemp(join(tmpdir(), 'kernel-')), 'vmlinuz');
    await writeFile(bad, 'this is not a kernel\n');
    const root = await mkdtemp(join(tmpdir(), 'boot-root-'));
    const r = await runFarm(root, ['boot', await fixture('check'), '--kernel', bad]);
    expect(r.code).toBe(15);
    expect(r.stderr).toMatch(/not a bzImage/);
    expect(r.stderr).toMatch(/harness-kernel/);
  });

  it('SIGINT during a boot stops the VM: exit 130, no qemu left', async () => {
    const root = await mkdtemp(join(tmpdir(), 'boot-root-'));
    const child = spawn(process.execPath, [join(REPO, 'bin', 'stasis-farm.js'), 'boot', await fixture('idle'), '--kernel', kernel()], {
      cwd: root,
      env: { ...process.env, NO_COLOR: '1', CI: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
      if (/serial /.test(stderr) && qemuUnder(root).length > 0) child.kill('SIGINT');
    });
    const code = await new Promise<number | null>((r) => child.on('close', r));
    expect(code, stderr).toBe(130);
    expect(qemuUnder(root)).toEqual([]);
  });

  const real = process.env['STASIS_BOOT_ROOTFS'];
  it.skipIf(real === undefined)('the pass path: a real s6 rootfs boots, every check passes, it powers off (exit 0)', async () => {
    const r = await boot(real as string, ['--timeout', '180']);
    expect(r.code, JSON.stringify(r.json?.verdict, null, 1)).toBe(0);
    console.log(`[boot tier] pass: ${r.ms} ms\n${r.stderr}`);
  });
});
