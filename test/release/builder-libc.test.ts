import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runRelease } from '../../farm/release/release.js';
import { farmLabels } from '../../farm/runtime/labels.js';
import { fakeReleaseOptions, makeFakeProject } from './fake-project.js';

const PACKAGES = { hello: { 'usr/share/hello': { content: 'hi\n' } } };

interface Recorded {
  readonly builder_image: { readonly ref: string; readonly id: string; readonly libc?: string };
}

/** A fake release whose dev builder carries `labels`; the dist manifest and stage A's workspace manifest. */
async function release(labels: Readonly<Record<string, string>>): Promise<{ dist: Recorded; a: Recorded }> {
  const root = await makeFakeProject(PACKAGES);
  try {
    await runRelease({ root, profile: 'fake', ...fakeReleaseOptions(PACKAGES, [], labels) });
    const read = async (file: string): Promise<Recorded> => parse(await readFile(join(root, file), 'utf8')) as Recorded;
    return { dist: await read('workspace-release-stage-b/dist/manifest.yaml'), a: await read('workspace-release-stage-a/manifest.yaml') };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

describe('the release manifest records the C library the dev stage ran on', () => {
  it('glibc for the bootstrapped Debian builder (musl-gcc on a glibc host); stage A ran on a Stasis stage image: musl', async () => {
    const { dist, a } = await release(farmLabels({ kind: 'builder', libc: 'glibc' }));
    expect(dist.builder_image).toEqual({ ref: 'stasis-builder:debian-musl', id: 'sha256:builder', cc: 'cc', libc: 'glibc' });
    expect(a.builder_image.libc).toBe('musl');
  });

  it('musl for a builder imported from a Stasis rootfs', async () => {
    expect((await release(farmLabels({ kind: 'builder', libc: 'musl' }))).dist.builder_image.libc).toBe('musl');
  });

  it('unknown for a builder made before the farm labelled the C library (image ensure remakes the default one)', async () => {
    expect((await release({})).dist.builder_image.libc).toBe('unknown');
  });
});
