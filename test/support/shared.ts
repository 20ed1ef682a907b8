import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';
import { jobOutcome, makeRunnerCheckout, runTemplateSteps, type StepRun } from './ci-run.js';
import { farmSteps, readGitLabTemplate } from './ci-templates.js';
import { makeRoot, MIRROR, runFarm, type RunResult } from './farm.js';

const exec = promisify(execFile);
const made = new Map<string, Promise<unknown>>();

/**
 * One expensive result shared by every test file of a run: the first caller makes it in the
 * run's fixture directory (global-setup.ts) while holding a lock, the others wait and read the
 * record it left. A failure is recorded too, so every file that needs the fixture fails with it.
 */
export function shared<T>(name: string, make: (dir: string) => Promise<T>): Promise<T> {
  let promise = made.get(name) as Promise<T> | undefined;
  if (promise === undefined) {
    promise = makeOnce(join(inject('fixtureDir'), name), make);
    made.set(name, promise);
  }
  return promise;
}

async function makeOnce<T>(dir: string, make: (dir: string) => Promise<T>): Promise<T> {
  const record = `${dir}.json`;
  const lock = `${dir}.lock`;
  for (;;) {
    const text = await readFile(record, 'utf8').catch(() => undefined);
    if (text !== undefined) {
      const r = JSON.parse(text) as { value?: T; error?: string };
      if (r.error !== undefined) throw new Error(`shared fixture ${dir} failed: ${r.error}`);
      return r.value as T;
    }
    if (
      await mkdir(lock).then(
        () => true,
        () => false,
      )
    )
      break;
    // A holder that died (its file timed out and its worker was ended) leaves the lock to the next one.
    const holder = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => 'NaN'));
    if (Number.isInteger(holder) && !alive(holder)) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  try {
    await writeFile(join(lock, 'pid'), String(process.pid));
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const value = await make(dir);
    await writeFile(record, JSON.stringify({ value }));
    return value;
  } catch (error) {
    await writeFile(record, JSON.stringify({ error: (error as Error).stack ?? String(error) }));
    throw error;
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A copy of a project root (workspaces included: modes, links and times kept) that a test may change. */
export async function copyRoot(root: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'stasis-root-'));
  await exec('cp', ['-a', `${root}/.`, copy]);
  return copy;
}

/**
 * How long a file waits for a shared build (made by it or by another file): a cold ci build
 * takes about 5 minutes on a quiet 2-core machine and took over 30 on one shared with four other builds.
 */
export const FIXTURE_MS = 3_600_000;

export interface SharedBuild {
  /** The project root the build ran in: read it, never change it (copyRoot first). */
  readonly root: string;
  /** The cold run's exit code and output (of all its commands, for a run of several). */
  readonly run: RunResult;
  readonly ms: number;
}

/** What profiles/ci.lua builds: its 17 packages, sorted. */
export const CI_PACKAGES = [
  'bzip2',
  'certs',
  'dhcpcd',
  'dropbear',
  'file',
  'less',
  'libc-tools',
  'libtermkey',
  'lpeg',
  'lua',
  'mandoc',
  'ncurses',
  'openntpd',
  'rootfs-layout',
  'tzdata',
  'xz',
  'zlib',
];

/**
 * `stasis-farm build --profile ci` from cold (no cache, no sources) in a root with the example
 * config.lua, once per test run: build.container.test.ts checks what it built, sigint.container.test.ts
 * starts its warm trials and its partly cold tree from it.
 */
export function sharedCiBuild(): Promise<SharedBuild> {
  return shared('ci', async (dir) => {
    const root = await makeRoot({ config: 'example', at: join(dir, 'root') });
    const started = Date.now();
    const run = await runFarm(root, ['build', '--profile', 'ci', '--mirror', MIRROR, '--json']);
    const ms = Date.now() - started;
    console.info(`shared fixture: cold ci build in ${ms} ms (exit ${run.code})`);
    return { root, run, ms };
  });
}

/** The run's tiny release, made by running the farm's steps of the CI templates: every line as it ran. */
export interface SharedCiRun extends SharedBuild {
  readonly steps: readonly StepRun[];
}

/**
 * The farm's steps of the CI templates (ci/gitlab-ci.yml, line for line ci/github-actions.yml's)
 * run once per test run in a runner's checkout of a user repository (test/support/ci-run.ts) with
 * STASIS_PROFILE=tiny: the tree made from config.lua (the small config), `build --profile tiny`,
 * `tests`, `release --profile tiny --mirror stasis-sources` (dev -> A -> B of musl, tcc, busybox and
 * make, from cold), the report and the mirror refreshed. `root` is that checkout, the Stasis tree the
 * farm ran in (root/workspace-release-stage-b/dist...); `run` is the job's outcome (its script's
 * lines, not the report's). ci-templates.container.test.ts checks what the steps left,
 * trust.container.test.ts signs, verifies and challenges the release (from a second builder: the
 * diverse double-compile), podman.container.test.ts builds the same dev stage on podman and compares.
 * Copy it before use.
 */
export function sharedTinyRelease(): Promise<SharedCiRun> {
  return shared('tiny-release', async (dir) => {
    const gitlab = await readGitLabTemplate();
    const variables: Record<string, string> = { ...gitlab.variables, STASIS_PROFILE: 'tiny' };
    const root = join(dir, 'root');
    await makeRunnerCheckout(root, variables['STASIS_MIRROR_DIR'] ?? 'stasis-sources');
    const started = Date.now();
    const steps = await runTemplateSteps(root, farmSteps(gitlab), variables);
    const ms = Date.now() - started;
    const run = jobOutcome(steps);
    console.info(`shared fixture: the CI templates' steps (tiny release) in ${ms} ms (exit ${run.code}): ${steps.map((s) => `${s.code}`).join(' ')}`);
    return { root, run, ms, steps };
  });
}
