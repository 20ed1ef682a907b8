import { PassThrough } from 'node:stream';
import { main } from '../../farm/cli/main.js';

/** Run the CLI in-process with captured output: no colours, CI mode, no Docker engine reachable. */
export async function cli(root: string, args: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(args, { cwd: root, env: { NO_COLOR: '1', CI: 'true', DOCKER_HOST: 'unix:///nonexistent.sock', ...env }, stdout, stderr });
  return { code, out, err };
}
