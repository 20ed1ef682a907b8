import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Docker from 'dockerode';
import { MISSING_BUILDER_HINT } from '../../farm/image/inspect.js';
import { buildKind, FARM_MARK, LABELS } from '../../farm/runtime/labels.js';
import { workspacePaths, type StageName } from '../../farm/workspace/paths.js';

/** The repository checkout (system/, profiles/, configs/, bin/). */
export const REPO = resolve(import.meta.dirname, '..', '..');
/** The local mirror of real upstream tarballs. */
export const MIRROR = process.env['STASIS_MIRROR'] ?? resolve(REPO, '..', 'shared', 'sources');
export const BUILDER = 'stasis-builder:debian-musl';

export interface RunResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A throw-away Stasis tree: copies of system/ and profiles/, the example configs. */
export async function makeRoot(options: { readonly config?: 'example' | 'small' | 'boot'; readonly at?: string; readonly recipesFrom?: string } = {}): Promise<string> {
  const root = options.at ?? (await mkdtemp(join(tmpdir(), 'stasis-root-')));
  await mkdir(root, { recursive: true });
  // system/ and profiles/ of this checkout, or of another one's (a bench comparing two builds).
  const recipes = options.recipesFrom ?? REPO;
  await cp(join(recipes, 'system'), join(root, 'system'), { recursive: true });
  await cp(join(recipes, 'profiles'), join(root, 'profiles'), { recursive: true });
  if (options.config === 'example') await cp(join(REPO, 'configs', 'config.lua.example'), join(root, 'config.lua'));
  else if (options.config === 'boot') await cp(join(REPO, 'configs', 'boot.config.lua'), join(root, 'config.lua'));
  else await writeFile(join(root, 'config.lua'), await smallProfileConfig());
  await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
  return root;
}

/** Run the installed CLI (bin/stasis-farm.js -> dist) in `root`; `umask` (octal text, e.g. "077") through sh. */
export function startFarm(root: string, args: readonly string[], env: Record<string, string> = {}, umask?: string): ChildProcess {
  const cli = [process.execPath, join(REPO, 'bin', 'stasis-farm.js'), ...args];
  const [command, ...argv] = umask === undefined ? cli : ['/bin/sh', '-c', `umask ${umask} && exec "$@"`, 'sh', ...cli];
  return spawn(command as string, argv, {
    cwd: root,
    // Mirrors are always passed explicitly: STASIS_MIRROR from the environment would hide a missing source.
    env: { ...process.env, NO_COLOR: '1', CI: 'true', STASIS_MIRROR: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runFarm(root: string, args: readonly string[], env: Record<string, string> = {}, umask?: string): Promise<RunResult> {
  const child = startFarm(root, args, env, umask);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolvePromise) => child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr })));
}

/**
 * The container tier needs a Docker engine and the builder image. Under CI
 * their absence is a failure; elsewhere the tier is skipped with a notice.
 */
export async function containerTierReady(): Promise<boolean> {
  const docker = new Docker({ socketPath: '/var/run/docker.sock' });
  let problem: string | undefined;
  try {
    await docker.ping();
    await docker.getImage(BUILDER).inspect();
  } catch (error) {
    problem = `Docker engine or builder image ${BUILDER} unavailable (${(error as Error).message}); ${MISSING_BUILDER_HINT}`;
  }
  if (problem === undefined) return true;
  if (process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false') throw new Error(`container tier cannot run in CI: ${problem}`);
  console.warn(`\n[container tier skipped] ${problem}\n`);
  return false;
}

/**
 * Containers the farm created (any state) — should be none after a run. `label`
 * (`key=value`) narrows it to one test's containers: the engine is shared with
 * other runs, whose leftovers are not this test's business.
 */
export async function farmContainers(label?: string): Promise<string[]> {
  const docker = new Docker({ socketPath: '/var/run/docker.sock' });
  const list = await docker.listContainers({ all: true, filters: { label: [`${LABELS.farm}=${FARM_MARK}`, ...(label === undefined ? [] : [label])] } });
  return list.map((c) => c.Id);
}

/**
 * Containers (any state, only running ones, or only exited ones) of one project's dev workspace:
 * other farms may share the engine, so a test looks only at its own.
 */
export async function workspaceContainers(
  root: string,
  options: { readonly running?: boolean; readonly exited?: boolean; readonly stages?: readonly StageName[] } = {},
): Promise<string[]> {
  const docker = new Docker({ socketPath: '/var/run/docker.sock' });
  const ids: string[] = [];
  for (const stage of options.stages ?? ['dev']) {
    const kind = `${LABELS.kind}=${buildKind(workspacePaths(root, stage).id)}`;
    const list = await docker.listContainers({ all: options.running !== true, filters: { label: [kind], ...(options.exited === true ? { status: ['exited'] } : {}) } });
    ids.push(...list.map((c) => c.Id));
  }
  return ids;
}

/**
 * Container create events from the engine between two times (seconds) for one project's dev
 * workspace: other runs (other test files, other farms) may create containers meanwhile.
 */
export async function containerCreates(root: string, since: number, until: number): Promise<number> {
  const docker = new Docker({ socketPath: '/var/run/docker.sock' });
  const kind = `${LABELS.kind}=${buildKind(workspacePaths(root, 'dev').id)}`;
  const stream = await docker.getEvents({ since, until, filters: { type: ['container'], event: ['create'], label: [`${LABELS.farm}=${FARM_MARK}`, kind] } });
  let text = '';
  for await (const chunk of stream) text += (chunk as Buffer).toString();
  return text.split('\n').filter((l) => l.trim() !== '').length;
}

/** Append text to a recipe's build script (changes its bytes and key). */
export async function editRecipe(root: string, pkg: string, transform: (text: string) => string): Promise<void> {
  const file = join(root, 'system', pkg, 'pkg.lua');
  const text = await readFile(file, 'utf8');
  const edited = transform(text);
  // A recipe that no longer has what the edit looks for would otherwise leave the test waiting for a build that never comes.
  if (edited === text) throw new Error(`the edit of ${pkg}/pkg.lua changed nothing`);
  await writeFile(file, edited);
}

/** JSON summary line printed by `--json` runs on stdout. */
export function summaryOf(stdout: string): { built: string[]; cached: string[]; cutoff: string[]; failed: { pkg: string; message: string }[] } {
  const line = stdout.split('\n').find((l) => l.includes('"type":"summary"'));
  if (line === undefined) throw new Error(`no summary in output:\n${stdout}`);
  return JSON.parse(line) as ReturnType<typeof summaryOf>;
}

/** The example config.lua without services or DHCP: the small test profiles have no service packages. */
export async function smallProfileConfig(): Promise<string> {
  const example = await readFile(join(REPO, 'configs', 'config.lua.example'), 'utf8');
  return example.replace(/services = \{[^}]*\}/, 'services = {}').replace(/interfaces = \{[\s\S]*?\n {4}\},/, 'interfaces = {},');
}
