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

/** Whether diffoscope is on PATH. */
export async function diffoscopeInstalled(): Promise<boolean> {
  return run('diffoscope', ['--version']).then(
    () => true,
    () => false,
  );
}

/** diffoscope's text report on two files (or archives); whether it ran (exit 1 means differences found). */
export async function diffoscopeReport(a: string, b: string, report: string): Promise<boolean> {
  return (await run('diffoscope', ['--text', report, a, b])) <= 1;
}

/**
 * For every file whose content differs, let diffoscope explain it: one text
 * report per file in `<b>/diffoscope/`. diffoscope must be on PATH.
 */
export async function explainWithDiffoscope(ctx: CliContext, cmp: Comparison, a: string, b: string): Promise<void> {
  if (!(await diffoscopeInstalled())) throw new FarmError('USAGE', '--diffoscope: diffoscope is not installed on this host', { hint: 'apt-get install diffoscope' });
  const outDir = join(b, 'diffoscope');
  await mkdir(outDir, { recursive: true });
  for (const pkg of cmp.different) {
    for (const f of pkg.files.filter((x) => x.change === 'content')) {
      const report = join(outDir, `${pkg.name}--${f.path.replace(/\//g, '_')}.txt`);
      // Exit 1 means "differences found", which is the expected outcome here.
      const ran = await diffoscopeReport(join(a, 'preview', f.path), join(b, 'preview', f.path), report);
      out(ctx, `${ran ? 'explained' : 'diffoscope failed on'} ${pkg.name}: ${f.path} -> ${report}`);
    }
  }
}
