import { cp, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FarmEvent } from '../../farm/report/events.js';
import { runRelease, type ReleaseOptions } from '../../farm/release/release.js';
import { createFakeRuntime, type FakeFile } from '../../farm/runtime/fake.js';
import { REPO, smallProfileConfig } from '../support/farm.js';
import { LABELS } from '../../farm/runtime/labels.js';

const BUILDER = 'stasis-builder:debian-musl';

/**
 * A throw-away project of local packages (no sources) whose "builds" install
 * the given files: enough for a whole release on the fake engine.
 */
export async function makeFakeProject(packages: Readonly<Record<string, Readonly<Record<string, FakeFile>>>>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'stasis-fake-release-'));
  for (const name of Object.keys(packages)) {
    await mkdir(join(root, 'system', name), { recursive: true });
    await writeFile(
      join(root, 'system', name, 'pkg.lua'),
      `return { name = "${name}", version = "1", description = "a test package", license = "MIT", sources = {}, toolchain = false, build = [[true]] }\n`,
    );
  }
  await mkdir(join(root, 'profiles'));
  await writeFile(
    join(root, 'profiles', 'fake.lua'),
    `return { description = "fake", packages = { ${Object.keys(packages)
      .map((p) => `"${p}"`)
      .join(', ')} } }\n`,
  );
  await writeFile(join(root, 'config.lua'), await smallProfileConfig());
  await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
  return root;
}

type Packages = Readonly<Record<string, Readonly<Record<string, FakeFile>>>>;

/**
 * What runRelease (or challengeRelease) needs besides the project: the fake engine installing `packages` in every stage,
 * its dev builder labelled with `builderLabels`.
 */
export function fakeReleaseOptions(packages: Packages, events: FarmEvent[] = [], builderLabels: Readonly<Record<string, string>> = {}) {
  const runtime = createFakeRuntime((ctx) => ({ dest: packages[ctx.spec.labels[LABELS.pkg] ?? ''] ?? {} }), {
    images: { [BUILDER]: { id: 'sha256:builder', labels: { ...builderLabels }, env: [] } },
  });
  return {
    runtime,
    mirrors: [],
    offline: true,
    jobs: 2,
    keepGoing: false,
    exclusions: [],
    sink: (e: FarmEvent) => void events.push(e),
    signal: new AbortController().signal,
  };
}

/** dev -> A -> B on the fake engine: every stage installs the same files. */
export async function fakeRelease(
  root: string,
  packages: Packages,
  extra: Partial<ReleaseOptions> = {},
): Promise<{ result: Awaited<ReturnType<typeof runRelease>>; events: FarmEvent[] }> {
  const events: FarmEvent[] = [];
  const result = await runRelease({ root, profile: 'fake', ...fakeReleaseOptions(packages, events), ...extra });
  return { result, events };
}
