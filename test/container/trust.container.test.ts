import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import Docker from 'dockerode';
import { FARM_MARK, LABELS } from '../../farm/runtime/labels.js';
import { workspacePaths } from '../../farm/workspace/paths.js';
import { containerTierReady, editRecipe, MIRROR, runFarm } from '../support/farm.js';
import { copyRoot, sharedTinyRelease } from '../support/shared.js';
import { makeKey, signerLine, sshKeygenReady } from '../trust/ssh-keygen.js';

const ready = (await containerTierReady()) && (await sshKeygenReady());
// A tiny release takes about 2 minutes on an idle machine, and far longer on a shared one: each of the two gets 40.
const RELEASE_MS = 2_400_000;
const TRIXIE = 'stasis-builder:debian-musl-trixie';

// One tiny release (4 packages, dev -> A -> B), then what a third party does with it:
// verify it offline, sign it, and challenge it (a second whole release, rebuilt from the manifest,
// its dev stage from a builder with another compiler); last, the same tree released again with one
// package that builds differently in stage B.
describe.skipIf(!ready)('a third party verifies, signs and challenges a tiny release', () => {
  let root: string;
  let dist: string;
  beforeAll(async () => {
    // The run's tiny release (test/support/shared.ts), in a copy this file may sign and change.
    const tiny = await sharedTinyRelease();
    expect(tiny.run.code, tiny.run.stdout.slice(-3000) + tiny.run.stderr.slice(-3000)).toBe(0);
    root = await copyRoot(tiny.root);
    dist = join(root, 'workspace-release-stage-b', 'dist');
  }, RELEASE_MS);

  it('the manifest records the recipe tree, the audit and the builder; verify and a signature hold', async () => {
    const manifest = parse(await readFile(join(dist, 'manifest.yaml'), 'utf8')) as {
      recipe_tree: { sha256: string };
      audit: { verdict: string };
      builder_image: { id: string; cc: string };
    };
    expect(manifest.recipe_tree.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(manifest.audit.verdict).toBe('clean');
    expect(manifest.builder_image.id).toMatch(/^sha256:/);
    const key = await makeKey('rebuilder@example.org');
    expect((await runFarm(root, ['sign', dist, '--key', key.file])).code).toBe(0);
    await writeFile(join(root, 'allowed_signers'), signerLine('rebuilder@example.org', key.publicLine) + '\n');
    const v = await runFarm(root, ['verify', dist, '--signers', 'allowed_signers']);
    expect(v.code, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toMatch(/good signature by rebuilder@example\.org/);
  });

  // The challenge is also the host-variation run (the reprotest axes distributions trip on) and the
  // diverse double-compile (David A. Wheeler). It rebuilds in another path (workspace-challenge/tree),
  // one package at a time (--jobs 1: a build that ran beside another with make -j1 now gets every
  // core), with umask 077, another time zone and locale, and its dev stage in a second builder with
  // another compiler: trixie's gcc 14 instead of bookworm's gcc 12 (made here with `image ensure
  // --bootstrap --suite trixie`). The dev stages differ (tcc at least: gcc 14 compiled it); stage A
  // is built by each dev stage's tcc, so if neither gcc changed what tcc does, A comes out bit for
  // bit the release's, and B (built in A's image) and the rootfs too.
  it(
    'challenge --builder (trixie) under other host conditions: dev differs, stage A, stage B and the rootfs are the release’s bit for bit',
    async () => {
      const image = await runFarm(root, ['image', 'ensure', '--bootstrap', '--suite', 'trixie', '--ref', TRIXIE]);
      expect(image.code, image.stdout + image.stderr).toBe(0);
      const varied = { TZ: 'Pacific/Chatham', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' };
      const r = await runFarm(root, ['challenge', dist, '--builder', TRIXIE, '--mirror', MIRROR, '--jobs', '1'], varied, '077');
      expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-3000)).toBe(0);
      expect(r.stdout).toMatch(/diverse double-compile: dev built in sha256:[0-9a-f]{64}, the release's in sha256:[0-9a-f]{64}; dev is not judged/);
      expect(r.stdout).toMatch(/tcc\s+dev different {2}a same {2}b same/);
      for (const pkg of ['musl', 'busybox', 'make']) expect(r.stdout).toMatch(new RegExp(`${pkg}\\s+dev (same|different)  a same  b same`));
      expect(r.stdout).toMatch(/rootfs tar\s+same/);
      expect(r.stdout).toMatch(/reproduced: 4\/4 package\(s\) in stage A and B and the rootfs are the same/);
      // The rebuild's own release names the builder its dev stage ran in.
      const tree = join(root, 'workspace-challenge', 'tree');
      const rebuilt = parse(await readFile(join(tree, 'workspace-release-stage-b', 'dist', 'manifest.yaml'), 'utf8')) as { builder_image: { ref: string } };
      expect(rebuilt.builder_image.ref).toBe(TRIXIE);
      // Only this test's workspaces: other farms may be building on the same engine.
      const ids = [root, tree].flatMap((r) => (['dev', 'a', 'b'] as const).map((stage) => `build:${workspacePaths(r, stage).id}`));
      const all = await new Docker({ socketPath: '/var/run/docker.sock' }).listContainers({ all: true, filters: { label: [`${LABELS.farm}=${FARM_MARK}`] } });
      expect(all.filter((c) => ids.includes(c.Labels[LABELS.kind] ?? '')).map((c) => c.Id)).toEqual([]);
    },
    RELEASE_MS,
  );

  it(
    'a package whose stage B output differs from stage A fails the release, naming the package and the file; no dist/ (the earlier one is gone)',
    async () => {
      // make embeds its build time, but only when built in stage B: dev and A build it as before.
      await editRecipe(root, 'make', (t) =>
        t.replace(
          'build = [[',
          'build = [[\nif [ "$STASIS_STAGE" = b ]; then\n  mkdir -p "$DESTDIR/usr/share/make"\n  date +%s%N > "$DESTDIR/usr/share/make/built-at"\nfi',
        ),
      );
      const r = await runFarm(root, ['release', '--profile', 'tiny', '--mirror', MIRROR, '--json']);
      expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-3000)).toBe(1);
      // make was built again in every stage (its recipe changed); stage B's make is the one that differs.
      const built = r.stderr
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as { type?: string; pkg?: string; stage?: string })
        .filter((e) => e.type === 'build-start' && e.pkg === 'make');
      expect(built.map((e) => e.stage)).toEqual(['dev', 'a', 'b']);
      const report = parse(await readFile(join(root, 'workspace-release-stage-b', 'compare.yaml'), 'utf8')) as {
        verdict: string;
        different: { package: string; files: { path: string }[] }[];
      };
      expect(report.verdict).toBe('fail');
      expect(report.different.map((d) => d.package)).toEqual(['make']);
      expect(report.different[0]?.files.map((f) => f.path)).toContain('usr/share/make/built-at');
      await expect(readFile(join(root, 'workspace-release-stage-b', 'dist', 'SHA256SUMS'))).rejects.toThrow();
    },
    RELEASE_MS,
  );
});
