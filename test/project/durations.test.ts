import { describe, expect, it } from 'vitest';
import { estimateWeights } from '../../farm/project/durations.js';

describe('build priorities: what each package is expected to take', () => {
  it('a recorded build time wins; an unrecorded package is scaled from its sources at the recorded rate', () => {
    const recorded = new Map([
      ['gcc', 600_000],
      ['zlib', 6_000],
    ]);
    const bytes = new Map([
      ['gcc', 90_000_000],
      ['zlib', 1_000_000],
      ['binutils', 25_000_000],
      ['rootfs-layout', 0],
    ]);
    const w = estimateWeights(['gcc', 'zlib', 'binutils', 'rootfs-layout'], recorded, bytes);
    expect(w.get('gcc')).toBe(600_000);
    expect(w.get('zlib')).toBe(6_000);
    // 606 s for 91 MB: binutils' 25 MB is about 166 s; a package without sources still counts 1 ms.
    expect(w.get('binutils')).toBe(Math.round(25_000_000 * (606_000 / 91_000_000)));
    expect(w.get('rootfs-layout')).toBe(1);
  });

  it('with nothing recorded, source size alone orders the packages (1 ms per KiB)', () => {
    const w = estimateWeights(
      ['a', 'b'],
      new Map(),
      new Map([
        ['a', 10 * 1024],
        ['b', 1024 * 1024],
      ]),
    );
    expect(w.get('a')).toBe(10);
    expect(w.get('b')).toBe(1024);
  });
});
