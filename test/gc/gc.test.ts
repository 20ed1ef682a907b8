import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildCache, type CacheMeta } from '../../farm/cache/index.js';
import { collectGarbage, type GcOptions } from '../../farm/gc/index.js';
import type { KeyInputs } from '../../farm/keys/index.js';
import type { FarmEvent } from '../../farm/report/events.js';
import { createFakeRuntime, type FakeImage, type FakeRuntime } from '../../farm/runtime/fake.js';
import { farmLabels, LABELS } from '../../farm/runtime/labels.js';
import { stageImageRef } from '../../farm/release/stage-image.js';
import { lockWorkspace } from '../../farm/workspace/lock.js';
import { workspacePaths } from '../../farm/workspace/paths.js';
import { recordKeys, writeManifest } from '../../farm/workspace/state.js';
import { runRelease } from '../../farm/release/release.js';
import { fakeReleaseOptions, makeFakeProject } from '../release/fake-project.js';
import { cli } from '../support/cli.js';

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);
const key = (c: string): string => c.repeat(64);
const SELF = 's'.repeat(64);
const rootfs = (c: string): string => c.repeat(64);
/** Another project's workspace on the same engine. */
const ELSEWHERE = 'f00dfeedf00d';
/** A stage image tag of a farm older than workspace tags: never touched. */
const OLDER = 'stasis-stage:a-0123456789ab';
const TOOLS_OLD = 'stasis-disk-tools:6666666666666666';
const TOOLS_YOUNG = 'stasis-disk-tools:7777777777777777';

function meta(k: string, pkg: string): CacheMeta {
  return {
    key: k,
    pkg,
    version: '1',
    stage: 'dev',
    outputSha256: 'o'.repeat(64),
    selfHash: SELF,
    depOutputs: { lua: 'l1' },
    files: 1,
    bytes: 9,
    durationMs: 1,
    inputs: {},
  };
}

function stageImage(id: string, size: number): FakeImage {
  return { id, labels: farmLabels({ kind: 'stage', stage: 'a', rootfs: rootfs('0') }), env: [], size, created: T0 };
}

/**
 * A project whose stage A workspace builds with the image of tag `used`, beside stage images
 * nothing uses (tagged for A and for B), one tagged for another project, one with an older
 * farm's tag (no workspace part), one whose tag names stage B with A's workspace id, the builder and a foreign image (tagged like a stage image
 * of A, without the farm's labels); and a dev cache holding a recorded entry, one recorded
 * through an alias, an old and a young unrecorded entry.
 */
