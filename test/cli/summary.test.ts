import { PassThrough } from 'node:stream';
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { reportBuild } from '../../farm/cli/summary.js';
import { coresBusy, sampleCpu } from '../../farm/report/cpu.js';
import type { CliContext } from '../../farm/cli/io.js';
import { BuildFailed, FarmError } from '../../farm/errors/index.js';

function context(): { ctx: CliContext; text: () => string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (d: Buffer) => (text += d.toString()));
  const ctx: CliContext = {
    root: '/nowhere',
    env: {},
    stdout,
    stderr: new PassThrough(),
    chalk: new Chalk({ level: 0 }),
    json: false,
    verbose: false,
    sink: () => undefined,
    signal: new AbortController().signal,
    isTTY: false,
    mirrors: [],
    runtime: () => Promise.reject(new Error('the summary needs no engine')),
    engineAt: () => Promise.reject(new Error('the summary needs no engine')),
  };
  return { ctx, text: () => text };
}

describe('the build summary', () => {
  it('names the package on every failed line, once', () => {
    const { ctx, text } = context();
    const code = reportBuild(
      ctx,
      {
        entries: new Map(),
        built: [],
        cached: ['zlib'],
        cutoff: [],
        skipped: [],
        interrupted: true,
        failed: [
          { pkg: 'gawk', error: new FarmError('INTERRUPTED', 'interrupted by SIGINT') },
          { pkg: 'gmp', error: new BuildFailed('gmp', 'exit code 1', 1, [], '/w/logs/gmp.log') },
        ],
      },
      1500,
      'dev',
      'gawk, gmp',
    );
    expect(code).toBe(130);
    const lines = text().split('\n');
    expect(lines).toContain('  failed gawk: interrupted by SIGINT');
    expect(lines).toContain('  failed gmp: build failed (exit code 1)');
    expect(lines).toContain('    log: /w/logs/gmp.log');
  });
});

describe('how busy the cores were', () => {
  const stat = (user: number, idle: number): string => `cpu  ${user} 0 0 ${idle} 0 0 0 0 0 0\ncpu0 1 0 0 1 0 0 0 0 0 0\ncpu1 1 0 0 1 0 0 0 0 0 0\nintr 1\n`;

  it('reads /proc/stat-shaped counters and gives the busy share between two samples', () => {
    const a = sampleCpu(() => stat(100, 300));
    const b = sampleCpu(() => stat(250, 350));
    expect(a).toEqual({ busy: 100, total: 400, cores: 2 });
    expect(coresBusy(a, b)).toBe(0.75);
    expect(
      sampleCpu(() => {
        throw new Error('no /proc');
      }),
    ).toBeUndefined();
    expect(sampleCpu(() => 'intr 1\n')).toBeUndefined();
    expect(coresBusy(a, undefined)).toBeUndefined();
    expect(coresBusy(a, a)).toBeUndefined();
  });

  it('the build summary says it, in text and JSON', () => {
    const result = { entries: new Map(), built: ['zlib'], cached: [], cutoff: [], skipped: [], interrupted: false, failed: [] };
    const { ctx, text } = context();
    reportBuild(ctx, result, 1000, 'dev', undefined, 0.874);
    expect(text()).toMatch(/^dev: 1 built, 0 cached, 0 failed, 0 skipped in 1\.0 s \(cores busy 87 %\)$/m);
    const json = context();
    reportBuild({ ...json.ctx, json: true }, result, 1000, 'dev', undefined, 0.874);
    expect(JSON.parse(json.text())).toMatchObject({ type: 'summary', coresBusy: 0.874 });
  });
});
