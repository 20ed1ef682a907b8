import { describe, expect, it } from 'vitest';
import { imageToolchain, toolchainEnv } from '../../farm/toolchain/index.js';

describe('the toolchain a builder image declares', () => {
  const defaults = { cflags: '-O2 -pipe', cxxflags: '-O2', ldflags: '', lto: false } as Parameters<typeof toolchainEnv>[0];

  it('reads STASIS_CC and STASIS_TOOLCHAIN_FLAGS from the image environment (cc, none by default)', () => {
    expect(imageToolchain(['PATH=/bin'])).toEqual({ cc: 'cc' });
    expect(imageToolchain(['STASIS_CC=musl-gcc', 'STASIS_TOOLCHAIN_FLAGS= '])).toEqual({ cc: 'musl-gcc' });
    expect(imageToolchain(['STASIS_CC=cc', 'STASIS_TOOLCHAIN_FLAGS=-B/build/sysroot/usr/lib/tcc'])).toEqual({ cc: 'cc', flags: '-B/build/sysroot/usr/lib/tcc' });
  });

  it("puts the image flags into every compile and link, after default.lua's; without them the values are as before", () => {
    expect(toolchainEnv(defaults, { cc: 'musl-gcc' })).toEqual({ CC: 'musl-gcc', CFLAGS: '-O2 -pipe', CXXFLAGS: '-O2', LDFLAGS: '-static', LTO: '0' });
    expect(toolchainEnv(defaults, { cc: 'cc', flags: '-B/s/tcc' })).toEqual({
      CC: 'cc',
      CFLAGS: '-O2 -pipe -B/s/tcc',
      CXXFLAGS: '-O2 -B/s/tcc',
      LDFLAGS: '-static -B/s/tcc',
      LTO: '0',
    });
  });
});