async function project() {
  const root = await mkdtemp(join(tmpdir(), 'gc-'));
  const [dev, a, b] = (['dev', 'a', 'b'] as const).map((s) => workspacePaths(root, s)) as [
    ReturnType<typeof workspacePaths>,
    ReturnType<typeof workspacePaths>,
    ReturnType<typeof workspacePaths>,
  ];
  const tags = {
    used: stageImageRef('a', rootfs('1'), a.id),
    staleA: stageImageRef('a', rootfs('2'), a.id),
    staleB: stageImageRef('b', rootfs('3'), b.id),
    elsewhere: stageImageRef('a', rootfs('4'), ELSEWHERE),
    foreign: stageImageRef('a', rootfs('5'), a.id),
    /** Stage B with A's workspace id: no tag the farm makes. */
    crossed: stageImageRef('b', rootfs('8'), a.id),
  };
  const foreign: FakeImage = { id: 'sha256:foreign', labels: { [LABELS.kind]: 'stage' }, env: [], size: 7000 };
  const runtime = createFakeRuntime(() => ({}), {
    images: {
      'stasis-builder:debian-musl': { id: 'sha256:builder', labels: farmLabels({ kind: 'builder' }), env: [], size: 100 },
      [tags.used]: stageImage('sha256:used', 1000),
      [tags.staleA]: stageImage('sha256:stale-a', 3000),
      [tags.staleB]: stageImage('sha256:stale-b', 4000),
      [tags.elsewhere]: stageImage('sha256:elsewhere', 5000),
      [OLDER]: stageImage('sha256:older', 6000),
      [tags.crossed]: stageImage('sha256:crossed', 6500),
      // Disk tools images (`stasis-farm disk`): one older than the 14 days kept, one younger.
      [TOOLS_OLD]: { id: 'sha256:tools-old', labels: farmLabels({ kind: 'disk-tools', rootfs: rootfs('6') }), env: [], size: 2500, created: T0 },
      [TOOLS_YOUNG]: { id: 'sha256:tools-young', labels: farmLabels({ kind: 'disk-tools', rootfs: rootfs('7') }), env: [], size: 2600, created: T0 + 25 * DAY },
      'debian:stable': foreign,
      [tags.foreign]: foreign,
    },
  });
  await writeManifest(a, {
    farm_version: 'test',
    stage: 'a',
    profile: 'test',
    builder_image: { ref: tags.used, id: 'sha256:used' },
    source_date_epoch: 1700000000,
    packages: [],
  });

  const old = new BuildCache(dev.cache, { now: () => T0 });
  let n = 0;
  const tarFile = async (): Promise<string> => {
    const { writeFile } = await import('node:fs/promises');
    const p = join(root, `out${n++}.tar`);
    await writeFile(p, 'tar bytes');
    return p;
  };
  for (const [k, pkg] of [
    [key('1'), 'lua'],
    [key('3'), 'lpeg'],
  ] as const) {
    await old.put({ meta: meta(k, pkg), tarPath: await tarFile(), manifestJson: '[]', logPath: undefined });
  }
  await old.put({ meta: { ...meta(key('4'), 'zlib'), depOutputs: { lua: 'l2' } }, tarPath: await tarFile(), manifestJson: '[]', logPath: undefined });
  // lpeg's recorded key reuses entry 3 by early cutoff; 5 is an alias of the old, unrecorded entry 4.
  await old.alias(key('2'), key('3'));
  await old.alias(key('5'), key('4'));
  const young = new BuildCache(dev.cache, { now: () => T0 + 20 * DAY });
  await young.put({ meta: { ...meta(key('6'), 'sed'), selfHash: 't'.repeat(64) }, tarPath: await tarFile(), manifestJson: '[]', logPath: undefined });
  await recordKeys(
    dev,
    new Map([
      ['lua', { key: key('1'), inputs: {} as KeyInputs }],
      ['lpeg', { key: key('2'), inputs: {} as KeyInputs }],
    ]),
  );

  const events: FarmEvent[] = [];
  const gc = (runtimeUsed: FakeRuntime, extra: Partial<GcOptions> = {}) =>
    collectGarbage({
      root,
      runtime: runtimeUsed,
      keepDays: 14,
      remove: false,
      now: () => T0 + 30 * DAY,
      sink: (e) => events.push(e),
      signal: new AbortController().signal,
      ...extra,
    });
  return { root, dev, a, runtime, tags, cache: old, gc, events };
}

const refs = (runtime: FakeRuntime): string[] => [...runtime.images.keys()].sort();

