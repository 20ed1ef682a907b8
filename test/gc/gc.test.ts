import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildCache, type CacheMeta } from '../../farm/cache/index.js';
import { collectGarbage, type GcOptions } from '../../farm/gc/index.js';
import type { KeyInputs } from '../../farm/keys/index.js';
import type { FarmEvent } from '../../farm/report/events.js';
import { createFakeRuntime, type FakeImage, type FakeRuntime } from '../../farm/runtime/fake.js';
import { LABELS } from '../../farm/runtime/port.js';
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

function meta(k: string, pkg: string): CacheMeta {
  return { key: k, pkg, version: '1', stage: 'dev', outputSha256: 'o'.repeat(64), selfHash: SELF, depOutputs: { lua: 'l1' }, files: 1, bytes: 9, durationMs: 1, inputs: {} };
}

function stageImage(id: string, workspace: string | undefined, size: number): FakeImage {
  const labels: Record<string, string> = { [LABELS.farm]: 'stasis-farm', [LABELS.kind]: 'stage', [LABELS.stage]: 'a' };
  if (workspace !== undefined) labels[LABELS.workspace] = workspace;
  return { id, labels, env: [], size, created: T0 };
}

/**
 * A project whose stage A workspace builds with `stasis-stage:a-used`, beside stage images
 * nothing uses (for A and B), one of another project, one without the workspace label (an
 * older farm's), the builder and a foreign image; and a dev cache holding a recorded entry,
 * one recorded through an alias, an old and a young unrecorded entry.
 */
