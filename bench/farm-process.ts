import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const REPO = resolve(import.meta.dirname, '..');

/** One whole `stasis-farm` process in `root` (this checkout's built CLI), as a user runs it: exit code, output, wall time. */
export function farmProcess(
  root: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [join(REPO, 'bin', 'stasis-farm.js'), ...args], { cwd: root, env: { ...process.env, CI: 'true', NO_COLOR: '1', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((res) => child.on('close', (code) => res({ code: code ?? -1, stdout, stderr, ms: performance.now() - started })));
}
