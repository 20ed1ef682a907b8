// Per-package overhead of the farm against the same build script in a bare
// `docker run`, and the no-op rebuild time, side by side in one run.
// Run: npx tsx bench/build.ts [--pkg lua] [--runs 5]   (needs Docker and the builder image)
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { fmt, median } from './stats.js';
import { farmProcess } from './farm-process.js';
import { smallProfileConfig } from '../test/support/farm.js';

const exec = promisify(execFile);
const REPO = resolve(import.meta.dirname, '..');
const MIRROR = process.env['STASIS_MIRROR'] ?? resolve(REPO, '..', 'shared', 'sources');
const argOf = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] as string);
};
const PKG = argOf('pkg', 'lua');
const RUNS = Number(argOf('runs', '5'));

const farm = (root: string, args: string[]) => farmProcess(root, args);

// A Stasis tree with one package and a profile selecting it.
const root = await mkdtemp(join(tmpdir(), 'bench-build-'));
await cp(join(REPO, 'system', PKG), join(root, 'system', PKG), { recursive: true });
await mkdir(join(root, 'profiles'));
await writeFile(join(root, 'profiles', 'bench.lua'), `return { description = "bench", packages = { "${PKG}" } }\n`);
await writeFile(join(root, 'config.lua'), await smallProfileConfig());
await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
const recipeFile = join(root, 'system', PKG, 'pkg.lua');
const original = await readFile(recipeFile, 'utf8');

// The recipe as the farm sees it: its build script, source and environment.
const { loadConfig } = await import('../farm/config/index.js');
const { loadRecipes } = await import('../farm/recipe/index.js');
const { buildEnv } = await import('../farm/pkgbuild/env.js');
const { toolchainEnv } = await import('../farm/toolchain/index.js');
const { renderRunScript } = await import('../farm/pkgbuild/script.js');
const { STRIP_SCRIPT } = await import('../farm/pkgbuild/strip.js');
const config = await loadConfig(root);
const evaluated = (await loadRecipes(root, config, { stage: 'dev' })).get(PKG);
if (evaluated === undefined || evaluated.recipe.buildDeps.length > 0) throw new Error(`${PKG}: pick a package without build dependencies`);
const first = evaluated.recipe.sources[0];
if (first === undefined) throw new Error(`${PKG} has no source`);
const env = buildEnv({
  recipe: evaluated.recipe,
  stage: 'dev',
  sourceDateEpoch: config.defaults.sourceDateEpoch,
  toolchain: toolchainEnv(config.defaults, { cc: 'musl-gcc' }),
});

const bareDir = await mkdtemp(join(tmpdir(), 'bench-bare-'));
await mkdir(join(bareDir, 'src'));
await exec('tar', ['-xf', join(MIRROR, first.file), '-C', join(bareDir, 'src')]);
const top = (await exec('ls', [join(bareDir, 'src')])).stdout.trim().split('\n')[0] as string;
await writeFile(join(bareDir, 'build.sh'), evaluated.recipe.build);
await writeFile(join(bareDir, 'run.sh'), renderRunScript({ cwd: `/build/src/${top}`, patches: [], strip: evaluated.recipe.strip, jobs: 2 }));
await writeFile(join(bareDir, 'strip.sh'), STRIP_SCRIPT);

async function bare(): Promise<number> {
  const work = await mkdtemp(join(tmpdir(), 'bench-bare-run-'));
  await cp(bareDir, work, { recursive: true });
  const args = [
    'run',
    '--rm',
    '--network',
    'none',
    '--cap-drop',
    'ALL',
    '--cap-add',
    'CHOWN',
    '--cap-add',
    'DAC_OVERRIDE',
    '--cap-add',
    'FOWNER',
    '--security-opt',
    'no-new-privileges',
    '-v',
    `${work}:/build`,
    '-w',
    '/build',
  ];
  for (const [k, v] of Object.entries(env)) args.push('-e', `${k}=${v}`);
  args.push('stasis-builder:debian-musl', '/bin/sh', '/build/run.sh');
  const started = performance.now();
  await exec('docker', args, { maxBuffer: 64 << 20 });
  const ms = performance.now() - started;
  await rm(work, { recursive: true, force: true });
  return ms;
}

const perPackage: number[] = [];
async function farmBuild(run: number): Promise<number> {
  // A comment in the recipe changes its key, so the package is really rebuilt.
  await writeFile(recipeFile, `${original}\n-- bench run ${run} ${Date.now()}\n`);
  const r = await farm(root, ['build', '--profile', 'bench', '--mirror', MIRROR, '--json']);
  if (r.code !== 0) throw new Error(r.stderr);
  // build-start -> build-done: container, inputs in, run, output out, normalize, cache.
  const done = r.stderr
    .split('\n')
    .map((l) => (l.startsWith('{') ? (JSON.parse(l) as { type: string; ms?: number }) : undefined))
    .find((e) => e?.type === 'build-done');
  if (run >= 0 && done?.ms !== undefined) perPackage.push(done.ms);
  return r.ms;
}

await farmBuild(-1); // fetch the source, warm caches
await bare();
const farmTimes: number[] = [];
const bareTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  farmTimes.push(await farmBuild(i));
  bareTimes.push(await bare());
}
const noop: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const r = await farm(root, ['build', '--profile', 'bench', '--mirror', MIRROR]);
  if (r.code !== 0) throw new Error(r.stderr);
  noop.push(r.ms);
}
const f = median(farmTimes);
const p = median(perPackage);
const b = median(bareTimes);
console.log(`${PKG}: same script in a bare docker run (bind-mounted source, same env):    median ${fmt(b)}`);
console.log(
  `${PKG}: farm, per package (container, tar in/out, normalize, hash, cache):   median ${fmt(p)}  -> overhead ${fmt(p - b)}, ratio ${(p / b).toFixed(3)} (targets: < 300 ms, <= 1.15)`,
);
console.log(`${PKG}: farm, whole CLI process (+ Lua evaluation, engine checks, assembly): median ${fmt(f)}  -> ratio ${(f / b).toFixed(3)}`);
console.log(`no-op rebuild (whole CLI process, nothing to build): median ${fmt(median(noop))} over ${RUNS} runs (target < 1 s)`);
await rm(root, { recursive: true, force: true });
await rm(bareDir, { recursive: true, force: true });
