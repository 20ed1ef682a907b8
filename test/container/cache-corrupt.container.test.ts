import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { containerTierReady, makeRoot, runFarm, summaryOf, workspaceContainers } from '../support/farm.js';

const ready = await containerTierReady();

describe.skipIf(!ready)('a corrupt cache entry (real container)', () => {
  it('is found while assembling, evicted (said so), rebuilt; cache verify names it first', async () => {
    const root = await makeRoot();
    await mkdir(join(root, 'system', 'hello'), { recursive: true });
    await writeFile(
      join(root, 'system', 'hello', 'pkg.lua'),
      'return { name = "hello", version = "1", description = "hello", license = "MIT", sources = {},\n  build = "mkdir -p $DESTDIR/usr/share/hello && seq 1 20000 > $DESTDIR/usr/share/hello/numbers" }\n',
    );
    await writeFile(join(root, 'profiles', 'hello.lua'), 'return { description = "test", packages = { "hello" } }\n');
    const first = await runFarm(root, ['build', '--profile', 'hello', '--json']);
    expect(first.code, first.stderr).toBe(0);
    const cacheDir = join(root, 'workspace', 'cache');
    const [key] = (await readdir(cacheDir)).filter((n) => /^[0-9a-f]{64}$/.test(n));
    const tar = join(cacheDir, key as string, 'output.tar');
    const bytes = await readFile(tar);
    bytes[bytes.indexOf('12345\n')] = '9'.charCodeAt(0); // a flipped digit inside the file body
    await writeFile(tar, bytes);

    const verify = await runFarm(root, ['cache', 'verify']);
    expect(verify.code).toBe(1);
    expect(verify.stdout).toMatch(new RegExp(`bad hello ${(key as string).slice(0, 16)}: output.tar sha256`));

    // A new hostname: every package cached, the rootfs assembled again from the cache.
    const config = join(root, 'config.lua');
    await writeFile(config, (await readFile(config, 'utf8')).replace('hostname = "stasis"', 'hostname = "other"'));
    const second = await runFarm(root, ['build', '--profile', 'hello', '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/"type":"cache-evicted","pkg":"hello"/);
    expect(summaryOf(second.stdout).built).toEqual(['hello']);
    expect(await readFile(join(root, 'workspace', 'preview', 'usr/share/hello/numbers'), 'utf8')).toContain('\n12345\n');
    expect((await runFarm(root, ['cache', 'verify'])).code).toBe(0);
    expect(await workspaceContainers(root)).toEqual([]);
  });
});
