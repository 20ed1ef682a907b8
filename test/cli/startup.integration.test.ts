import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEngineReader } from '../../farm/runtime/engine-http.js';
import { DEFAULT_SOCKET } from '../../farm/runtime/endpoint.js';
import { makeRoot } from '../support/farm.js';

// Start-up loads what the command asks for and nothing else: every module a whole CLI process
// resolves is recorded by a loader hook. The process runs the sources (through tsx) the way
// bin/stasis-farm.js runs dist/: main() with the Docker engine made on demand.
const REPO = resolve(import.meta.dirname, '..', '..');
const run = promisify(execFile);

/** Writes the URL of every module resolved to the file named by STASIS_LOAD_TRACE. */
const HOOK = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(process.env.STASIS_LOAD_TRACE, r.url + '\\n');
  return r;
}`;
const REGISTER = `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

const ENTRY = `
const [{ main }, { dockerRuntime }] = await Promise.all([import(${JSON.stringify(pathToFileURL(join(REPO, 'farm/cli/main.ts')).href)}), import(${JSON.stringify(pathToFileURL(join(REPO, 'farm/cli/engine.ts')).href)})]);
process.exitCode = await main(process.argv.slice(1), { runtime: () => dockerRuntime(process.env) });`;

/** The modules a CLI process with `args` loaded (URLs), its exit code and output. */
async function trace(args: readonly string[], dockerHost = 'unix:///nonexistent/stasis-test.sock'): Promise<{ loaded: string[]; out: string; code: number }> {
  const file = join(await mkdtemp(join(tmpdir(), 'load-trace-')), 'loaded.txt');
  const env: Record<string, string | undefined> = {
    ...process.env,
    STASIS_LOAD_TRACE: file,
    NO_COLOR: '1',
    CI: 'true',
    DOCKER_HOST: dockerHost,
  };
  delete env['NODE_OPTIONS'];
  const argv = ['--import', 'tsx', '--import', `data:text/javascript,${encodeURIComponent(REGISTER)}`, '--input-type=module', '-e', ENTRY, '--', ...args];
  const result = await run(process.execPath, argv, { cwd: REPO, env }).then(
    (r) => ({ out: r.stdout, code: 0 }),
    (e: { stdout: string; stderr: string; code: number }) => ({ out: e.stdout + e.stderr, code: e.code }),
  );
  const loaded = [...new Set((await readFile(file, 'utf8')).split('\n').filter((l) => l !== ''))];
  return { loaded, ...result };
}

const matching = (loaded: readonly string[], pattern: RegExp): string[] => loaded.filter((u) => pattern.test(u));
const DOCKERODE = /\/node_modules\/(dockerode|docker-modem|ssh2)\//;
const FENGARI = /\/node_modules\/fengari\//;
const COMMAND_MODULES = /\/farm\/cli\/cmd-[a-z-]+\.ts$/;

describe('start-up', () => {
  it('--version loads no command, no command table, no reporter, no dockerode, no Lua', async () => {
    const r = await trace(['--version']);
    expect(r.out).toMatch(/^stasis-farm \d+\.\d+\.\d+/);
    // The trace works: it saw the CLI's own modules.
    expect(matching(r.loaded, /\/farm\/cli\/main\.ts$/)).toHaveLength(1);
    expect(matching(r.loaded, DOCKERODE)).toEqual([]);
    expect(matching(r.loaded, FENGARI)).toEqual([]);
    expect(matching(r.loaded, COMMAND_MODULES)).toEqual([]);
    expect(matching(r.loaded, /\/farm\/cli\/commands\.ts$|\/farm\/report\/|\/node_modules\/chalk\//)).toEqual([]);
    // Nor the engine's lean reader, nor node:http under it.
    expect(matching(r.loaded, /\/farm\/runtime\/(engine-http|lazy)\.ts$|^node:http$/)).toEqual([]);
  });

  it('--help and a command help load no implementation and no dockerode', async () => {
    for (const args of [['--help'], ['graph', '--help'], ['build', '--help']]) {
      const r = await trace(args);
      expect(r.code).toBe(0);
      expect(r.out).toContain('Usage: stasis-farm');
      expect(matching(r.loaded, DOCKERODE)).toEqual([]);
      expect(matching(r.loaded, COMMAND_MODULES)).toEqual([]);
    }
  });

  it('graph loads its command and no engine; from a warm evaluation cache, no Lua either', async () => {
    const root = await projectRoot();
    const cold = await trace(['--root', root, 'graph', '--profile', 'base']);
    expect(cold.code).toBe(0);
    expect(matching(cold.loaded, /\/farm\/cli\/cmd-graph\.ts$/)).toHaveLength(1);
    expect(matching(cold.loaded, DOCKERODE)).toEqual([]);
    const warm = await trace(['--root', root, 'graph', '--profile', 'base']);
    expect(warm.out).toBe(cold.out);
    expect(matching(warm.loaded, /\/farm\/lua\/worker\.ts$/)).toEqual([]);
    expect(matching(warm.loaded, FENGARI)).toEqual([]);
  });

  it("plan asks the engine without dockerode: none at DOCKER_HOST, or the machine's own when it answers", async () => {
    const root = await projectRoot();
    const none = await trace(['--root', root, 'plan', '--profile', 'base']);
    expect(none.code).toBe(0);
    // No engine: keys for an unresolved builder (the warning goes to stderr).
    expect(none.out).toContain('unresolved:');
    expect(matching(none.loaded, /\/farm\/runtime\/engine-http\.ts$/)).toHaveLength(1);
    expect(matching(none.loaded, DOCKERODE)).toEqual([]);
    if (!(await engineAnswers())) return;
    const real = await trace(['--root', root, 'plan', '--profile', 'base'], `unix://${DEFAULT_SOCKET}`);
    expect(real.code).toBe(0);
    expect(real.out).not.toContain('unresolved:');
    expect(matching(real.loaded, DOCKERODE)).toEqual([]);
  });
});

/** A scratch project of the whole recipe tree, with the example configs. */
const projectRoot = (): Promise<string> => makeRoot({ config: 'example' });

/** Whether the machine's Docker engine answers a ping (the second half of the plan case needs it). */
async function engineAnswers(): Promise<boolean> {
  try {
    await createEngineReader({ url: `unix://${DEFAULT_SOCKET}`, socketPath: DEFAULT_SOCKET }).ping();
    return true;
  } catch (error) {
    console.warn(`\n[plan with a real engine skipped] ${(error as Error).message}\n`);
    return false;
  }
}
