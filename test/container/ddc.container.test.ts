import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { containerTierReady, MIRROR, runFarm } from '../support/farm.js';
import { copyRoot, FIXTURE_MS, sharedTinyRelease } from '../support/shared.js';

const ready = await containerTierReady();

// Diverse double-compiling (David A. Wheeler): the tiny closure's compiler, tcc, is compiled in the dev
// stage by two different compilers: bookworm's gcc 12 (the run's tiny release) and trixie's gcc 14 (a
// second builder made here with `image ensure --bootstrap --suite trixie`). The two dev stages differ;
// stage A is built by each dev stage's tcc, so if neither gcc changed what tcc does, stage A comes out
// bit for bit the same, and stage B (built in A's image) is then the first release's own.
const TRIXIE = 'stasis-builder:debian-musl-trixie';
const PACKAGES = ['busybox', 'make', 'musl', 'tcc'];

interface StageManifest {
  builder_image: { ref: string; id: string };
  packages: { name: string; output_sha256: string }[];
}

async function stages(root: string): Promise<{ dev: StageManifest; a: StageManifest; b: StageManifest }> {
  const read = async (dir: string): Promise<StageManifest> => parse(await readFile(join(root, dir, 'manifest.yaml'), 'utf8')) as StageManifest;
  return { dev: await read('workspace'), a: await read('workspace-release-stage-a'), b: await read('workspace-release-stage-b') };
}

const outputs = (m: StageManifest): Record<string, string> => Object.fromEntries(m.packages.map((p) => [p.name, p.output_sha256]));

describe.skipIf(!ready)('diverse double-compiling: the tiny release again from a builder with another gcc', () => {
  it(
    'the dev stages differ, stage A and stage B are bit for bit the first release’s, and the manifest names the builder',
    async () => {
      const first = await sharedTinyRelease();
      expect(first.run.code, first.run.stderr.slice(-3000)).toBe(0);
      const root = await copyRoot(first.root);
      const image = await runFarm(root, ['image', 'ensure', '--bootstrap', '--suite', 'trixie', '--ref', TRIXIE]);
      expect(image.code, image.stdout + image.stderr).toBe(0);
      const defaults = join(root, 'default.lua');
      await writeFile(defaults, (await readFile(defaults, 'utf8')).replace('builder = "stasis-builder:debian-musl"', `builder = "${TRIXIE}"`));
      const before = await stages(root);

      const r = await runFarm(root, ['release', '--profile', 'tiny', '--mirror', MIRROR]);
      expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-3000)).toBe(0);
      const { dev, a, b } = await stages(root);
      // Another builder made dev, and its outputs differ (tcc, at least: gcc 14 compiled it).
      expect(dev.builder_image.ref).toBe(TRIXIE);
      expect(dev.builder_image.id).not.toBe(before.dev.builder_image.id);
      expect(outputs(dev)['tcc']).not.toBe(outputs(before.dev)['tcc']);
      // Stage A, built by that tcc, is the first release's bit for bit; so is stage B, and A's image.
      expect(outputs(a)).toEqual(outputs(before.a));
      expect(outputs(b)).toEqual(outputs(before.b));
      expect(Object.keys(outputs(b)).sort()).toEqual(PACKAGES);
      expect(b.builder_image.id).toBe(before.b.builder_image.id);
      expect(r.stdout).toMatch(/stage A vs stage B\n\s+identical: 4 package\(s\)/);
      const release = parse(await readFile(join(root, 'workspace-release-stage-b', 'dist', 'manifest.yaml'), 'utf8')) as { builder_image: { ref: string } };
      expect(release.builder_image.ref).toBe(TRIXIE);
    },
    FIXTURE_MS,
  );
});
