import { describe, expect, it } from 'vitest';
import { FarmError } from '../../farm/errors/index.js';
import { inspectBuilder } from '../../farm/image/inspect.js';
import { createFakeRuntime } from '../../farm/runtime/fake.js';
import { farmLabels, LABELS } from '../../farm/runtime/labels.js';

describe('inspectBuilder', () => {
  it('gives the image id and the toolchain its environment declares', async () => {
    const runtime = createFakeRuntime(() => ({}), {
      images: { 'stage:a': { id: 'sha256:a', labels: {}, env: ['STASIS_CC=cc', 'STASIS_TOOLCHAIN_FLAGS=-B/build/sysroot/usr/lib/tcc'] } },
    });
    expect(await inspectBuilder(runtime, 'stage:a')).toEqual({ ref: 'stage:a', id: 'sha256:a', libc: 'unknown', cc: 'cc', flags: '-B/build/sysroot/usr/lib/tcc' });
  });

  it('gives the C library its libc label names; a stage image is musl; a bootstrapped (Debian) builder glibc; anything else is unknown', async () => {
    const runtime = createFakeRuntime(() => ({}), {
      images: {
        debian: { id: 'sha256:d', labels: farmLabels({ kind: 'builder', definition: 'f'.repeat(64) }), env: ['STASIS_CC=musl-gcc'] },
        stasis: { id: 'sha256:s', labels: farmLabels({ kind: 'builder', libc: 'musl' }), env: ['STASIS_CC=tcc'] },
        stage: { id: 'sha256:b', labels: farmLabels({ kind: 'stage', stage: 'b' }), env: [] },
        odd: { id: 'sha256:o', labels: { [LABELS.libc]: 'bionic' }, env: [] },
      },
    });
    expect(await inspectBuilder(runtime, 'debian')).toEqual({ ref: 'debian', id: 'sha256:d', libc: 'glibc', cc: 'musl-gcc' });
    expect((await inspectBuilder(runtime, 'stasis')).libc).toBe('musl');
    expect((await inspectBuilder(runtime, 'stage')).libc).toBe('musl');
    expect((await inspectBuilder(runtime, 'odd')).libc).toBe('unknown');
  });

  it('a missing builder is IMAGE_MISSING whose hint names image ensure --bootstrap', async () => {
    const error = await inspectBuilder(
      createFakeRuntime(() => ({})),
      'nothing:here',
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FarmError);
    expect((error as FarmError).code).toBe('IMAGE_MISSING');
    expect((error as FarmError).hint).toContain('stasis-farm image ensure --bootstrap');
  });
});
