import { spawn } from 'node:child_process';
import { mkdir, rm, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { FARM_DIR, type TemplateStep } from './ci-templates.js';
import { makeRoot, MIRROR, REPO, runFarm, smallProfileConfig, type RunResult } from './farm.js';

/** One template line as it ran: its exit code, output and time. */
export interface StepRun {
  readonly line: string;
  readonly always: boolean;
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

/**
 * A runner's checkout of a user's repository, offline: config.lua (the small config, without
 * services), the farm checkout where the templates expect it (this repository, linked: its
 * node_modules and dist/ are the installed farm), and the source mirror directory as a cache
 * restored from an earlier run would leave it (the tiny profile's sources, exported from MIRROR).
 */
export async function makeRunnerCheckout(at: string, mirrorDir: string): Promise<void> {
  await mkdir(at, { recursive: true });
  await writeFile(join(at, 'config.lua'), await smallProfileConfig());
  await symlink(REPO, join(at, FARM_DIR));
  const scratch = await makeRoot();
  try {
    const r = await runFarm(scratch, ['mirror', 'export', '--profile', 'tiny', '--mirror', MIRROR, join(at, mirrorDir)]);
    if (r.code !== 0) throw new Error(`the mirror for the runner's checkout was not made (exit ${r.code}):\n${r.stdout}${r.stderr}`);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** One line as GitHub runs a `run:` step with `shell: bash`, in `cwd` with `env`. */
function runLine(cwd: string, step: TemplateStep, env: NodeJS.ProcessEnv): Promise<StepRun> {
  const started = Date.now();
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.line], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ line: step.line, always: step.always, code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
  });
}

/**
 * The farm's steps of a template, as its runner runs them: the lines in order, each in a shell of
 * its own in the checkout, stopping at the first that fails; then the lines that run whatever
 * happened (GitHub's `if: !cancelled()`, GitLab's after_script). `variables` are the job's.
 */
export async function runTemplateSteps(checkout: string, steps: readonly TemplateStep[], variables: Readonly<Record<string, string>>): Promise<StepRun[]> {
  // CI as a runner sets it; no colour; STASIS_MIRROR of this machine would hide a source the steps fail to name.
  const env = {
    ...process.env,
    NO_COLOR: '1',
    CI: 'true',
    STASIS_MIRROR: '',
    PATH: `${dirname(process.execPath)}:${process.env['PATH'] ?? ''}`,
    ...variables,
  };
  const runs: StepRun[] = [];
  for (const step of steps.filter((s) => !s.always)) {
    const r = await runLine(checkout, step, env);
    runs.push(r);
    if (r.code !== 0) break;
  }
  for (const step of steps.filter((s) => s.always)) runs.push(await runLine(checkout, step, env));
  return runs;
}

/** The job's outcome as its script decides it: the first failed line's exit code (else 0), and every line's output under the line. */
export function jobOutcome(runs: readonly StepRun[]): RunResult {
  const script = runs.filter((r) => !r.always);
  return {
    code: script.find((r) => r.code !== 0)?.code ?? 0,
    stdout: script.map((r) => `$ ${r.line}\n${r.stdout}`).join(''),
    stderr: script.map((r) => `$ ${r.line}\n${r.stderr}`).join(''),
  };
}
