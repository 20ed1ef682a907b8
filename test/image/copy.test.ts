import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { copyImage, loadImageArchive } from '../../farm/image/copy.js';
import type { FarmEvent } from '../../farm/report/events.js';
import { createFakeRuntime, type FakeImage } from '../../farm/runtime/fake.js';
import type { ContainerRuntime } from '../../farm/runtime/port.js';

const ID = `sha256:${'a'.repeat(64)}`;
const BUILDER: FakeImage = { id: ID, labels: { 'org.stasis-farm.kind': 'builder' }, env: ['STASIS_CC=musl-gcc'] };
const engine = (images: Record<string, FakeImage> = {}) => createFakeRuntime(() => ({}), { images });

describe('copying an image between engines', () => {
  it('streams it across, checks the id there, and skips a target that already has it', async () => {
    const from = engine({ 'stasis-builder:debian-musl': BUILDER });
    const to = engine();
    const events: FarmEvent[] = [];
    const first = await copyImage('stasis-builder:debian-musl', { runtime: from, name: 'A' }, { runtime: to, name: 'B' }, { sink: (e) => events.push(e) });
    expect(first).toMatchObject({ id: ID, copied: true });
    expect(first.bytes).toBeGreaterThan(0);
    expect(await to.inspectImage('stasis-builder:debian-musl')).toEqual(BUILDER);
    expect(events).toContainEqual({ type: 'info', message: `copying stasis-builder:debian-musl (${ID.slice(0, 19)}) from A to B` });
    const again = await copyImage('stasis-builder:debian-musl', { runtime: from, name: 'A' }, { runtime: to, name: 'B' });
    expect(again).toEqual({ id: ID, copied: false, bytes: 0 });
  });

  it('an image the source lacks is IMAGE_MISSING naming the engine', async () => {
    await expect(copyImage('nosuch:1', { runtime: engine(), name: 'A' }, { runtime: engine(), name: 'B' })).rejects.toMatchObject({
      code: 'IMAGE_MISSING',
      message: 'image nosuch:1 is not on A',
    });
  });

  it('a target that ends up with another id is IMAGE_MISMATCH with both ids and a hint', async () => {
    const from = engine({ 'b:1': BUILDER });
    const other = engine();
    // An engine that names what it loads by another digest (as the containerd image store does).
    const to: ContainerRuntime = {
      ...other,
      async loadImage(archive) {
        const refs = await other.loadImage(archive);
        other.images.set('b:1', { ...BUILDER, id: `sha256:${'b'.repeat(64)}` });
        return refs;
      },
    };
    const error = await copyImage('b:1', { runtime: from, name: 'A' }, { runtime: to, name: 'B' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMAGE_MISMATCH', data: { ref: 'b:1', wanted: ID, got: `sha256:${'b'.repeat(64)}`, engine: 'B' } });
    expect((error as { hint: string }).hint).toMatch(/containerd image store/);
  });

  it('a source stream that fails fails the copy (nothing waits for an end that never comes)', async () => {
    const from = engine({ 'b:1': BUILDER });
    const broken: ContainerRuntime = {
      ...from,
      saveImage: () =>
        Promise.resolve(
          new Readable({
            read() {
              this.destroy(new Error('engine A went away'));
            },
          }),
        ),
    };
    await expect(copyImage('b:1', { runtime: broken, name: 'A' }, { runtime: engine(), name: 'B' })).rejects.toThrow(/engine A went away/);
  });

  it('loads an archive (a kit) and checks the id it records; skips an engine that has it', async () => {
    const archive = () => engine({ 'b:1': BUILDER }).saveImage('b:1');
    const to = engine();
    expect(await loadImageArchive({ runtime: to, name: 'B' }, archive, { ref: 'b:1', id: ID, origin: '/kit' })).toMatchObject({ loaded: true });
    expect(await loadImageArchive({ runtime: to, name: 'B' }, archive, { ref: 'b:1', id: ID, origin: '/kit' })).toEqual({ loaded: false, bytes: 0 });
    await expect(loadImageArchive({ runtime: engine(), name: 'C' }, archive, { ref: 'b:1', id: `sha256:${'c'.repeat(64)}`, origin: '/kit' })).rejects.toMatchObject({
      code: 'IMAGE_MISMATCH',
    });
  });
});
