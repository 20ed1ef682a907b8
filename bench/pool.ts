// The engine pool's scheduler against what no scheduler can beat: a profile's build replayed
// (bench/pool-sim.ts) with the recorded duration of each package on 1, 2, 4 and 8 engines of 2
// slots, its simulated makespan beside the lower bound max(critical path, total work / slots).
// Target: within 10 % of the bound at every count.
// The graph is the farm's own (project's loadProject over a scratch copy of the tree's system/ and
// profiles/), builder tools and pulled-in packages included. Durations: --durations FILE (a
// manifest.yaml or a status table), else the tree's workspace/manifest.yaml, else this checkout's
// docs/status.md (`stasis-farm status --write` from real runs). A package with none recorded gets
// their median. No container engine is asked.
// Run: npm run bench:pool -- [--profile base] [--root DIR] [--durations FILE]
import { existsSync } from 'node:fs';
import { copyFile, cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadProject } from '../farm/project/load.js';
import { formatMs } from '../farm/report/index.js';
import { workspacePaths } from '../farm/workspace/paths.js';
import { smallProfileConfig } from '../test/support/farm.js';
import { lowerBound, simulate } from './pool-sim.js';
import { readDurations } from './recorded-durations.js';
import { median } from './stats.js';

const REPO = resolve(import.meta.dirname, '..');
const ENGINES = [1, 2, 4, 8];
const SLOTS = 2;
const TARGET = 1.1;

const { values } = parseArgs({
  options: {
    profile: { type: 'string', default: 'base' },
    root: { type: 'string', default: REPO },
    durations: { type: 'string' },
  },
});
const tree = resolve(values.root);

/**
 * A scratch copy of the tree's system/ and profiles/ with its config.lua and default.lua, or the
 * examples where it has none (config.lua's without services or interfaces: they select no package,
 * and a small profile lacks their packages).
 */
async function projectRoot(): Promise<{ root: string; examples: boolean }> {
  const root = await mkdtemp(join(tmpdir(), 'bench-pool-'));
  for (const sub of ['system', 'profiles']) await cp(join(tree, sub), join(root, sub), { recursive: true });
  const examples = !(existsSync(join(tree, 'config.lua')) && existsSync(join(tree, 'default.lua')));
  if (examples) {
    await writeFile(join(root, 'config.lua'), await smallProfileConfig());
    await copyFile(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
  } else for (const f of ['config.lua', 'default.lua']) await copyFile(join(tree, f), join(root, f));
  return { root, examples };
}

const scratch = await projectRoot();
const project = await loadProject(scratch.root, { profile: values.profile, evalCache: false }).finally(() => rm(scratch.root, { recursive: true, force: true }));
const { order, sysroot } = project.order;

const manifest = workspacePaths(tree, 'dev').manifest;
const source = values.durations !== undefined ? resolve(values.durations) : existsSync(manifest) ? manifest : join(REPO, 'docs', 'status.md');
const recorded = await readDurations(source);
const known = order.filter((pkg) => recorded.has(pkg));
if (known.length === 0) throw new Error(`${source}: no build time recorded for any package of profile ${values.profile}`);
const estimate = median(known.map((pkg) => recorded.get(pkg) as number));
const estimated = order.filter((pkg) => !recorded.has(pkg));
const durations = new Map(order.map((pkg) => [pkg, recorded.get(pkg) ?? estimate]));

const shown = (path: string): string => (path.startsWith(REPO) ? relative(REPO, path) : path);
console.log(`profile ${values.profile} of ${tree}${scratch.examples ? ' (the example configs stand in for config.lua and default.lua)' : ''}: ${order.length} packages`);
console.log(`durations: ${shown(source)}, recorded for ${known.length} of them`);
console.log(`estimated at the recorded median (${formatMs(estimate)}): ${estimated.length}${estimated.length > 0 ? ` (${estimated.join(', ')})` : ''}`);

const { criticalPath, work } = lowerBound({ order, sysroot, durations }, 1);
console.log(`total work ${formatMs(work)}, critical path ${formatMs(criticalPath)}\n`);

const header = ['engines', 'slots', 'makespan', 'bound', 'ratio', 'within 10 %'];
const widths = [7, 5, 10, 10, 6, 11];
const line = (cells: readonly string[]): string => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
console.log(line(header));
let allWithin = true;
for (const count of ENGINES) {
  const engines = Array.from({ length: count }, (_, i) => ({ name: i === 0 ? 'local' : `engine${i + 1}`, slots: SLOTS }));
  const slots = count * SLOTS;
  const { makespan } = simulate({ order, sysroot, durations, engines });
  const { bound } = lowerBound({ order, sysroot, durations }, slots);
  const ratio = bound === 0 ? 1 : makespan / bound;
  allWithin &&= ratio <= TARGET;
  console.log(line([String(count), String(slots), formatMs(makespan), formatMs(bound), ratio.toFixed(3), ratio <= TARGET ? 'yes' : 'no']));
}
console.log(`\n${allWithin ? 'every count within 10 % of its bound' : 'not every count within 10 % of its bound'}`);
