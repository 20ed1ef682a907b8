import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/**
 * The CLIs a bench compares, from its repeated `--cli LABEL=path/to/bin/stasis-farm.js`
 * (this checkout's when none is given); each must exist and be built.
 */
export function benchClis(args: readonly string[] | undefined): { readonly label: string; readonly path: string }[] {
  return (args ?? [`this=${join(REPO, 'bin', 'stasis-farm.js')}`]).map((arg) => {
    const eq = arg.indexOf('=');
    const [label, path] = eq === -1 ? [arg, arg] : [arg.slice(0, eq), resolve(arg.slice(eq + 1))];
    if (!existsSync(path)) throw new Error(`${path} does not exist`);
    if (!existsSync(join(path, '..', '..', 'dist', 'farm', 'cli', 'main.js'))) throw new Error(`${path}: build the CLI first (npm run build)`);
    return { label, path };
  });
}

/** A count option's value: a whole number, at least `min`. */
export function countOption(name: string, value: string | undefined, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new Error(`--${name}: expected a whole number of at least ${min}, got "${value}"`);
  return n;
}
