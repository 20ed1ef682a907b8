import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import type { Comparison } from '../release/compare.js';
import { out, type CliContext } from './io.js';

function run(cmd: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, [...args], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * For every file whose content differs, let diffoscope explain it: one text
 * report per file in `<b>/diffoscope/`. diffoscope must be on PATH.
 */
export async function explainWithDiffoscope(ctx: CliContext, cmp: Comparison, a: string, b: string): Promise<void> {
  try {
    await run('diffoscope', ['--version']);
  } catch {
    throw new FarmError('USAGE', '--diffoscope: diffoscope is not installed on this host', { hint: 'apt-get install diffoscope' });
  }
  const outDir = join(b, 'diffoscope');
  await mkdir(outDir, { recursive: true });
  for (const pkg of cmp.different) {
    for (const f of pkg.files.filter((x) => x.change === 'content')) {
      const report = join(outDir, `${pkg.name}--${f.path.replace(/\//g, '_')}.txt`);
      // Exit 1 means "differences found", which is the expected outcome here.
      const code = await run('diffoscope', ['--text', report, join(a, 'preview', f.path), join(b, 'preview', f.path)]);
      out(ctx, `${code <= 1 ? 'explained' : 'diffoscope failed on'} ${pkg.name}: ${f.path} -> ${report}`);
    }
  }
}