describe('gc', () => {
  it('a dry run lists the unused stage images and the old unrecorded cache entry, and changes nothing', async () => {
    const { runtime, tags, cache, gc } = await project();
    const before = refs(runtime);
    const keysBefore = await cache.keys();
    const r = await gc(runtime);
    expect(r.dryRun).toBe(true);
    expect(r.images.map((v) => [v.ref, v.stage, v.bytes])).toEqual([
      [tags.staleA, 'a', 3000],
      [tags.staleB, 'b', 4000],
    ]);
    expect(r.entries.map((v) => [v.pkg, v.key])).toEqual([['zlib', key('4')]]);
    expect(r.tools.map((v) => [v.ref, v.bytes])).toEqual([[TOOLS_OLD, 2500]]);
    expect(r.keptTools).toBe(1);
    expect(r.keptImages).toBe(1);
    expect(r.keptEntries).toBe(3);
    expect(refs(runtime)).toEqual(before);
    expect(await cache.keys()).toEqual(keysBefore);
    expect((await cache.findCutoff(SELF, { lua: 'l2' }))?.meta.key).toBe(key('4'));
    expect((await cache.get(key('5')))?.meta.key).toBe(key('4'));
  });

  it("--yes removes them; the used stage image, the builder, other projects' and foreign images stay; the cutoff index forgets the entry", async () => {
    const { runtime, tags, cache, gc, events } = await project();
    const r = await gc(runtime, { remove: true });
    expect(r.dryRun).toBe(false);
    expect(refs(runtime)).toEqual(['debian:stable', 'stasis-builder:debian-musl', OLDER, tags.used, tags.elsewhere, tags.foreign, tags.crossed, TOOLS_YOUNG].sort());
    expect(await cache.keys()).toEqual([key('1'), key('3'), key('6')]);
    expect((await cache.get(key('2')))?.meta.key).toBe(key('3'));
    // Early cutoff no longer offers the evicted entry, and its alias is gone with it.
    expect(await cache.findCutoff(SELF, { lua: 'l2' })).toBeUndefined();
    expect((await cache.findCutoff(SELF, { lua: 'l1' }))?.meta.key).toBe(key('1'));
    expect(await cache.get(key('5'))).toBeUndefined();
    expect(await readdir(join(cache.dir, 'alias'))).toEqual([key('2')]);
    expect(events.filter((e) => e.type === 'gc-removed').map((e) => (e.type === 'gc-removed' ? `${e.what} ${e.name}` : ''))).toEqual([
      `stage-image ${tags.staleA}`,
      `stage-image ${tags.staleB}`,
      `disk-tools-image ${TOOLS_OLD}`,
      `cache-entry zlib 1 ${key('4').slice(0, 12)}`,
    ]);
    // Nothing is left to remove.
    const again = await gc(runtime);
    expect([again.images.length, again.entries.length, again.tools.length]).toEqual([0, 0, 0]);
  });

  it('an unused stage image a container still uses is reported and kept, the rest removed', async () => {
    const { runtime, tags, gc, events } = await project();
    await runtime.createContainer({
      image: tags.staleA,
      cmd: ['true'],
      env: {},
      workdir: '/',
      hostname: 'h',
      labels: {},
      limits: { memoryBytes: 1, pids: 1, logBytes: 1 },
    });
    const r = await gc(runtime, { remove: true });
    expect(r.refused.map((x) => x.victim.ref)).toEqual([tags.staleA]);
    expect(r.images.map((v) => v.ref)).toEqual([tags.staleB]);
    expect(runtime.images.has(tags.staleA)).toBe(true);
    expect(events.some((e) => e.type === 'warn' && e.message.includes(tags.staleA))).toBe(true);
  });

  it("an image tagged by this project and by another loses only this project's tag and stays under the other", async () => {
    const { runtime, a, gc, events } = await project();
    const shared = stageImage('sha256:shared', 8000);
    const here = stageImageRef('a', rootfs('6'), a.id);
    const there = stageImageRef('a', rootfs('6'), ELSEWHERE);
    runtime.images.set(here, shared);
    runtime.images.set(there, shared);
    const dry = await gc(runtime);
    // Removing the tag frees nothing: the other project's tag keeps the image.
    expect(dry.images.find((v) => v.image.id === 'sha256:shared')).toMatchObject({ ref: here, stage: 'a', bytes: 0 });
    await gc(runtime, { remove: true });
    expect(runtime.images.has(here)).toBe(false);
    expect(runtime.images.get(there)?.id).toBe('sha256:shared');
    expect(events).toContainEqual({ type: 'gc-removed', what: 'stage-image', stage: 'a', name: here, bytes: 0 });
    // That project's business now: nothing of this one names it.
    expect((await gc(runtime)).images).toEqual([]);
  });

  it("an image with tags for two of this project's workspaces, used by neither, goes with both tags; its size counts once", async () => {
    const { runtime, a, root, gc } = await project();
    const both = stageImage('sha256:both', 9000);
    const forA = stageImageRef('a', rootfs('7'), a.id);
    const forB = stageImageRef('b', rootfs('7'), workspacePaths(root, 'b').id);
    runtime.images.set(forA, both);
    runtime.images.set(forB, both);
    const dry = await gc(runtime);
    expect(dry.images.filter((v) => v.image.id === 'sha256:both').map((v) => [v.ref, v.bytes])).toEqual([
      [forA, 0],
      [forB, 9000],
    ]);
    await gc(runtime, { remove: true });
    expect([...runtime.images.values()].some((i) => i.id === 'sha256:both')).toBe(false);
  });

  it('--keep-days 0 removes every unrecorded entry; recorded ones stay', async () => {
    const { runtime, cache, gc } = await project();
    await gc(runtime, { remove: true, keepDays: 0 });
    expect(await cache.keys()).toEqual([key('1'), key('3')]);
  });

  it('a workspace another stasis-farm holds is left alone, with a warning', async () => {
    const { runtime, dev, cache, gc, events } = await project();
    await using lock = await lockWorkspace(dev.dir);
    void lock;
    const r = await gc(runtime, { remove: true });
    expect(r.busy.map((b) => b.stage)).toEqual(['dev']);
    expect(r.entries).toEqual([]);
    expect(await cache.keys()).toContain(key('4'));
    expect(r.images).toHaveLength(2);
    expect(events.some((e) => e.type === 'warn' && /in use by another stasis-farm/.test(e.message))).toBe(true);
  });

  it('without an engine the cache part still runs and the image part says it was skipped', async () => {
    const { cache, gc } = await project();
    const down = createFakeRuntime(() => ({}), { engineUp: false });
    const dry = await gc(down);
    expect(dry.imagesSkipped).toMatch(/engine is down/);
    expect(dry.entries).toHaveLength(1);
    const r = await gc(down, { remove: true });
    expect(r.engineError?.code).toBe('ENGINE_UNAVAILABLE');
    expect(await cache.keys()).not.toContain(key('4'));
  });
});

