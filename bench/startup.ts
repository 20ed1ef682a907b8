// Start-up as a user sees it: whole `node bin/stasis-farm.js ...` processes (Node's own start-up
// included), each command run N times, its median and its ratio to `node -e 0` (Node alone) measured
// in the same rounds. The commands: --version, --help, and graph and plan of the base profile over a
// scratch copy of the recipes: with the evaluation cache warm (the usual run), cold (its directory
// removed before each run: every Lua file evaluated) and after a comment edit of one recipe (that
// recipe evaluated again). No container engine is asked: DOCKER_HOST names a socket that does not
// exist, so plan computes its keys for an unresolved builder (and says so on stderr), as it does
// without one. With --engine, plan asks the engine the environment names (DOCKER_HOST, else the
// local socket) as a user's plan does: it pings it and inspects the builder image, and a run in
// which it could not (a warning on stderr) fails the bench.
// With several --cli, the CLIs take turns within each round, so a busy machine weighs on them alike.
// Needs the built CLI (npm run build).
// --warmups N rounds go unrecorded first (default 1); --case NAME, repeated, runs only those cases.
// --build-root DIR adds the case 'build, all cached': `build` of that tree's configured profile in
// that tree itself (its workspace, which must hold every package built and the preview assembled:
// the bench fails when the run built or assembled anything), asking the engine as a user's build does.
// Run: npm run bench -- [--runs 7] [--warmups 1] [--root DIR] [--engine] [--build-root DIR] [--case NAME]... [--cli LABEL=path/to/bin/stasis-farm.js]...
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, copyFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { benchClis, countOption } from './farm-process.js';
import { fmt, median } from './stats.js';

const REPO = resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    root: { type: 'string', default: REPO },
    cli: { type: 'string', multiple: true },
    engine: { type: 'boolean', default: false },
    warmups: { type: 'string', default: '1' },
    case: { type: 'string', multiple: true },
    'build-root': { type: 'string' },
  },
});
const buildRoot = values['build-root'] === undefined ? undefined : resolve(values['build-root']);
const withEngine = values.engine;
const runs = countOption('runs', values.runs, 1);
const warmups = countOption('warmups', values.warmups, 0);

/** The CLIs measured, by label: this checkout's by default. */
const clis = benchClis(values.cli);

/**
 * A scratch copy of the tree graph and plan read, which the cases may edit: its system/ and
 * profiles/, and its config.lua and default.lua (the examples where it has none). Each CLI has
 * its own, so one's evaluation cache (or its removal) never meets another's runs.
 */
async function projectRoot(dir: string): Promise<{ root: string; examples: boolean }> {
  const root = await mkdtemp(join(tmpdir(), 'bench-startup-'));
  for (const sub of ['system', 'profiles']) await cp(join(dir, sub), join(root, sub), { recursive: true });
  const examples = !(existsSync(join(dir, 'config.lua')) && existsSync(join(dir, 'default.lua')));
  for (const f of ['config.lua', 'default.lua']) await copyFile(examples ? join(REPO, 'configs', `${f}.example`) : join(dir, f), join(root, f));
  return { root, examples };
}

const tree = resolve(values.root);
const roots = new Map<string, string>();
let examples = false;
for (const c of clis) {
  const made = await projectRoot(tree);
  roots.set(c.label, made.root);
  examples = made.examples;
}
let edits = 0;

/** A command in a project root, and what to do there (untimed) before each of its runs. */
interface Case {
  readonly name: string;
  readonly args: (root: string) => readonly string[];
  readonly before?: (root: string) => Promise<void>;
  /** Checks a run's stdout; a message fails the bench. */
  readonly check?: (stdout: string) => string | undefined;
  /** Runs with the engine whatever --engine says. */
  readonly engine?: boolean;
}
/** A no-op build prints no build, no assembly: a line `build <pkg>` or `assembled` says it was not one. */
const NOT_NO_OP = /^(build|assembled|fetched)\s/m;
const ALL_CASES: readonly Case[] = [
  { name: '--version', args: () => ['--version'] },
  { name: '--help', args: () => ['--help'] },
  { name: 'graph --profile base', args: (root) => ['--root', root, 'graph', '--profile', 'base'] },
  { name: 'plan --profile base', args: (root) => ['--root', root, 'plan', '--profile', 'base'] },
  {
    name: 'graph, cold eval cache',
    args: (root) => ['--root', root, 'graph', '--profile', 'base'],
    before: (root) => rm(join(root, 'workspace', 'eval-cache'), { recursive: true, force: true }),
  },
  {
    name: 'plan, 1 recipe edited',
    args: (root) => ['--root', root, 'plan', '--profile', 'base'],
    before: (root) => appendFile(join(root, 'system', 'zlib', 'pkg.lua'), `-- edit ${++edits}\n`),
  },
  ...(buildRoot === undefined
    ? []
    : [
        {
          name: 'build, all cached',
          args: () => ['--root', buildRoot, 'build'],
          check: (stdout: string) => (NOT_NO_OP.test(stdout) ? `not a no-op build in ${buildRoot}:\n${stdout}` : undefined),
          engine: true,
        },
      ]),
];
for (const name of values.case ?? []) {
  if (!ALL_CASES.some((c) => c.name === name)) throw new Error(`--case: no case "${name}" (${ALL_CASES.map((c) => c.name).join(', ')})`);
}
const CASES = values.case === undefined ? ALL_CASES : ALL_CASES.filter((c) => values.case?.includes(c.name));

