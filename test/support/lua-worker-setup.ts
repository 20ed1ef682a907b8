import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The Lua evaluation worker (farm/lua/worker.ts) bundled for this run: a file path. */
    luaWorker: string;
  }
}

/**
 * Bundle the Lua evaluation worker once per run (test/support/lua-worker.ts hands it to the
 * pool in every test file): from sources, each worker would otherwise load tsx and compile
 * worker.ts anew, about a second per test file that evaluates Lua and per timed-out file.
 * Runs after tmp-setup.ts: the bundle lies in the run's temporary directory.
 */
export default async function setup(project: TestProject): Promise<void> {
  const outfile = join(await mkdtemp(join(tmpdir(), 'lua-worker-')), 'worker.cjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, '..', '..', 'farm', 'lua', 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  project.provide('luaWorker', outfile);
}