describe('gc after a release', () => {
  it('keeps the stage images stages A and B were built with: each is tagged for its workspace, whose manifest names it', async () => {
    const packages = { hello: { 'usr/share/hello': { content: 'hi\n' } } };
    const root = await makeFakeProject(packages);
    const options = fakeReleaseOptions(packages);
    const release = await runRelease({ root, profile: 'fake', ...options });
    expect(Object.keys(release.stageImages).sort()).toEqual(['a', 'b']);
    const r = await collectGarbage({ root, runtime: options.runtime, keepDays: 14, remove: false, now: Date.now, sink: () => {}, signal: new AbortController().signal });
    expect(r.images).toEqual([]);
    expect(r.keptImages).toBe(2);
    expect(r.entries).toEqual([]);
  });
});

describe('stasis-farm gc (CLI, no engine)', () => {
  it('a dry run warns and exits 0; --yes evicts the cache entries, then exits 5', async () => {
    const root = await mkdtemp(join(tmpdir(), 'gc-cli-'));
    const cache = new BuildCache(workspacePaths(root, 'dev').cache, { now: () => Date.now() - 30 * DAY });
    await cache.put({ meta: meta(key('a'), 'zlib'), tarPath: await writeTar(root), manifestJson: '[]', logPath: undefined });
    const dry = await cli(root, ['gc']);
    expect(dry.code).toBe(0);
    expect(dry.err).toMatch(/warning: stage images not looked at: fake engine is down/);
    expect(dry.out).toMatch(/would remove dev cache entry zlib 1 aaaaaaaaaaaa \(30 days old/);
    expect(dry.out).toMatch(/pass --yes/);
    expect(await cache.keys()).toEqual([key('a')]);
    const json = await cli(root, ['gc', '--json', '--keep-days', '31']);
    expect(JSON.parse(json.out)).toMatchObject({ type: 'summary', command: 'gc', dryRun: true, keepDays: 31, cacheEntries: [] });
    const yes = await cli(root, ['gc', '--yes']);
    expect(yes.code).toBe(5);
    expect(yes.err).toMatch(/ENGINE_UNAVAILABLE/);
    expect(yes.out).toMatch(/removed 0 stage images and 1 cache entry/);
    expect(await cache.keys()).toEqual([]);
    expect((await cli(root, ['gc', '--keep-days', 'soon'])).code).toBe(2);
  });
});

async function writeTar(dir: string): Promise<string> {
  const { writeFile } = await import('node:fs/promises');
  const p = join(dir, `extra-${Math.random().toString(36).slice(2)}.tar`);
  await writeFile(p, 'tar bytes');
  return p;
}
