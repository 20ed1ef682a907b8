import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerTierReady, workspaceContainers, makeRoot, MIRROR, runFarm } from '../support/farm.js';

const ready = await containerTierReady();

describe.skipIf(!ready)('a damaged source tarball (sha256 matching its recipe)', () => {
  let root: string;
  let mirror: string;
  beforeAll(async () => {
    root = await makeRoot();
    mirror = await mkdtemp(join(tmpdir(), 'damaged-mirror-'));
  });

  /** A recipe `name` whose only source is `bytes`, with the right sha256, in the test mirror. */
  async function recipeFor(name: string, bytes: Buffer | string): Promise<string> {
    const file = `${name}-1.0.tar.gz`;
    await writeFile(join(mirror, file), bytes);
    const sha = createHash('sha256').update(bytes).digest('hex');
    await mkdir(join(root, 'system', name), { recursive: true });
    await writeFile(
      join(root, 'system', name, 'pkg.lua'),
      `return { name = "${name}", version = "1.0", description = "a damaged tarball", license = "MIT",\n  sources = { { url = "https://example.org/${file}", sha256 = "${sha}" } },\n  build = "true" }\n`,
    );
    await writeFile(join(root, 'profiles', `${name}.lua`), `return { description = "test", packages = { "${name}" } }\n`);
    return file;
  }

  const cases: [string, () => Promise<Buffer | string>, RegExp][] = [
    ['truncated', async () => (await readFile(join(MIRROR, 'lpeg-1.0.2.tar.gz'))).subarray(0, 20_000), /truncated/],
    ['notatar', () => Promise.resolve('this is a README, not a tarball\n'.repeat(100)), /no tar header where one should be/],
  ];
  for (const [name, bytes, why] of cases) {
    it(`build with a ${name} source: ARCHIVE_INVALID naming the file (exit 4); no lock, spool, cache entry or container left`, async () => {
      const file = await recipeFor(name, await bytes());
      const r = await runFarm(root, ['build', '--profile', name, '--mirror', mirror]);
      expect(r.code, r.stderr).toBe(4);
      expect(r.stdout + r.stderr).toMatch(new RegExp(`${file} \\(.*\\): not a readable tar archive: ${why.source}`));
      expect(r.stderr).not.toMatch(/internal error|Unhandled|Z_BUF_ERROR/);
      const ws = await readdir(join(root, 'workspace'));
      expect(ws).not.toContain('.lock');
      expect(ws).not.toContain('tmp');
      expect((await readdir(join(root, 'workspace', 'cache')).catch(() => [] as string[])).filter((n) => !['self', 'alias'].includes(n))).toEqual([]);
      expect(await workspaceContainers(root)).toEqual([]);
    });
  }
});
