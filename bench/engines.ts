// A real two-engine build against a one-engine build of the same packages on the same machine:
// the machine's engine with 2 slots (--jobs 2), then the machine's engine and a second dockerd
// of the bench's own with 1 slot each (--engine ... jobs=1, twice). Both have the same cores, so
// no speed-up is expected; the difference is the pool's overhead (a second engine, the builder
// already copied there). Whole `stasis-farm build` processes from a cold cache (sources kept),
// taking turns, median of N.
// Run: npx tsx bench/engines.ts [--profile tiny] [--runs 3]   (needs root, Docker, dockerd and the builder image)
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { median } from './stats.js';
import { makeRoot } from '../test/support/farm.js';
import { farmProcess } from './farm-process.js';
import { startSecondEngine } from '../test/support/second-engine.js';

const REPO = resolve(import.meta.dirname, '..');
const MIRROR = process.env['STASIS_MIRROR'] ?? resolve(REPO, '..', 'shared', 'sources');
const { values } = parseArgs({ options: { profile: { type: 'string', default: 'tiny' }, runs: { type: 'string', default: '3' } } });
const PROFILE = values.profile;
const RUNS = Number(values.runs);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`--runs: expected a positive integer, got "${values.runs}"`);

const farm = (root: string, args: string[]) => farmProcess(root, args, { STASIS_MIRROR: '' });

const root = await makeRoot();
const engine2 = await startSecondEngine();
try {
  const copied = await farm(root, ['image', 'copy', '--to', engine2.url]);
  if (copied.code !== 0) throw new Error(copied.stderr);
  const runs = {
    'one engine, --jobs 2': ['--jobs', '2'],
    'two engines, jobs=1 each': ['--engine', 'unix:///var/run/docker.sock name=local jobs=1', '--engine', `${engine2.url} name=engine2 jobs=1`],
  };
  const times = new Map<string, number[]>(Object.keys(runs).map((k) => [k, []]));
  const spread: string[] = [];
  // A first build fetches the sources into the store; every timed run starts from an empty cache.
  const warm = await farm(root, ['build', '--profile', PROFILE, '--mirror', MIRROR]);
  if (warm.code !== 0) throw new Error(warm.stderr);
  for (let i = 0; i < RUNS; i++) {
    for (const [label, extra] of Object.entries(runs)) {
      for (const dir of ['cache', 'preview', 'keys', 'logs', 'manifest.yaml', 'preview.manifest.json', 'preview.manifest.json.id']) {
        await rm(join(root, 'workspace', dir), { recursive: true, force: true });
      }
      const r = await farm(root, ['build', '--profile', PROFILE, '--mirror', MIRROR, '--json', ...extra]);
      if (r.code !== 0) throw new Error(`${label}: exit ${r.code}\n${r.stderr.slice(-2000)}`);
      times.get(label)?.push(r.ms);
      const summary = r.stdout.split('\n').find((l) => l.includes('"type":"summary"'));
      const on = summary === undefined ? undefined : (JSON.parse(summary) as { builtOn?: Record<string, string> }).builtOn;
      if (on !== undefined)
        spread.push(
          Object.entries(on)
            .map(([p, e]) => `${p}@${e}`)
            .sort()
            .join(' '),
        );
    }
  }
  const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
  console.log(`profile ${PROFILE}, cold builds (sources in the store), ${RUNS} run(s) each, taking turns`);
  for (const [label, list] of times) console.log(`  ${label.padEnd(28)} median ${s(median(list))}  (${list.map(s).join(', ')})`);
  const one = median(times.get('one engine, --jobs 2') ?? []);
  const two = median(times.get('two engines, jobs=1 each') ?? []);
  console.log(`  two engines / one engine: ${(two / one).toFixed(3)} (same 2 cores: the pool's overhead, not a speed-up)`);
  for (const line of new Set(spread)) console.log(`  where (two engines): ${line}`);
} finally {
  await engine2.stop();
  await rm(root, { recursive: true, force: true });
}
