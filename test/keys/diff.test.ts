import { describe, expect, it } from 'vitest';
import { diffKeyInputs, type KeyInputs } from '../../farm/keys/index.js';
import { GOLDEN } from './golden-input.js';

const texts = (old: KeyInputs, now: KeyInputs): string[] => diffKeyInputs(old, now).map((c) => c.text);

describe('diffKeyInputs', () => {
  it('finds nothing between equal inputs, even after a JSON round trip', () => {
    expect(diffKeyInputs(GOLDEN, JSON.parse(JSON.stringify(GOLDEN)) as KeyInputs)).toEqual([]);
  });

  it('names a recipe edit by its file', () => {
    const now = { ...GOLDEN, recipeSha256: '9'.repeat(64), recipe: { ...GOLDEN.recipe, build: 'make' } };
    expect(texts(GOLDEN, now)).toEqual(['recipe changed (system/zlib/pkg.lua)']);
  });

  it('names patches, files and sources that changed, appeared or went away', () => {
    const now: KeyInputs = {
      ...GOLDEN,
      patches: { 'static.patch': '8'.repeat(64), 'musl.patch': '7'.repeat(64) },
      files: { 'zlib.pc': '6'.repeat(64) },
      sources: [{ file: 'zlib-1.3.2.tar.gz', sha256: '5'.repeat(64) }],
    };
    expect(texts(GOLDEN, now)).toEqual([
      'patch musl.patch added',
      'patch static.patch changed',
      'file zlib.pc added',
      'source zlib-1.3.1.tar.gz removed',
      'source zlib-1.3.2.tar.gz added',
    ]);
    const changedSource = { ...GOLDEN, sources: [{ file: 'zlib-1.3.1.tar.gz', sha256: '0'.repeat(64) }] };
    expect(texts(GOLDEN, changedSource)).toEqual(['source zlib-1.3.1.tar.gz changed']);
  });

  it('explains config values changed, newly read and no longer read', () => {
    const old = { ...GOLDEN, reads: [...GOLDEN.reads, { path: 'config.hostname', value: '"a"' }] };
    const now = {
      ...GOLDEN,
      reads: [
        { path: 'config.hostname', value: '"b"' },
        { path: 'farm.stage', value: '"dev"' },
      ],
    };
    expect(texts(old, now)).toEqual([
      'config value config.hostname changed: "a" -> "b"',
      'config value defaults.cflags no longer read',
      'config value farm.stage now read: "dev"',
    ]);
  });

  it('clips long config values to one short line', () => {
    const now = { ...GOLDEN, reads: [{ path: 'defaults.cflags', value: JSON.stringify('-O2 '.repeat(40)) }] };
    const [change] = texts(GOLDEN, now);
    expect(change).toMatch(/^config value defaults\.cflags changed: "-O2" -> "-O2 -O2 .*\.\.\.$/);
    expect(change?.length).toBeLessThan(110);
  });

  it('names changed dependencies, builder image, farm version, stage and toolchain', () => {
    const now: KeyInputs = {
      ...GOLDEN,
      farmVersion: '0.2.0',
      builderImage: `sha256:${'a'.repeat(64)}`,
      stage: 'a',
      toolchain: { ...GOLDEN.toolchain, CFLAGS: '-O3' },
      buildDeps: { make: '0'.repeat(64), lua: '1'.repeat(64) },
    };
    expect(texts(GOLDEN, now)).toEqual([
      'farm version changed: 0.1.0 -> 0.2.0',
      'builder image changed: sha256:444444444444 -> sha256:aaaaaaaaaaaa',
      'stage changed: dev -> a',
      'toolchain CFLAGS changed: "-O2" -> "-O3"',
      'dependency lua added',
      'dependency make changed',
    ]);
    expect(diffKeyInputs(GOLDEN, now).find((c) => c.kind === 'dependency' && c.subject === 'make')).toBeDefined();
  });

  it('notices the toolchain being switched off', () => {
    expect(texts(GOLDEN, { ...GOLDEN, toolchain: null })).toEqual(['toolchain no longer used']);
    expect(texts({ ...GOLDEN, toolchain: null }, GOLDEN)).toEqual(['toolchain now used']);
  });

  it('explains a different evaluation of the same pkg.lua', () => {
    const now = { ...GOLDEN, recipe: { ...GOLDEN.recipe, timeout: 60 } };
    expect(texts(GOLDEN, now)).toEqual(['recipe evaluated differently (system/zlib/pkg.lua): timeout']);
  });
});
