import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { recipeFingerprint, recipeInputsOf } from '../../farm/keys/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { loadProject } from '../../farm/project/load.js';
import { cli } from '../support/cli.js';
import { makeRoot } from '../support/farm.js';
import { sharedMirror } from '../support/mirror.js';

// The CLI over the whole recipe tree and the shared source mirror (STASIS_MIRROR).
const MIRROR = sharedMirror('the CLI tests against the shared source mirror');
afterAll(closeLuaWorkers);

const project = (): Promise<string> => makeRoot({ config: 'example' });

describe.skipIf(MIRROR === undefined)('the CLI on the whole tree with the shared mirror', () => {
  const mirror = MIRROR as string;

  it('fetch --offline --all lists exactly the sources the mirror lacks, and fetches nothing', async () => {
    const root = await project();
    const inMirror = new Set(
      (await readFile(join(mirror, 'SHA256SUMS'), 'utf8'))
        .split('\n')
        .filter((l) => l.trim() !== '')
        .map((l) => l.split(/\s+\*?/)[1]),
    );
    const all = await loadProject(root, { all: true });
    const expected = [...all.recipes.values()]
      .flatMap(({ recipe }) => recipe.sources.filter((s) => !inMirror.has(s.file)).map((s) => `${recipe.name}: ${s.file}`))
      .sort();
    expect(expected.length).toBeGreaterThan(50);
    const r = await cli(root, ['fetch', '--offline', '--all', '--mirror', mirror]);
    expect(r.code).toBe(4);
    const listed = [...r.err.matchAll(/^ {2}(\S+: \S+) \(sha256 [0-9a-f]{64}\)$/gm)].map((m) => m[1]).sort();
    expect(listed).toEqual(expected);
    expect(r.err).toMatch(new RegExp(`--offline: ${expected.length} source\\(s\\) of ${new Set(expected.map((e) => e.split(':')[0])).size} package\\(s\\)`));
    // Nothing was fetched: the offline check comes before any copy into the store.
    expect(await readdir(join(root, 'workspace', 'sources', 'sha256')).catch(() => [])).toEqual([]);
  });

  it('status lists every recipe with mirror presence and build state', async () => {
    const root = await project();
    const r = await cli(root, ['status', '--mirror', mirror]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/\| lua \| 5\.4\.4 \| yes \| no \| - \|/);
  });

  it('status shows a build an earlier --write recorded while the recipe is unchanged, and refuses a malformed record', async () => {
    const root = await project();
    const lua = (await loadProject(root, { all: true })).recipes.get('lua');
    if (lua === undefined) throw new Error('no lua recipe');
    const build = (recipe: string) => ({ version: '5.4.4', recipe, output: 'f'.repeat(64), bytes: 2048, ms: 61_000, audit: 'clean (2 ELF)', date: '2026-11-26' });
    await mkdir(join(root, 'docs'));
    const record = join(root, 'docs', 'status-record.json');
    const carried = { ...build(recipeFingerprint(recipeInputsOf(lua))), output: '', from: 'docs/status.md at abc1234' };
    await writeFile(record, JSON.stringify({ lua: carried, zlib: build('0'.repeat(64)) }));
    const r = await cli(root, ['status', '--mirror', mirror]);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/\| lua \| 5\.4\.4 \| yes \| recorded 2026-11-26 \(5\.4\.4\) from docs\/status\.md at abc1234 \| clean \(2 ELF\) \| 2\.0 KiB \| 1m01s \|/);
    // Recorded for another recipe (or another version): not built.
    expect(r.out).toMatch(/\| zlib \| [^|]+ \| yes \| no \| - \|/);
    expect(r.out).toMatch(/built here: 0; recorded by an earlier run \(same recipe\): 1;/);
    // --write keeps the recorded build that still holds and drops the other.
    const w = await cli(root, ['status', '--mirror', mirror, '--write', 'docs/status.md']);
    expect(w.code, w.err).toBe(0);
    expect(Object.keys(JSON.parse(await readFile(record, 'utf8')) as object)).toEqual(['lua']);
    await writeFile(record, JSON.stringify({ lua: { version: '5.4.4' } }));
    const bad = await cli(root, ['status', '--mirror', mirror]);
    expect(bad.code).not.toBe(0);
    expect(bad.err).toMatch(/status-record\.json: lua: recipe: expected a string/);
  });
});
