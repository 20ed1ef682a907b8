import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { reportBuild } from '../../farm/cli/summary.js';
import type { CliContext } from '../../farm/cli/io.js';
import { BuildFailed, FarmError } from '../../farm/errors/index.js';

function context(): { ctx: CliContext; text: () => string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  const ctx: CliContext = {
    root: '/nowhere', env: {}, stdout, stderr: new PassThrough(), chalk: new Chalk({ level: 0 }),
    json: false, verbose: false, sink: () => undefined, signal: new AbortController().signal,
    isTTY: false, mirrors: [],
  };
  return { ctx, text: () => text };
}

describe('the build summary', () => {
  it('names the package on every failed line, once', () => {
    const { ctx, text } = context();
    const code = reportBuild(ctx, {
      entries: new Map(), built: [], cached: ['zlib'], cutoff: [], skipped: [], interrupted: true,
      failed: [
        { pkg: 'gawk', error: new FarmError('INTERRUPTED', 'interrupted by SIGINT') },
        { pkg: 'gmp', error: new BuildFailed('gmp', 'exit code 1', 1, [], '/w/logs/gmp.log') },
      ],
    }, 1500, 'dev', 'gawk, gmp');
    expect(code).toBe(130);
    const lines = text().split('\n');
    expect(lines).toContain('  failed gawk: interrupted by SIGINT');
    expect(lines).toContain('  failed gmp: build failed (exit code 1)');
    expect(lines).toContain('    log: /w/logs/gmp.log');
  });
});
