// Wall time of dev, stage A, stage B and the comparison for the tiny profile (or, with --profile
// boot, the boot profile with configs/boot.config.lua, not booted), and how busy the cores were,
// each run a whole `stasis-farm release --profile P` in a fresh project root (every
// stage built from nothing). With several --cli, the CLIs take turns within each round, so a busy
// machine weighs on them alike; the summary gives each one's medians. Each CLI builds the recipes
// of its own checkout (its system/ and profiles/), so a before/after pair measures recipe changes too.
// Run: npx tsx bench/release.ts [--runs 1] [--profile tiny|boot] [--cli LABEL=path/to/bin/stasis-farm.js]...  (Docker + builder image)
import { readFile, rm } from 'node:fs/promises';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { makeRoot } from '../test/support/farm.js';
import { benchClis, countOption } from './farm-process.js';
import { median } from './stats.js';

const REPO = resolve(import.meta.dirname, '..');
const MIRROR = process.env['STASIS_MIRROR'] ?? resolve(REPO, '..', 'shared', 'sources');

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '1' }, profile: { type: 'string', default: 'tiny' }, cli: { type: 'string', multiple: true } },
});
const profile = values.profile;
if (profile !== 'tiny' && profile !== 'boot') throw new Error(`--profile: tiny or boot, not "${profile}"`);
const runs = countOption('runs', values.runs, 1);
const clis = benchClis(values.cli);

async function cpuTicks(): Promise<{ busy: number; total: number }> {
  const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] as string;
  const v = line.trim().split(/\s+/).slice(1).map(Number);
  const idle = (v[3] ?? 0) + (v[4] ?? 0);
  const total = v.reduce((a, b) => a + b, 0);
  return { busy: total - idle, total };
}

interface Run {
  readonly wall: number;
  readonly busy: number;
  readonly stageMs: Record<string, number | undefined>;
  readonly compareMs: number;
}

/** One release of the profile by `cli` in a fresh root (removed afterwards), with the recipes of the CLI's checkout. */
async function release(cli: string): Promise<Run> {
  const recipesFrom = resolve(cli, '..', '..');
  const root = await makeRoot(profile === 'boot' ? { config: 'boot', recipesFrom } : { recipesFrom });
  try {
    const before = await cpuTicks();
    const started = performance.now();
    const child = spawn(process.execPath, [cli, 'release', '--profile', profile, '--mirror', MIRROR, '--json'], { cwd: root, env: { ...process.env, CI: 'true' } });
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
      .map((l) => JSON.parse(l) as { type: string; stage?: string; ms?: number; message?: string });
    const stageMs = Object.fromEntries(events.filter((e) => e.type === 'stage-done').map((e): [string, number | undefined] => [e.stage ?? '', e.ms]));
    const compareEvent = events.find((e) => e.type === 'info' && /^compare: \d+ ms/.test(e.message ?? ''));
    const compareMs = Number(/\d+/.exec(compareEvent?.message ?? '0')?.[0]);
    return { wall, busy: (after.busy - before.busy) / (after.total - before.total), stageMs, compareMs };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

const s = (ms: number | undefined): string => `${((ms ?? 0) / 1000).toFixed(1)} s`;
const results = new Map<string, Run[]>(clis.map((c) => [c.label, []]));
for (let round = 1; round <= runs; round++) {
  for (const { label, path } of clis) {
    const r = await release(path);
    (results.get(label) as Run[]).push(r);
    const { dev, a, b } = r.stageMs;
    const rest = r.wall - (dev ?? 0) - (a ?? 0) - (b ?? 0) - r.compareMs;
    console.log(
      `round ${round} ${label}: dev ${s(dev)}, stage A ${s(a)}, stage B ${s(b)}, compare ${r.compareMs} ms, stage images, dist and start ${s(rest)}; ` +
        `total ${s(r.wall)}, cores busy ${(r.busy * 100).toFixed(1)} %`,
    );
  }
}
console.log(`${profile} release on ${cpus().length} cores (cores busy: all processes on the machine, from /proc/stat); medians of ${runs}:`);
for (const [label, rs] of results) {
  console.log(`  ${label}: total ${s(median(rs.map((r) => r.wall)))}, cores busy ${(median(rs.map((r) => r.busy)) * 100).toFixed(1)} %`);
}
