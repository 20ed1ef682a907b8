import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateDefaults } from '../../farm/config/index.js';
import { buildTiny, fakeRuntime, localRecipe, tinyRoot } from '../support/tiny-project.js';

describe('build containers get explicit ulimits', () => {
  it('nofile 1024:4096, nproc 16384, no core dumps by default; default.lua overrides them without rebuilding anything', async () => {
    const root = await tinyRoot({ hello: localRecipe('hello') });
    const runtime = fakeRuntime(() => ({ dest: { 'usr/share/hello': 'hi\n' } }));
    await buildTiny(root, runtime);
    expect(runtime.created[0]?.limits.ulimits).toEqual([
      { name: 'nofile', soft: 1024, hard: 4096 },
      { name: 'nproc', soft: 16384, hard: 16384 },
      { name: 'core', soft: 0, hard: 0 },
    ]);

    await writeFile(join(root, 'default.lua'), 'return { source_date_epoch = 1700000000, ulimits = { nofile = { soft = 512, hard = 2048 }, nproc = 1024 } }\n');
    const again = await buildTiny(root, runtime);
    // Not part of the key: the package is taken from the cache.
    expect(again.outcome.result.built).toEqual([]);
    expect(runtime.created).toHaveLength(1);
    const other = await tinyRoot({ other: localRecipe('other') }, ', ulimits = { nofile = { soft = 512, hard = 2048 }, nproc = 1024 }');
    const runtime2 = fakeRuntime(() => ({ dest: { 'usr/share/other': 'o\n' } }));
    await buildTiny(other, runtime2);
    expect(runtime2.created[0]?.limits.ulimits).toEqual([
      { name: 'nofile', soft: 512, hard: 2048 },
      { name: 'nproc', soft: 1024, hard: 1024 },
      { name: 'core', soft: 0, hard: 0 },
    ]);
  });

  it.each([
    [{ ulimits: { nofile: { soft: 8192, hard: 4096 } } }, /default\.lua: ulimits\.nofile\.soft: 8192 is more than the hard limit, 4096/],
    [{ ulimits: { nofile: 0 } }, /default\.lua: ulimits\.nofile: expected an integer >= 1/],
    [{ ulimits: { core: 1 } }, /default\.lua: ulimits\.core: unknown field/],
    [{ ulimits: { nproc: { hard: 99_999_999 } } }, /default\.lua: ulimits\.nproc\.hard: 99999999 is more than the maximum, 4194304/],
    [{ ulimits: { nofile: { soft: 1, hrad: 2 } } }, /default\.lua: ulimits\.nofile\.hrad: unknown field \(did you mean "hard"\?\)/],
  ])('default.lua: refuses %j naming the field', (raw, message) => {
    expect(() => validateDefaults(raw, 'default.lua')).toThrow(message);
  });

  it('default.lua: a table without soft takes the default soft limit, bounded by its hard one', () => {
    expect(validateDefaults({ ulimits: { nofile: { hard: 512 } } }, 'default.lua').ulimits).toEqual({
      nofile: { soft: 512, hard: 512 },
      nproc: { soft: 16384, hard: 16384 },
    });
    expect(validateDefaults({}, 'default.lua').ulimits.nofile).toEqual({ soft: 1024, hard: 4096 });
  });
});
