import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, symlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RootfsEntry } from '../../farm/rootfs/merge.js';

/** A path of a fixture rootfs: a directory, a file with its content, or a symlink. */
export type FixtureNode =
  | { readonly path: string; readonly type: 'dir'; readonly mode?: number }
  | { readonly path: string; readonly type: 'file'; readonly content: string | Buffer; readonly mode?: number; readonly package?: string }
  | { readonly path: string; readonly type: 'symlink'; readonly target: string; readonly package?: string }
  | { readonly path: string; readonly type: 'hardlink'; readonly target: string }
  | { readonly path: string; readonly type: 'fifo'; readonly mode?: number };

/** Write a rootfs directory and its farm manifest beside it (`<dir>.manifest.json`), as a stage preview is. */
export async function writeFixture(nodes: readonly FixtureNode[]): Promise<{ readonly dir: string; readonly manifest: string; readonly entries: RootfsEntry[] }> {
  const base = await mkdtemp(join(tmpdir(), 'boot-fixture-'));
  const dir = join(base, 'rootfs');
  await mkdir(dir);
  const entries: RootfsEntry[] = [];
  const sizes = new Map<string, { size: number; sha256: string }>();
  for (const n of [...nodes].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const full = join(dir, n.path);
    await mkdir(dirname(full), { recursive: true });
    const pkg = 'package' in n && n.package !== undefined ? n.package : 'fixture';
    if (n.type === 'dir') {
      await mkdir(full, { recursive: true });
      entries.push({ path: n.path, type: 'dir', mode: n.mode ?? 0o755, uid: 0, gid: 0, size: 0, package: pkg });
    } else if (n.type === 'file') {
      const body = Buffer.from(n.content);
      await writeFile(full, body);
      await chmod(full, (n.mode ?? 0o644) & 0o777);
      const sha256 = createHash('sha256').update(body).digest('hex');
      sizes.set(n.path, { size: body.length, sha256 });
      entries.push({ path: n.path, type: 'file', mode: n.mode ?? 0o644, uid: 0, gid: 0, size: body.length, sha256, package: pkg });
    } else if (n.type === 'symlink') {
      await symlink(n.target, full);
      entries.push({ path: n.path, type: 'symlink', mode: 0o777, uid: 0, gid: 0, size: 0, target: n.target, package: pkg });
    } else if (n.type === 'fifo') {
      execFileSync('mkfifo', ['-m', ((n.mode ?? 0o600) & 0o777).toString(8), full]);
      entries.push({ path: n.path, type: 'fifo', mode: n.mode ?? 0o600, uid: 0, gid: 0, size: 0, package: pkg });
    } else {
      const t = sizes.get(n.target);
      entries.push({ path: n.path, type: 'hardlink', mode: 0o755, uid: 0, gid: 0, size: t?.size ?? 0, target: n.target, package: pkg });
    }
  }
  const manifest = `${dir}.manifest.json`;
  await writeFile(manifest, JSON.stringify(entries));
  return { dir, manifest, entries };
}

/** The host's static busybox (apt-get install busybox-static), or undefined. */
export function staticBusybox(): Buffer | undefined {
  for (const p of ['/bin/busybox', '/usr/bin/busybox']) {
    if (!existsSync(p)) continue;
    const out = execFileSync('file', ['-L', p], { encoding: 'utf8' });
    if (/statically linked|static-pie/.test(out)) return readFileSync(p);
  }
  return undefined;
}

export type FixtureInit =
  /** busybox init runs the check service's script from inittab (no s6 here). */
  | 'check'
  /** busybox init that never does anything: a boot that times out. */
  | 'idle'
  /** no /sbin/init at all: the kernel panics. */
  | 'none';

/**
 * A tiny rootfs around a static busybox: every applet as a symlink, /etc/hostname,
 * /etc/stasis/cmdline, and an init as asked. No s6: enough for panic, timeout,
 * bad kernel and a check that fails (PID 1 is not s6-svscan).
 */
export function busyboxNodes(busybox: Buffer, init: FixtureInit, options: { readonly cmdline?: string } = {}): FixtureNode[] {
  const applets = execFileSync('/bin/busybox', ['--list-full'], { encoding: 'utf8' })
    .split('\n')
    .filter((a) => a !== '' && a !== 'bin/busybox' && !a.startsWith('linuxrc'));
  const nodes: FixtureNode[] = [
    ...['bin', 'sbin', 'usr', 'usr/bin', 'usr/sbin', 'etc', 'etc/stasis', 'proc', 'sys', 'dev', 'run', 'tmp', 'root'].map((path): FixtureNode => ({ path, type: 'dir' })),
    { path: 'bin/busybox', type: 'file', content: busybox, mode: 0o755, package: 'busybox' },
    ...applets.filter((a) => init !== 'none' || a !== 'sbin/init').map((a): FixtureNode => ({ path: a, type: 'symlink', target: '/bin/busybox', package: 'busybox' })),
    { path: 'etc/hostname', type: 'file', content: 'stasis-fixture\n' },
    { path: 'etc/stasis/cmdline', type: 'file', content: `${options.cmdline ?? 'root=/dev/sda1 rw quiet'}\n` },
  ];
  const mounts = [
    '::sysinit:/bin/mount -t proc proc /proc',
    '::sysinit:/bin/mount -t sysfs sys /sys',
    '::sysinit:/bin/mount -t devtmpfs dev /dev',
    '::sysinit:/bin/mount -t tmpfs run /run',
    '::sysinit:/bin/hostname -F /etc/hostname',
  ];
  if (init === 'check')
    nodes.push({ path: 'etc/inittab', type: 'file', content: [...mounts, '::once:/etc/s6-linux-init/current/run-image/service/stasis-check/run', ''].join('\n') });
  if (init === 'idle') nodes.push({ path: 'etc/inittab', type: 'file', content: [...mounts, '::sysinit:/bin/echo idling', ''].join('\n') });
  return nodes;
}
