import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createFakeRuntime } from '../../farm/runtime/fake.js';
import { createLazyRuntime } from '../../farm/runtime/lazy.js';
import type { ContainerRuntime, EngineReader } from '../../farm/runtime/port.js';

const SPEC = {
  image: 'stasis-builder:debian-musl',
  cmd: ['/bin/true'],
  env: {},
  workdir: '/build',
  hostname: 'stasis-build',
  labels: {},
  limits: { memoryBytes: 1 << 30, pids: 64, logBytes: 1 << 20 },
};

const BUILDER = { id: 'sha256:builder', labels: { 'org.stasis-farm.kind': 'builder' }, env: ['STASIS_CC=musl-gcc'] };

/** A reader that answers from memory and counts its calls; a full runtime whose loads are counted. */
function setup(): { runtime: ContainerRuntime; loads: () => number; asked: string[]; full: ReturnType<typeof createFakeRuntime> } {
  const asked: string[] = [];
  const reader: EngineReader = {
    ping: () => (asked.push('ping'), Promise.resolve()),
    inspectImage: (ref) => (asked.push(`inspect ${ref}`), Promise.resolve(ref === 'stasis-builder:debian-musl' ? BUILDER : undefined)),
    listContainers: () => (asked.push('list'), Promise.resolve(['stale'])),
  };
  const full = createFakeRuntime(() => ({ exitCode: 0 }), { images: { 'stasis-builder:debian-musl': BUILDER } });
  let loads = 0;
  const load = async (): Promise<ContainerRuntime> => {
    loads++;
    // As an import(): the runtime comes a while later.
    await new Promise((r) => setTimeout(r, 20));
    return full;
  };
  return { runtime: createLazyRuntime(reader, load), loads: () => loads, asked, full };
}

describe('the lazy runtime', () => {
  it('answers ping, inspectImage and listContainers without loading the full runtime', async () => {
    const { runtime, loads, asked } = setup();
    await runtime.ping();
    expect(await runtime.inspectImage('stasis-builder:debian-musl')).toEqual(BUILDER);
    expect(await runtime.inspectImage('absent:1')).toBeUndefined();
    expect(await runtime.listContainers({ a: 'b' })).toEqual(['stale']);
    expect(asked).toEqual(['ping', 'inspect stasis-builder:debian-musl', 'inspect absent:1', 'list']);
    expect(loads()).toBe(0);
  });

  it('loads the full runtime once, on the first other call, and hands it every other call from then on', async () => {
    const { runtime, loads, asked, full } = setup();
    await runtime.ping();
    expect(loads()).toBe(0);
    // Two calls at once while it loads: one load.
    const [images, container] = await Promise.all([runtime.listImages({}), runtime.createContainer(SPEC)]);
    expect(loads()).toBe(1);
    expect(images.map((i) => i.id)).toEqual([BUILDER.id]);
    expect(full.live()).toEqual([container.id]);
    await runtime.removeContainer(container.id);
    expect(full.removed).toEqual([container.id]);
    await runtime.removeImage('stasis-builder:debian-musl');
    expect(full.images.size).toBe(0);
    // The lean calls stay with the reader.
    await runtime.listContainers({});
    expect(asked).toEqual(['ping', 'list']);
    expect(loads()).toBe(1);
  });

  it('fails a call whose input stream fails while the full runtime loads', async () => {
    const { runtime, loads } = setup();
    const archive = new PassThrough();
    const loading = runtime.loadImage(archive);
    archive.destroy(new Error('the engine it came from went away'));
    await expect(loading).rejects.toThrow('the engine it came from went away');
    expect(loads()).toBe(1);
    expect(archive.listenerCount('error')).toBe(0);
  });
});
