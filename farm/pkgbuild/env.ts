import type { Recipe } from '../recipe/types.js';

export const BUILD_ROOT = '/build';
export const SRC_DIR = '/build/src';
export const DEST_DIR = '/build/dest';
export const SYSROOT = '/build/sysroot';
export const HOME_DIR = '/build/home';
export const BUILD_HOSTNAME = 'stasis-build';
const PKG_CONFIG_DIRS = `${SYSROOT}/usr/lib/pkgconfig:${SYSROOT}/usr/share/pkgconfig`;
export const BASE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The fixed environment of one build container, set when it is made. $JOBS is the one variable
 * a build sees that is not here: it is decided when the build starts (run.sh exports it).
 */
export function buildEnv(options: {
  readonly recipe: Recipe;
  readonly stage: string;
  readonly sourceDateEpoch: number;
  readonly toolchain: Readonly<Record<string, string>>;
}): Record<string, string> {
  const { recipe } = options;
  const env: Record<string, string> = {
    PATH: `${SYSROOT}/usr/bin:${SYSROOT}/bin:${BASE_PATH}`,
    LC_ALL: 'C',
    LANG: 'C',
    TZ: 'UTC',
    HOME: HOME_DIR,
    SOURCE_DATE_EPOCH: String(options.sourceDateEpoch),
    DESTDIR: DEST_DIR,
    SYSROOT,
    PREFIX: '/usr',
    // pkg-config sees the sysroot's .pc files only (LIBDIR replaces the builder's own search
    // path) and prefixes their -I/-L paths with the sysroot.
    PKG_CONFIG_PATH: PKG_CONFIG_DIRS,
    PKG_CONFIG_LIBDIR: PKG_CONFIG_DIRS,
    PKG_CONFIG_SYSROOT_DIR: SYSROOT,
    STASIS_STAGE: options.stage,
    STASIS_PKG: recipe.name,
    STASIS_VERSION: recipe.version,
  };
  if (recipe.toolchain) {
    const tc = options.toolchain;
    env['CC'] = tc['CC'] ?? 'cc';
    env['CFLAGS'] = tc['CFLAGS'] ?? '';
    env['CXXFLAGS'] = tc['CXXFLAGS'] ?? '';
    env['CPPFLAGS'] = `-I${SYSROOT}/usr/include`;
    env['LDFLAGS'] = `${tc['LDFLAGS'] ?? '-static'} -L${SYSROOT}/usr/lib`;
    env['LTO'] = tc['LTO'] ?? '0';
  }
  return env;
}
