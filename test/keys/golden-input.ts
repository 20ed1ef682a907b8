import type { KeyInputs } from '../../farm/keys/index.js';

/** A fixed set of key inputs; its key is pinned in keys.test.ts. Never edit casually: the key must not drift. */
export const GOLDEN: KeyInputs = {
  farmVersion: '0.1.0',
  package: 'zlib',
  recipeFile: 'system/zlib/pkg.lua',
  recipeSha256: '1'.repeat(64),
  recipe: {
    name: 'zlib',
    version: '1.3.1',
    description: 'compression library',
    license: 'Zlib',
    homepage: undefined,
    sources: [{ url: 'https://zlib.net/zlib-1.3.1.tar.gz', sha256: '2'.repeat(64), file: 'zlib-1.3.1.tar.gz', extract: true }],
    patches: ['static.patch'],
    files: [],
    buildDeps: ['make'],
    deps: [],
    build: './configure --static --prefix=$PREFIX\nmake -j$JOBS\nmake install',
    static: true,
    toolchain: true,
    timeout: 3600,
  },
  patches: { 'static.patch': '3'.repeat(64) },
  files: {},
  sources: [{ file: 'zlib-1.3.1.tar.gz', sha256: '2'.repeat(64) }],
  reads: [{ path: 'defaults.cflags', value: '"-O2"' }],
  builderImage: `sha256:${'4'.repeat(64)}`,
  stage: 'dev',
  toolchain: { CC: 'cc', CFLAGS: '-O2', CXXFLAGS: '-O2', LDFLAGS: '-static', LTO: '0' },
  buildDeps: { make: '5'.repeat(64) },
};
