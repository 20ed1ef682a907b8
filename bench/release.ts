// Wall time of dev, stage A, stage B and the comparison for the tiny profile,
// and how busy the cores were. Run: npx tsx bench/release.ts  (Docker + builder image)
import { readFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { makeRoot } from '../test/support/farm.js';

const REPO = resolve(import.meta.dirname, '..');
const MIRROR = process.env['STASIS_MIRROR'] ?? resolve(REPO, '..', 'shared', 'sources');

async function cpuTicks(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] as string;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

const root = await makeRoot();

const before = await cpuTicks();
const started = performance.now();
const child = spawn(process.execPath, [join(REPO, 'bin', 'stasis-farm.js'), 'release', '--profile', 'tiny', '--mirror', MIRROR, '--json'], {
  cwd: root,
  env: { ...process.env, CI: 'true' },
});
let stderr = '';
let stdout = '';
child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
const code = await new Promise<number>((r) => child.on('close', (c) => r(c ?? -1)));
const wall = performance.now() - started;
const after = await cpuTicks();
if (code !== 0) throw new Error(`release failed (${code}):\n${stderr.slice(-2000)}\n${stdout.slice(-2000)}`);
const events = stderr
  .split('\n')
  .filter((l) => l.startsWith('{'))
  .map((l) => JSON.parse(l) as { type: string; stage?: string; ms?: number; ts: string });
const stageMs = Object.fromEntries(events.filter((e) => e.type === 'stage-done').map((e): [string, number | undefined] => [e.stage ?? '', e.ms]));
const compareEvent = events.find((e) => e.type === 'info' && /^compare: \d+ ms/.test((e as { message?: string }).message ?? ''));
const compareMs = Number(/\d+/.exec((compareEvent as { message?: string } | undefined)?.message ?? '0')?.[0]);
const busy = (after.busy - before.busy) / (after.total - before.total);
const s = (ms: number | undefined): string => `${((ms ?? 0) / 1000).toFixed(1)} s`;
console.log(`tiny release on ${cpus().length} cores: dev ${s(stageMs['dev'])}, stage A ${s(stageMs['a'])}, stage B ${s(stageMs['b'])}, total ${s(wall)}`);
console.log(
  `compare A vs B (and dev vs A): ${compareMs} ms; stage images, dist and process start: ${s(wall - (stageMs['dev'] ?? 0) - (stageMs['a'] ?? 0) - (stageMs['b'] ?? 0) - compareMs)}`,
);
console.log(`cores busy ${(busy * 100).toFixed(0)}% of the wall time (all processes on the machine, from /proc/stat)`);
