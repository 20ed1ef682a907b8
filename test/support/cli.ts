import { PassThrough } from 'node:stream';
import { main, type MainOptions } from '../../farm/cli/main.js';
import { createFakeRuntime } from '../../farm/runtime/fake.js';

export interface CliResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** No engine answers: the in-memory fake, down. */
export const engineDown: MainOptions['runtime'] = () => createFakeRuntime(() => ({}), { engineUp: false });

/** Run the CLI in-process in `root` (no colour, CI output; the engine `runtime` makes, none by default). */
export async function cli(root: string, args: string[], env: Record<string, string> = {}, runtime: MainOptions['runtime'] = engineDown): Promise<CliResult> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const code = await main(args, { cwd: root, env: { NO_COLOR: '1', CI: 'true', ...env }, stdout, stderr, runtime });
  return { code, out, err };
}
