import { describe, expect, it } from 'vitest';
import { buildEnv } from '../../farm/pkgbuild/env.js';
import { makeRecipe } from '../graph/make-recipe.js';

describe('buildEnv', () => {
  it('points pkg-config at the sysroot only, with the sysroot prefixed, for every build', () => {
    for (const toolchain of [true, false]) {
      const env = buildEnv({ recipe: makeRecipe('x', { toolchain }).recipe, stage: 'dev', sourceDateEpoch: 1, toolchain: {} });
      expect(env).toMatchObject({
        PKG_CONFIG_PATH: '/build/sysroot/usr/lib/pkgconfig:/build/sysroot/usr/share/pkgconfig',
        PKG_CONFIG_LIBDIR: '/build/sysroot/usr/lib/pkgconfig:/build/sysroot/usr/share/pkgconfig',
        PKG_CONFIG_SYSROOT_DIR: '/build/sysroot',
      });
      // $JOBS is decided when the build starts, after the container (and its environment) is made.
      expect(env).not.toHaveProperty('JOBS');
    }
  });
});
