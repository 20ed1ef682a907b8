import { execFile, spawn } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { prerequisite } from './prerequisite.js';

const exec = promisify(execFile);

/** A second engine of the test's own (a dockerd, or podman's API service): a real "remote" engine on this machine. */
export interface SecondEngine extends AsyncDisposable {
  /** DOCKER_HOST for it: unix://<dir>/d.sock. */
  readonly url: string;
  readonly pid: number;
  /** Its storage, run state, socket, config and log. */
  readonly dir: string;
  readonly docker: Docker;
  /** Stop it by its pid and remove its directory (idempotent). */
  stop(): Promise<void>;
  /** SIGKILL it now, as a crash would (stop() still cleans up after it). */
  kill(): void;
}

/**
 * Whether a second dockerd (or, with `command: 'podman'`, a podman API service) can be started
 * here: the binary, and root (it mounts and makes cgroups). Under CI their absence is a failure;
 * elsewhere the tests skip with a notice.
 */
export async function secondEngineReady(tests: string, command: 'dockerd' | 'podman' = 'dockerd'): Promise<boolean> {
  let problem: string | undefined;
  if (process.getuid?.() !== 0) problem = `a second engine (${command}) needs root`;
  else {
    await exec(command, ['--version']).catch((error: unknown) => {
      problem = `no ${command}: ${(error as Error).message}`;
    });
  }
  return prerequisite(tests, problem);
}

/**
 * Start another dockerd beside the machine's own: its own --data-root, --exec-root, --pidfile and
 * unix socket under a short directory in /tmp (a socket path has a ~100-byte limit, which the
 * test run's TMPDIR would pass), an empty config file (so /etc/docker/daemon.json cannot clash
 * with the flags), and no networking of its own (no bridge, iptables or masquerading: build
 * containers have no network). Resolves when it answers /_ping.
 */
export function startSecondEngine(options: { readonly timeoutMs?: number } = {}): Promise<SecondEngine> {
  return launch('dockerd', options.timeoutMs, (dir, socket) => {
    // prettier-ignore
    return [
      '--data-root', join(dir, 'data'), '--exec-root', join(dir, 'exec'), '--pidfile', join(dir, 'dockerd.pid'),
      '--config-file', join(dir, 'daemon.json'), '-H', `unix://${socket}`,
      '--iptables=false', '--ip-masq=false', '--bridge=none',
    ];
  });
}

/**
 * Start podman's Docker-compatible API service (`podman system service`) on a socket of the
 * test's own, with its image and container storage, run state and temporary files under the same
 * directory (nothing of the machine's podman storage is read or written). Resolves when it answers
 * /_ping; stop() ends it by its pid.
 */
export function startPodmanService(options: { readonly timeoutMs?: number } = {}): Promise<SecondEngine> {
  return launch('podman', options.timeoutMs, (dir, socket) => {
    // prettier-ignore
    return [
      '--root', join(dir, 'storage'), '--runroot', join(dir, 'run'), '--tmpdir', join(dir, 'tmp'),
      '--events-backend', 'file', 'system', 'service', '--time=0', `unix://${socket}`,
    ];
  });
}

async function launch(command: string, timeoutMs: number | undefined, argsFor: (dir: string, socket: string) => string[]): Promise<SecondEngine> {
  const dir = await mkdtemp('/tmp/se-');
  const socket = join(dir, 'd.sock');
  await writeFile(join(dir, 'daemon.json'), '{}\n');
  const log = openSync(join(dir, 'engine.log'), 'a');
  const child = spawn(command, argsFor(dir, socket), { stdio: ['ignore', log, log] });
  closeSync(log);
  let running = true;
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      running = false;
      resolve(code);
    }),
  );
  const pid = child.pid as number;
  const docker = new Docker({ socketPath: socket });
  const stop = once(() => stopEngine({ pid, exited, running: () => running }, dir));
  try {
    await untilAnswers(docker, exited, timeoutMs ?? 60_000);
  } catch (error) {
    const tail = (await readFile(join(dir, 'engine.log'), 'utf8').catch(() => '')).split('\n').slice(-20).join('\n');
    await stop();
    throw new Error(`${command} did not start: ${(error as Error).message}\n${tail}`, { cause: error });
  }
  const kill = (): void => {
    if (running) process.kill(pid, 'SIGKILL');
  };
  return { url: `unix://${socket}`, pid, dir, docker, stop, kill, [Symbol.asyncDispose]: stop };
}

async function untilAnswers(docker: Docker, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  let gone: number | null | undefined;
  void exited.then((code) => (gone = code));
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone !== undefined) throw new Error(`it exited with ${gone}`);
    try {
      await docker.ping();
      return;
    } catch {
      if (Date.now() > deadline) throw new Error(`no answer on /_ping within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** SIGTERM to its pid, SIGKILL after 30 s; then any mount it left under its directory, and the directory. */
async function stopEngine(engine: { readonly pid: number; readonly exited: Promise<unknown>; running(): boolean }, dir: string): Promise<void> {
  // The process is the test's own child: while it has not exited, its pid is still its own.
  if (engine.running()) {
    process.kill(engine.pid, 'SIGTERM');
    const stopped = await Promise.race([engine.exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 30_000).unref())]);
    if (!stopped && engine.running()) {
      process.kill(engine.pid, 'SIGKILL');
      await engine.exited;
    }
  }
  // A killed dockerd leaves its containerd and the shims of running containers, all named by paths under its directory.
  await killOrphans(dir);
  // A killed dockerd can leave overlay and netns mounts under its roots; deepest first.
  const mounts = (await readFile('/proc/self/mounts', 'utf8'))
    .split('\n')
    .map((line) => line.split(' ')[1] ?? '')
    .filter((m) => m.startsWith(`${dir}/`))
    .sort((a, b) => b.length - a.length);
  for (const m of mounts) await exec('umount', ['-l', m]).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
}

/**
 * What a killed engine leaves running: the processes of its containers (found by their cgroups,
 * named by the container ids under its data root; their cgroups are removed after) and every
 * process whose command line names a path under `dir` (its containerd and shims). All SIGKILLed.
 */
async function killOrphans(dir: string): Promise<void> {
  const containers = await readdir(join(dir, 'data', 'containers')).catch(() => [] as string[]);
  const cgroups = containers.flatMap((id) => ['pids', 'memory', 'cpu', 'cpuacct', 'blkio', 'freezer', 'devices', ''].map((c) => join('/sys/fs/cgroup', c, 'docker', id)));
  for (const cg of cgroups) {
    const procs = await readFile(join(cg, 'cgroup.procs'), 'utf8').catch(() => '');
    for (const p of procs.split('\n').filter((l) => l !== '')) killPid(Number(p));
  }
  const pids = (await readdir('/proc')).filter((p) => /^\d+$/.test(p) && Number(p) !== process.pid);
  for (const p of pids) {
    const cmdline = await readFile(`/proc/${p}/cmdline`, 'utf8').catch(() => '');
    if (cmdline.includes(`${dir}/`)) killPid(Number(p));
  }
  await new Promise((r) => setTimeout(r, 200));
  for (const cg of cgroups) await rmdir(cg).catch(() => undefined);
}

function killPid(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // gone already
  }
}

function once(f: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= f());
}
