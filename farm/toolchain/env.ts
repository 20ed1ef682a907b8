import type { BuildDefaults } from '../config/types.js';
import type { ImageToolchain } from './image.js';

/**
 * The toolchain settings a package build receives when `toolchain ~= false`.
 * They enter the cache key of exactly those packages. CC (and any flags the
 * compiler always needs) come from the builder image, everything else from default.lua.
 */
export function toolchainEnv(defaults: BuildDefaults, image: ImageToolchain): Record<string, string> {
  const lto = defaults.lto ? ' -flto' : '';
  const extra = image.flags === undefined ? '' : ` ${image.flags}`;
  return {
    CC: image.cc,
    CFLAGS: `${defaults.cflags}${lto}${extra}`.trim(),
    CXXFLAGS: `${defaults.cxxflags}${lto}${extra}`.trim(),
    LDFLAGS: `-static ${defaults.ldflags}${lto}${extra}`.replace(/\s+/g, ' ').trim(),
    LTO: defaults.lto ? '1' : '0',
  };
}
