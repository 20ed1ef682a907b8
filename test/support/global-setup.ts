import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A directory that lives for one run of the container tier: shared fixtures are made in it once. */
    fixtureDir: string;
  }
}

/**
 * The container tier's shared fixtures (test/support/shared.ts) live for one test run:
 * made by the first file that needs them, reused by the others, removed at the end. A new
 * run starts from nothing, so a fixture never outlives a change to the farm or the recipes.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'stasis-fixtures-'));
  project.provide('fixtureDir', dir);
  return async () => {
    if (process.env['STASIS_KEEP_FIXTURES'] === undefined) await rm(dir, { recursive: true, force: true });
  };
}
