import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProject, type BuildOptions } from '../../farm/project/build.js';
import { loadProject } from '../../farm/project/load.js';
import type { FarmEvent } from '../../farm/report/events.js';
import { createFakeRuntime, type FakeRunContext, type FakeRunResult, type FakeRuntime } from '../../farm/runtime/fake.js';
import { smallProfileConfig } from './farm.js';
import { LABELS } from '../../farm/runtime/labels.js';

export const FAKE_IMAGE = 'builder';

/** A local recipe (no sources) as pkg.lua text. */
export function localRecipe(name: string, extra = ''): string {
  return `return { name = "${name}", version = "1", description = "test", license = "MIT", sources = {}, build = "true"${extra} }\n`;
}

/** A throw-away Stasis tree holding only `recipes` (name -> pkg.lua) and a profile `test` selecting them. */
export async function tinyRoot(recipes: Readonly<Record<string, string>>, defaults = ''): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'stasis-tiny-'));
  await writeFile(join(root, 'config.lua'), await smallProfileConfig());
  await writeFile(join(root, 'default.lua'), `return { source_date_epoch = 1700000000${defaults} }\n`);
  await mkdir(join(root, 'profiles'));
  await writeFile(
    join(root, 'profiles', 'test.lua'),
    `return { description = "test", packages = { ${Object.keys(recipes)
      .map((n) => `"${n}"`)
      .join(', ')} } }\n`,
  );
  for (const [name, text] of Object.entries(recipes)) {
    await mkdir(join(root, 'system', name), { recursive: true });
    await writeFile(join(root, 'system', name, 'pkg.lua'), text);
  }
  return root;
}

export function fakeRuntime(behaviour: (pkg: string, ctx: FakeRunContext) => FakeRunResult): FakeRuntime {
  return createFakeRuntime((ctx) => behaviour(ctx.spec.labels[LABELS.pkg] ?? '?', ctx), {
    images: { [FAKE_IMAGE]: { id: 'sha256:builder', labels: {}, env: [] }, 'sha256:builder': { id: 'sha256:builder', labels: {}, env: [] } },
  });
}

/** `stasis-farm build --profile test` in-process with a fake engine; the events it emitted. */
export async function buildTiny(root: string, runtime: FakeRuntime, options: Partial<BuildOptions> = {}) {
  const events: FarmEvent[] = [];
  const project = await loadProject(root, { profile: 'test' });
  const outcome = await buildProject(project, {
    runtime,
    image: FAKE_IMAGE,
    mirrors: [],
    offline: true,
    jobs: 1,
    keepGoing: false,
    waitForLock: false,
    sink: (e) => events.push(e),
    signal: new AbortController().signal,
    ...options,
  });
  return { outcome, events };
}