// No colour, no live view, no engine unless --engine; nothing inherited that would load more into Node.
const env: Record<string, string | undefined> = {
  ...process.env,
  NO_COLOR: '1',
  CI: 'true',
  DOCKER_HOST: withEngine ? process.env['DOCKER_HOST'] : 'unix:///nonexistent/stasis-bench.sock',
};
delete env['NODE_OPTIONS'];
delete env['FORCE_COLOR'];
if (env['DOCKER_HOST'] === undefined) delete env['DOCKER_HOST'];

/** With --engine, a run that warns it could not ask the engine measured the wrong thing. */
const ENGINE_MISSED = /no container engine answers|keys are computed for an unresolved builder/;

/** With the engine: the environment's DOCKER_HOST (else the local socket). */
const engineEnv: Record<string, string | undefined> = { ...env, DOCKER_HOST: process.env['DOCKER_HOST'] };
if (engineEnv['DOCKER_HOST'] === undefined) delete engineEnv['DOCKER_HOST'];

/** Milliseconds from spawn to exit; a failing run is an error naming the command and its stderr. */
async function time(args: readonly string[], c?: Case): Promise<number> {
  const engine = withEngine || c?.engine === true;
  const started = performance.now();
  const child = spawn(process.execPath, [...args], { cwd: REPO, env: engine ? engineEnv : env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (err += b.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  const ms = performance.now() - started;
  if (code !== 0) throw new Error(`node ${args.join(' ')}: exit ${code}\n${err}`);
  if (engine && ENGINE_MISSED.test(err)) throw new Error(`node ${args.join(' ')}: the engine, but it did not reach it\n${err}`);
  const wrong = c?.check?.(out);
  if (wrong !== undefined) throw new Error(wrong);
  return ms;
}

const NODE = ['-e', '0'];
const samples = new Map<string, number[]>();
function record(key: string, ms: number): void {
  const list = samples.get(key);
  if (list === undefined) samples.set(key, [ms]);
  else list.push(ms);
}

const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');
console.log(`node ${process.version}, ${cpus().length} cores, load average at start ${load()}`);
console.log(`${runs} runs of each; recipes and profiles of ${tree}, copied for each cli${examples ? ' (it has no config.lua/default.lua: the examples stand in)' : ''}`);
console.log(withEngine ? `plan asks the engine at ${env['DOCKER_HOST'] ?? 'unix:///var/run/docker.sock'}` : 'no engine: DOCKER_HOST names a missing socket');
for (const c of clis) console.log(`cli ${c.label}: ${c.path}, in ${roots.get(c.label) ?? '?'}`);

// The first rounds unrecorded: the files are read before anything is timed.
for (let round = 1 - warmups; round <= runs; round++) {
  for (const c of CASES) {
    const node = await time(NODE);
    if (round > 0) record('node -e 0', node);
    // Each round starts with another CLI, so none is always first after Node's run.
    for (let i = 0; i < clis.length; i++) {
      const cli = clis[(((i + round) % clis.length) + clis.length) % clis.length] as (typeof clis)[number];
      const root = roots.get(cli.label) as string;
      await c.before?.(root);
      const ms = await time([cli.path, ...c.args(root)], c);
      if (round > 0) record(`${cli.label}\0${c.name}`, ms);
    }
  }
}
for (const root of roots.values()) await rm(root, { recursive: true, force: true });

const floor = median(samples.get('node -e 0') ?? []);
console.log(`load average at end ${load()}\n`);
// With several CLIs, each one's time over the first's in the same round, the median of those.
const first = clis[0] as (typeof clis)[number];
const paired = clis.length > 1 ? `x ${first.label}`.padStart(12) : '';
console.log(`${'command'.padEnd(24)} ${'cli'.padEnd(8)} ${'median'.padStart(10)} ${'x node -e 0'.padStart(12)} ${paired}  min - max`);
console.log(
  `${'node -e 0'.padEnd(24)} ${''.padEnd(8)} ${fmt(floor).padStart(10)} ${'1.00'.padStart(12)} ${paired === '' ? '' : ''.padStart(12)}  ${range(samples.get('node -e 0') ?? [])}`,
);
for (const c of CASES) {
  const base = samples.get(`${first.label}\0${c.name}`) ?? [];
  for (const cli of clis) {
    const list = samples.get(`${cli.label}\0${c.name}`) ?? [];
    const m = median(list);
    const ratio =
      paired === ''
        ? ''
        : median(list.map((ms, i) => ms / (base[i] as number)))
            .toFixed(2)
            .padStart(12);
    console.log(`${c.name.padEnd(24)} ${cli.label.padEnd(8)} ${fmt(m).padStart(10)} ${(m / floor).toFixed(2).padStart(12)} ${ratio}  ${range(list)}`);
  }
}

function range(list: readonly number[]): string {
  return `${Math.min(...list).toFixed(0)} - ${Math.max(...list).toFixed(0)} ms`;
}
