// Boot time as a user sees it: 5 whole `node bin/stasis-farm.js boot` processes,
// timed to the first nonce-tagged line of the guest's check service (the guest
// is up and checking) and to the process's exit; medians. Needs the built CLI
// (npm run build), qemu and a kernel (STASIS_KERNEL, else .ci/harness-kernel).
// Run: npx tsx bench/boot.ts [ROOTFS|TARBALL]   (default: a busybox fixture rootfs,
// or STASIS_BOOT_ROOTFS)
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { busyboxNodes, staticBusybox, writeFixture } from '../test/boot/fixture.js';
import { fmt, median } from './stats.js';

const REPO = resolve(import.meta.dirname, '..');
const RUNS = 5;

const kernel = process.env['STASIS_KERNEL'] ?? execFileSync('bash', [join(REPO, '.ci', 'harness-kernel')], { encoding: 'utf8' }).trim();
// Resolved here: the runs start in a throw-away project root.
const given = process.argv[2] ?? process.env['STASIS_BOOT_ROOTFS'];
let rootfs = given === undefined ? undefined : resolve(given);
if (rootfs === undefined) {
  const busybox = staticBusybox();
  if (busybox === undefined) throw new Error('no rootfs given and no static busybox for a fixture (apt-get install busybox-static)');
  rootfs = (await writeFixture(busyboxNodes(busybox, 'check'))).dir;
}
if (!existsSync(join(REPO, 'dist', 'farm', 'cli', 'main.js'))) throw new Error('build the CLI first: npm run build');

interface Run {
  readonly toNonce: number;
  readonly total: number;
  readonly code: number | null;
}

async function once(): Promise<Run> {
  const root = await mkdtemp(join(tmpdir(), 'bench-boot-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO, 'bin', 'stasis-farm.js'), '--json', 'boot', rootfs as string, '--kernel', kernel], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, CI: 'true' },
  });
  let toNonce = Number.NaN;
  let buffered = '';
  child.stderr.on('data', (c: Buffer) => {
    buffered += c.toString();
    if (Number.isNaN(toNonce) && buffered.includes('"type":"boot-check"')) toNonce = performance.now() - started;
  });
  const code = await new Promise<number | null>((r) => child.on('close', r));
  return { toNonce, total: performance.now() - started, code };
}

console.log(`rootfs ${rootfs}\nkernel ${kernel}\naccel  ${existsSync('/dev/kvm') ? 'kvm if usable' : 'tcg (no /dev/kvm)'}`);
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await once();
  runs.push(r);
  console.log(`run ${i + 1}: first check line after ${fmt(r.toNonce)}, exit ${r.code} after ${fmt(r.total)}`);
}
console.log(`median of ${RUNS}: to the nonce ${fmt(median(runs.map((r) => r.toNonce)))}; whole process ${fmt(median(runs.map((r) => r.total)))}`);
