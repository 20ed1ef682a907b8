import { appendFile, cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { isFarmError } from '../../farm/errors/index.js';
import { challengeRelease } from '../../farm/release/challenge.js';
import { exists } from '../../farm/fs/exists.js';
import { LABELS } from '../../farm/runtime/labels.js';
import { createFakeRuntime } from '../../farm/runtime/fake.js';
import { cli } from '../support/cli.js';
import { fakeRelease, fakeReleaseOptions, makeFakeProject } from './fake-project.js';

const PACKAGES = {
  hello: { 'usr/bin/hello': { content: '#!/bin/sh\necho hello\n', mode: 0o755 } },
  motd: { 'etc/motd': { content: 'welcome\n' } },
};

describe('challenge: rebuild a release from its manifest on the fake engine', () => {
  // One release, made once: the challenges below only read it, or refuse a copy of its project that was edited.
  let root: string;
  let dist: string;
  beforeAll(async () => {
    root = await makeFakeProject(PACKAGES);
    dist = (await fakeRelease(root, PACKAGES, { gitCommit: 'c0ffee'.padEnd(40, '0') })).result.dist?.dir as string;
  });

  /** A copy of the released project (its workspaces and dist/ included, no challenge's) to edit. */
  async function copyOfProject(): Promise<{ root: string; dist: string }> {
    const copy = await mkdtemp(join(tmpdir(), 'stasis-challenge-copy-'));
    await cp(root, copy, { recursive: true, verbatimSymlinks: true, filter: (src) => !relative(root, src).startsWith('workspace-challenge') });
    return { root: copy, dist: join(copy, relative(root, dist)) };
  }

  it('the same recipe tree rebuilds every package the same, in a copy beside the project', async () => {
    const before = await readFile(join(dist, 'SHA256SUMS'), 'utf8');
    const r = await challengeRelease({ root, distDir: dist, workDir: join(root, 'workspace-challenge'), ...fakeReleaseOptions(PACKAGES) });
    expect(r.packages).toEqual([
      { name: 'hello', dev: 'same', a: 'same', b: 'same' },
      { name: 'motd', dev: 'same', a: 'same', b: 'same' },
    ]);
    expect(r.rootfs.rebuilt).toBe(r.rootfs.recorded);
    expect(r.same).toBe(true);
    expect(await exists(join(root, 'workspace-challenge', 'tree', 'workspace-release-stage-b', 'dist', 'SHA256SUMS'))).toBe(true);
    expect(await readFile(join(dist, 'SHA256SUMS'), 'utf8')).toBe(before);
  });

  it('a package that builds differently here is named, per stage', async () => {
    const here = { ...PACKAGES, motd: { 'etc/motd': { content: 'welcome, built elsewhere\n' } } };
    const r = await challengeRelease({ root, distDir: dist, workDir: join(root, 'workspace-challenge-2'), ...fakeReleaseOptions(here) });
    expect(r.packages).toEqual([
      { name: 'hello', dev: 'same', a: 'same', b: 'same' },
      { name: 'motd', dev: 'different', a: 'different', b: 'different' },
    ]);
    expect(r.same).toBe(false);
  });

  // Diverse double-compiling: another builder (another compiler) makes the dev stage. Here it builds
  // hello differently in dev only, and stage A (built in an image of that dev rootfs) as the release did.
  function otherBuilder(devHello: string, aHello?: string) {
    const other = 'stasis-builder:other';
    const runtime = createFakeRuntime(
      (ctx) => {
        const pkg = ctx.spec.labels[LABELS.pkg] ?? '';
        const stage = ctx.spec.labels[LABELS.stage];
        // Containers are made from the resolved image id.
        const hello = ctx.spec.image === 'sha256:other' ? devHello : stage === 'a' && aHello !== undefined ? aHello : undefined;
        return { dest: pkg === 'hello' && hello !== undefined ? { 'usr/bin/hello': { content: hello, mode: 0o755 } } : PACKAGES[pkg as keyof typeof PACKAGES] };
      },
      {
        images: {
          'stasis-builder:debian-musl': { id: 'sha256:builder', labels: {}, env: [] },
          [other]: { id: 'sha256:other', labels: {}, env: [] },
        },
      },
    );
    return { ...fakeReleaseOptions(PACKAGES), runtime, builder: other };
  }

  it('--builder (a diverse double-compile): dev is reported, not judged; stage A, stage B and the rootfs must be the same', async () => {
    const r = await challengeRelease({ root, distDir: dist, workDir: join(root, 'workspace-challenge-ddc'), ...otherBuilder('#!/bin/sh\necho hello # gcc 14\n') });
    expect(r.builder).toEqual({ recorded: 'sha256:builder', here: 'sha256:other', diverse: true });
    expect(r.packages).toEqual([
      { name: 'hello', dev: 'different', a: 'same', b: 'same' },
      { name: 'motd', dev: 'same', a: 'same', b: 'same' },
    ]);
    expect(r.rootfs.rebuilt).toBe(r.rootfs.recorded);
    expect(r.same).toBe(true);
  });

  it('--builder: a stage A that differs is not reproduced', async () => {
    const r = await challengeRelease({
      root,
      distDir: dist,
      workDir: join(root, 'workspace-challenge-ddc-2'),
      ...otherBuilder('#!/bin/sh\necho hello # gcc 14\n', '#!/bin/sh\necho hello # a trusting trust\n'),
    });
    expect(r.builder.diverse).toBe(true);
    expect(r.packages[0]).toEqual({ name: 'hello', dev: 'different', a: 'different', b: 'same' });
    expect(r.same).toBe(false);
  });

  it('refuses when the recipe tree here is not the recorded one', async () => {
    const edited = await copyOfProject();
    await appendFile(join(edited.root, 'system', 'motd', 'pkg.lua'), '-- edited\n');
    const error = await challengeRelease({
      root: edited.root,
      distDir: edited.dist,
      workDir: join(edited.root, 'workspace-challenge'),
      ...fakeReleaseOptions(PACKAGES),
    }).catch((e: unknown) => e);
    expect(isFarmError(error) && error.code).toBe('CHALLENGE_REFUSED');
    expect((error as Error).message).toMatch(/the recipe tree in .* \(sha256 [0-9a-f]{64}\) is not the one the release was built from \([0-9a-f]{64}\)/);
    expect(await exists(join(edited.root, 'workspace-challenge'))).toBe(false);
  });

  it('the CLI refuses before it needs an engine: exit 23, naming the recorded tree and the git hint', async () => {
    const edited = await copyOfProject();
    await appendFile(join(edited.root, 'profiles', 'fake.lua'), '-- edited\n');
    const r = await cli(edited.root, ['challenge', edited.dist]);
    expect(r.code).toBe(23);
    expect(r.err).toMatch(/\[CHALLENGE_REFUSED\] the recipe tree in .* is not the one the release was built from/);
    expect(r.err).toMatch(/hint: check out c0ffee0{34}: system, profiles, config\.lua, default\.lua must be byte-identical/);
  });
});
