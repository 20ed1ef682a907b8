import { mkdir, mkdtemp, readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildCache } from '../../farm/cache/index.js';
import { assembleRootfs, removeStaleAssemblies } from '../../farm/rootfs/assemble.js';
import { cli } from '../support/cli.js';
import { fakePackage, makeWorkspace } from '../rootfs/package-fixture.js';
import { buildTiny, fakeRuntime, localRecipe, tinyRoot } from '../support/tiny-project.js';

/** Damage a file in place: flip one byte at `offset`. */
async function flip(file: string, offset: number): Promise<void> {
  const bytes = await readFile(file);
  bytes[offset] = (bytes[offset] as number) ^ 0x01;
  await writeFile(file, bytes);
}

const damage: Record<string, (tar: string) => Promise<void>> = {
  'a flipped byte in a file body': (tar) => flip(tar, 512 + 3),
  'a corrupted tar header': (tar) => flip(tar, 0),
  'a truncated output.tar': (tar) => truncate(tar, 700),
};

describe('cache entries are checked against their recorded sha256 when unpacked', () => {
  for (const [what, hurt] of Object.entries(damage)) {
    it(`${what}: CACHE_CORRUPT naming the package, the old preview kept, no scratch tree left`, async () => {
      const ws = await makeWorkspace();
      const good = await fakePackage('hello', [{ path: 'hello', type: 'file', content: 'hello world\n'.repeat(100) }]);
      await assembleRootfs({ ...ws, packages: [good] });
      const bad = await fakePackage('hello', [{ path: 'hello', type: 'file', content: 'other content\n'.repeat(100) }]);
      await hurt(bad.entry.tarPath);
      const error = await assembleRootfs({ ...ws, packages: [bad] }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toMatchObject({ name: 'FarmError', code: 'CACHE_CORRUPT', pkg: 'hello', key: bad.entry.meta.key });
      expect(await readFile(join(ws.previewDir, 'hello'), 'utf8')).toBe('hello world\n'.repeat(100));
      expect((await readdir(join(ws.previewDir, '..'))).filter((n) => n.startsWith('.preview'))).toEqual([]);
    });
  }

  it('scratch trees of a crashed assembly are removed at the next run', async () => {
    const ws = await makeWorkspace();
    const parent = join(ws.previewDir, '..');
    await mkdir(join(parent, '.preview.tmp-deadbeef', 'usr'), { recursive: true });
    await mkdir(join(parent, '.preview.old-cafebabe'));
    await mkdir(join(parent, 'preview'));
    expect((await removeStaleAssemblies(ws.previewDir)).sort()).toEqual(['.preview.old-cafebabe', '.preview.tmp-deadbeef']);
    expect(await readdir(parent)).toEqual(['preview']);
  });
});

describe('a corrupt entry found while building is evicted and its package rebuilt', () => {
  it('evicts, says so, rebuilds only that package, and the preview holds the right bytes', async () => {
    const root = await tinyRoot({ hello: localRecipe('hello'), other: localRecipe('other') });
    const runtime = fakeRuntime((pkg) => ({ dest: { [`usr/share/${pkg}`]: `${pkg} `.repeat(200) } }));
    const first = await buildTiny(root, runtime);
    expect([...first.outcome.result.built].sort()).toEqual(['hello', 'other']);
    const entry = first.outcome.result.entries.get('hello');
    await flip(entry?.tarPath as string, 1024 + 10);
    await rm(join(root, 'workspace', 'preview'), { recursive: true });
    await mkdir(join(root, 'workspace', '.preview.tmp-0badc0de'));
    const second = await buildTiny(root, runtime);
    expect(second.events).toContainEqual(expect.objectContaining({ type: 'cache-evicted', pkg: 'hello', key: entry?.meta.key }));
    expect(second.events).toContainEqual({ type: 'cleanup', removed: ['.preview.tmp-0badc0de'] });
    expect(second.outcome.result.built).toEqual(['hello']);
    expect(await readFile(join(root, 'workspace', 'preview', 'usr/share/hello'), 'utf8')).toBe('hello '.repeat(200));
    expect(runtime.live()).toEqual([]);
  });
});

describe('stasis-farm cache verify', () => {
  it('names the corrupt entries (exit 1); --evict removes them and only them', async () => {
    const root = await mkdtemp(join(tmpdir(), 'verify-'));
    const cache = new BuildCache(join(root, 'workspace', 'cache'));
    const stored = [];
    for (const pkg of ['aaa', 'bbb', 'ccc']) {
      const p = await fakePackage(pkg, [{ path: pkg, type: 'file', content: `${pkg}\n`.repeat(300) }]);
      stored.push(await cache.put({ meta: p.entry.meta, tarPath: p.entry.tarPath, manifestJson: '[]', logPath: undefined }));
    }
    expect((await cli(root, ['cache', 'verify'])).code).toBe(0);
    await flip(stored[1]?.tarPath as string, 600);
    await rm(stored[2]?.tarPath as string);
    const r = await cli(root, ['cache', 'verify']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(new RegExp(`bad bbb ${stored[1]?.meta.key.slice(0, 16)}: output.tar sha256 [0-9a-f]{64}, recorded`));
    expect(r.out).toMatch(/bad ccc [0-9a-f]{16}: output.tar sha256 unreadable \(ENOENT\)/);
    expect(r.out).toMatch(/3 cache entries checked .*: 1 whole, 2 corrupt/);
    // The whole entry is not named (a hash may well contain "aaa").
    expect(r.out).not.toMatch(/\baaa\b/);
    const evicted = await cli(root, ['cache', 'verify', '--evict']);
    expect(evicted.code).toBe(1);
    expect(await cache.keys()).toEqual([stored[0]?.meta.key]);
    expect((await cli(root, ['cache', 'verify'])).code).toBe(0);
  });
});
