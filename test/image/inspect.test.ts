import { describe, expect, it } from 'vitest';
import { FarmError } from '../../farm/errors/index.js';
import { inspectBuilder } from '../../farm/image/inspect.js';
import { createFakeRuntime } from '../../farm/runtime/fake.js';

describe('inspectBuilder', () => {
  it('gives the image id and the toolchain its environment declares', async () => {
    const runtime = createFakeRuntime(() => ({}), {
      images: { 'stage:a': { id: 'sha256:a', labels: {}, env: ['STASIS_CC=cc', 'STASIS_TOOLCHAIN_FLAGS=-B/build/sysroot/usr/lib/tcc'] } },
    });
    expect(await inspectBuilder(runtime, 'stage:a')).toEqual({ ref: 'stage:a', id: 'sha256:a', cc: 'cc', flags: '-B/build/sysroot/usr/lib/tcc' });
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
