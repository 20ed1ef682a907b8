import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { globToRegExp } from '../../farm/fs/glob.js';
import { compareStages, diffFiles, type StageSnapshot } from '../../farm/release/compare.js';
import { loadSnapshot } from '../../farm/release/release.js';
import { parseExclusions } from '../../farm/release/exclusions.js';
import type { RootfsEntry } from '../../farm/rootfs/merge.js';

const file = (pkg: string, path: string, sha: string, extra: Partial<RootfsEntry> = {}): RootfsEntry => ({
  path,
  type: 'file',
  mode: 0o755,
  uid: 0,
  gid: 0,
  size: 10,
  sha256: sha,
  package: pkg,
  ...extra,
});

function snap(label: string, pkgs: Record<string, string>, files: RootfsEntry[]): StageSnapshot {
  return {
    label,
    packages: Object.entries(pkgs).map(([name, out]) => ({ name, version: '1', key: 'k' + name, outputSha256: out })),
    files,
  };
}

describe('compareStages', () => {
  it('passes when every package output is identical', () => {
    const a = snap('A', { lua: 'x', lpeg: 'y' }, [file('lua', 'usr/bin/lua', 'aa')]);
    const b = snap('B', { lua: 'x', lpeg: 'y' }, [file('lua', 'usr/bin/lua', 'aa')]);
    const cmp = compareStages(a, b);
    expect(cmp.pass).toBe(true);
    expect(cmp.identical).toEqual(['lpeg', 'lua']);
  });

  it('fails naming the package and the file whose content differs (e.g. an embedded build time)', () => {
    const a = snap('A', { clock: 'h1', lua: 'x' }, [file('clock', 'usr/bin/clock', 'aa'), file('clock', 'usr/share/x', 'ss')]);
    const b = snap('B', { clock: 'h2', lua: 'x' }, [file('clock', 'usr/bin/clock', 'bb'), file('clock', 'usr/share/x', 'ss')]);
    const cmp = compareStages(a, b);
    expect(cmp.pass).toBe(false);
    expect(cmp.different).toHaveLength(1);
    expect(cmp.different[0]?.name).toBe('clock');
    expect(cmp.different[0]?.files).toEqual([expect.objectContaining({ path: 'usr/bin/clock', change: 'content' })]);
  });

  it('accepts a difference listed in the exclusion file with a reason, and only that one', () => {
    const a = snap('A', { doc: 'h1', bin: 'b1' }, [file('doc', 'usr/share/doc/x.html', 'aa'), file('bin', 'usr/bin/b', 'b1')]);
    const b = snap('B', { doc: 'h2', bin: 'b2' }, [file('doc', 'usr/share/doc/x.html', 'bb'), file('bin', 'usr/bin/b', 'b2')]);
    const exclusions = parseExclusions('- package: doc\n  path: usr/share/doc/**\n  reason: generated html embeds the date\n', 'x.yaml');
    const cmp = compareStages(a, b, exclusions);
    expect(cmp.different.find((d) => d.name === 'doc')?.excluded).toBe(true);
    expect(cmp.different.find((d) => d.name === 'bin')?.excluded).toBe(false);
    expect(cmp.pass).toBe(false);
  });

  it('reports packages present in only one stage as a failure', () => {
    const cmp = compareStages(snap('A', { a: '1' }, []), snap('B', { a: '1', extra: '2' }, []));
    expect(cmp.onlyInB).toEqual(['extra']);
    expect(cmp.pass).toBe(false);
  });
});

describe('diffFiles', () => {
  it('classifies added, removed, mode and owner changes', () => {
    const d = diffFiles(
      [file('p', 'a', '1'), file('p', 'b', '2'), file('p', 'c', '3', { uid: 0 })],
      [file('p', 'b', '2', { mode: 0o4755 }), file('p', 'c', '3', { uid: 1000 }), file('p', 'd', '4')],
    );
    expect(d.map((x) => `${x.change}:${x.path}`)).toEqual(['removed:a', 'mode:b', 'owner:c', 'added:d']);
  });
});

describe('exclusions', () => {
  it('rejects an exclusion without a reason, naming the entry', () => {
    expect(() => parseExclusions('- package: doc\n', 'excl.yaml')).toThrow(/excl\.yaml: \[1\]\.reason: every exclusion needs a reason/);
  });
  it('globs match within and across segments', () => {
    expect(globToRegExp('usr/share/doc/**').test('usr/share/doc/a/b')).toBe(true);
    expect(globToRegExp('usr/*/x').test('usr/a/b/x')).toBe(false);
  });
});

describe('loadSnapshot (stasis-farm compare A B)', () => {
  it('reads a stage workspace through its manifest.yaml and preview manifest; a directory without one is a usage error', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'snapshot-'));
    await expect(loadSnapshot(dir, 'A')).rejects.toMatchObject({ code: 'USAGE', message: `${dir}: no manifest.yaml (is it a stage workspace?)` });
    await writeFile(join(dir, 'manifest.yaml'), 'packages:\n  - { name: lua, version: 5.4.4, key: k1, output_sha256: o1 }\n');
    expect(await loadSnapshot(dir, 'A')).toEqual({ label: 'A', packages: [{ name: 'lua', version: '5.4.4', key: 'k1', outputSha256: 'o1' }], files: [] });
    const entry = file('lua', 'usr/bin/lua', 'aa');
    await writeFile(join(dir, 'preview.manifest.json'), JSON.stringify([entry]));
    expect((await loadSnapshot(dir, 'A')).files).toEqual([entry]);
    await writeFile(join(dir, 'manifest.yaml'), 'packages: [\n');
    await expect(loadSnapshot(dir, 'A')).rejects.toMatchObject({ code: 'USAGE' });
  });
});
