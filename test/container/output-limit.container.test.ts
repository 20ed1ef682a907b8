import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerTierReady, workspaceContainers, makeRoot, runFarm } from '../support/farm.js';

const ready = await containerTierReady();

describe.skipIf(!ready)('the package output size limit (real container)', () => {
  let root: string;
  beforeAll(async () => {
    root = await makeRoot();
    const defaults = await readFile(join(root, 'default.lua'), 'utf8');
    await writeFile(join(root, 'default.lua'), defaults.replace(/output_limit = \d+/, 'output_limit = 16'));
    await writeFile(join(root, 'profiles', 'sparse.lua'), 'return { description = "test", packages = { "sparse" } }\n');
  });

  async function sparseRecipe(size: string, extra = ''): Promise<void> {
    await mkdir(join(root, 'system', 'sparse'), { recursive: true });
    await writeFile(
      join(root, 'system', 'sparse', 'pkg.lua'),
      `return { name = "sparse", version = "1", description = "a sparse file", license = "MIT", sources = {}${extra},\n  build = "mkdir -p $DESTDIR/usr/share && truncate -s ${size} $DESTDIR/usr/share/sparse" }\n`,
    );
  }

  const cacheEntries = async (): Promise<string[]> =>
    (await readdir(join(root, 'workspace', 'cache')).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{64}$/.test(n));

  it('a 2 GiB sparse file past a 16 MiB limit fails naming the package, the limit and how to raise it; nothing cached, no spool, no container', async () => {
    await sparseRecipe('2G');
    const r = await runFarm(root, ['build', '--profile', 'sparse']);
    expect(r.code, r.stderr).toBe(1);
    expect(r.stdout).toMatch(
      /sparse: build failed \(output larger than its limit of 16 MiB \(\d+ bytes with usr\/share\/sparse\); raise it with output_limit \(MiB\) in system\/sparse\/pkg\.lua\)/,
    );
    expect(await cacheEntries()).toEqual([]);
    expect(await readdir(join(root, 'workspace'))).not.toContain('tmp');
    // The host paid nothing like 2 GiB for it.
    expect(
      Number(
        execFileSync('du', ['-sk', join(root, 'workspace')])
          .toString()
          .split('\t')[0],
      ),
    ).toBeLessThan(16 * 1024);
    expect(await workspaceContainers(root)).toEqual([]);
  });

  it('the recipe raises its own limit with output_limit', async () => {
    await sparseRecipe('20M', ', output_limit = 32');
    const r = await runFarm(root, ['build', '--profile', 'sparse']);
    expect(r.code, r.stderr + r.stdout).toBe(0);
    expect(await cacheEntries()).toHaveLength(1);
  });
});