async function project() {
  const root = await mkdtemp(join(tmpdir(), 'gc-'));
  const [dev, a, b] = (['dev', 'a', 'b'] as const).map((s) => workspacePaths(root, s)) as [ReturnType<typeof workspacePaths>, ReturnType<typeof workspacePaths>, ReturnType<typeof workspacePaths>];
  const runtime = createFakeRuntime(() => ({}), {
    images: {
      'stasis-builder:debian-musl': { id: 'sha256:builder', labels: { [LABELS.farm]: 'stasis-farm', [LABELS.kind]: 'builder' }, env: [], size: 100 },
      'stasis-stage:a-used': stageImage('sha256:used', a.id, 1000),
      'stasis-stage:a-stale': stageImage('sha256:stale-a', a.id, 3000),
      'stasis-stage:b-stale': stageImage('sha256:stale-b', b.id, 4000),
      'stasis-stage:a-elsewhere': stageImage('sha256:elsewhere', 'f00dfeedf00d', 5000),
      'stasis-stage:a-unlabelled': stageImage('sha256:unlabelled', undefined, 6000),
      'debian:stable': { id: 'sha256:foreign', labels: { [LABELS.kind]: 'stage', [LABELS.workspace]: a.id }, env: [], size: 7000 },
    },
  });
  await writeManifest(a, {
    farm_version: 'test',
    stage: 'a',
    profile: 'test',
    builder_image: { ref: 'stasis-stage:a-used', id: 'sha256:used' },
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
  for (const [k, pkg] of [[key('1'), 'lua'], [key('3'), 'lpeg']] as const) {
    await old.put({ meta: meta(k, pkg), tarPath: await tarFile(), manifestJson: '[]', logPath: undefined });
  }
  await old.put({ meta: { ...meta(key('4'), 'zlib'), depOutputs: { lua: 'l2' } }, tarPath: await tarFile(), manifestJson: '[]', logPath: undefined });
  // lpeg's recorded key reuses entry 3 by early cutoff; 5 is an alias of the old, unrecorded entry 4.
  await old.alias(key('2'), key('3'));
  await old.alias(key('5'), key('4'));
  const young = new BuildCache(dev.cache, { now: () => T0 + 20 * DAY });
  await young.put({ meta: { ...meta(key('6'), 'sed'), selfHash: 't'.repeat(64) }, tarPath: await tarFile(), manifestJson: '[]', logPath: undefined });
  await recordKeys(dev, new Map([['lua', { key: key('1'), inputs: {} as KeyInputs }], ['lpeg', { key: key('2'), inputs: {} as KeyInputs }]]));

  const events: FarmEvent[] = [];
  const gc = (runtimeUsed: FakeRuntime, extra: Partial<GcOptions> = {}) =>
    collectGarbage({ root, runtime: runtimeUsed, keepDays: 14, remove: false, now: () => T0 + 30 * DAY, sink: (e) => events.push(e), signal: new AbortController().signal, ...extra });
  return { root, dev, runtime, cache: old, gc, events };
}

const refs = (runtime: FakeRuntime): string[] => [...runtime.images.keys()].sort();

describe('gc', () => {
  it('a dry run lists the unused stage images and the old unrecorded cache entry, and changes nothing', async () => {
    const { runtime, cache, gc } = await project();
    const before = refs(runtime);
    const keysBefore = await cache.keys();
    const r = await gc(runtime);
    expect(r.dryRun).toBe(true);
    expect(r.images.map((v) => v.image.refs[0]).sort()).toEqual(['stasis-stage:a-stale', 'stasis-stage:b-stale']);
    expect(r.images.map((v) => v.stage).sort()).toEqual(['a', 'b']);
    expect(r.entries.map((v) => [v.pkg, v.key])).toEqual([['zlib', key('4')]]);
    expect(r.keptImages).toBe(1);
    expect(r.keptEntries).toBe(3);
    expect(refs(runtime)).toEqual(before);
    expect(await cache.keys()).toEqual(keysBefore);
    expect((await cache.findCutoff(SELF, { lua: 'l2' }))?.meta.key).toBe(key('4'));
    expect((await cache.get(key('5')))?.meta.key).toBe(key('4'));
  });

  it('--yes removes them; the used stage image, the builder, other projects\' and foreign images stay; the cutoff index forgets the entry', async () => {
    const { runtime, cache, gc, events } = await project();
    const r = await gc(runtime, { remove: true });
    expect(r.dryRun).toBe(false);
    expect(refs(runtime)).toEqual(['debian:stable', 'stasis-builder:debian-musl', 'stasis-stage:a-elsewhere', 'stasis-stage:a-unlabelled', 'stasis-stage:a-used']);
    expect(await cache.keys()).toEqual([key('1'), key('3'), key('6')]);
    expect((await cache.get(key('2')))?.meta.key).toBe(key('3'));
    // Early cutoff no longer offers the evicted entry, and its alias is gone with it.
    expect(await cache.findCutoff(SELF, { lua: 'l2' })).toBeUndefined();
    expect((await cache.findCutoff(SELF, { lua: 'l1' }))?.meta.key).toBe(key('1'));
    expect(await cache.get(key('5'))).toBeUndefined();
    expect(await readdir(join(cache.dir, 'alias'))).toEqual([key('2')]);
    expect(events.filter((e) => e.type === 'gc-removed').map((e) => (e.type === 'gc-removed' ? `${e.what} ${e.name}` : ''))).toEqual([
      'stage-image stasis-stage:a-stale',
      'stage-image stasis-stage:b-stale',
      `cache-entry zlib 1 ${key('4').slice(0, 12)}`,
    ]);
    // Nothing is left to remove.
    const again = await gc(runtime);
    expect([again.images.length, again.entries.length]).toEqual([0, 0]);
  });

  it('an unused stage image a container still uses is reported and kept, the rest removed', async () => {
    const { runtime, gc, events } = await project();
    await runtime.createContainer({ image: 'stasis-stage:a-stale', cmd: ['true'], env: {}, workdir: '/', hostname: 'h', labels: {}, limits: { memoryBytes: 1, pids: 1, logBytes: 1 } });
    const r = await gc(runtime, { remove: true });
    expect(r.refused.map((x) => x.victim.image.refs[0])).toEqual(['stasis-stage:a-stale']);
    expect(r.images.map((v) => v.image.refs[0])).toEqual(['stasis-stage:b-stale']);
    expect(runtime.images.has('stasis-stage:a-stale')).toBe(true);
    expect(events.some((e) => e.type === 'warn' && e.message.includes('stasis-stage:a-stale'))).toBe(true);
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
  it('keeps the stage images stages A and B were built with: each is labelled for its workspace, whose manifest names it', async () => {
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
    expect(dry.err).toMatch(/warning: stage images not looked at: no container engine answers/);
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
