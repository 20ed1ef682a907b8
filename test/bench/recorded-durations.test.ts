import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { durationsFromStatus, parseDuration, readDurations } from '../../bench/recorded-durations.js';

describe('recorded build times', () => {
  it('reads every form formatMs prints, and hours', () => {
    expect(parseDuration('850 ms')).toBe(850);
    expect(parseDuration('30.5 s')).toBe(30_500);
    expect(parseDuration('6m55s')).toBe(415_000);
    expect(parseDuration('45m34s')).toBe(2_734_000);
    // formatMs rounds the seconds apart from the minutes.
    expect(parseDuration('8m60s')).toBe(540_000);
    expect(parseDuration('1h02m')).toBe(3_720_000);
    expect(parseDuration('1h02m03s')).toBe(3_723_000);
    for (const none of ['-', '', 'yes', '5 min', 's']) expect(parseDuration(none)).toBeUndefined();
  });

  it("takes a status table's build time column by its header; packages not built and other tables are left out", () => {
    const status = [
      '# Package status',
      '',
      '| file | size |',
      '|---|---|',
      '| zlib | 3m00s |',
      '',
      '| package | version | built here (dev) | build time | notes |',
      '|---|---|---|---|---|',
      '| acpid | 2.0.34 | yes (2.0.34) | 2m18s |  |',
      '| boost | 1.88.0 | no | - | needs g++ |',
      '| certs | 20230311 | yes (20230311) | 2.7 s | a note with | a bar |',
      '| grub | 2.12 | yes (2.12) | 45m34s | |',
    ].join('\n');
    expect(durationsFromStatus(status)).toEqual(
      new Map([
        ['acpid', 138_000],
        ['certs', 2700],
        ['grub', 2_734_000],
      ]),
    );
  });

  it("reads a manifest.yaml's build_ms, a record without one left out", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'recorded-durations-'));
    try {
      const file = join(dir, 'manifest.yaml');
      await writeFile(file, 'stage: dev\npackages:\n  - name: zlib\n    build_ms: 21600\n  - name: certs\n    build_ms: 0\n');
      expect(await readDurations(file)).toEqual(new Map([['zlib', 21_600]]));
      await expect(readDurations(join(dir, 'absent.yaml'))).rejects.toThrow('absent.yaml: cannot be read');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
