import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildCache, type CacheMeta } from '../../farm/cache/cache.js';

const key = (c: string): string => c.repeat(64);

function meta(k: string, extra: Partial<CacheMeta> = {}): CacheMeta {
  return {
    key: k,
    pkg: 'lpeg',
    version: '1.0.2',
    stage: 'dev',
    outputSha256: 'o'.repeat(64),
    selfHash: 's'.repeat(64),
    depOutputs: { lua: 'l1' },
    files: 3,
    bytes: 100,
    durationMs: 5,
    inputs: {},
    ...extra,
  };
}

async function fresh(): Promise<{ cache: BuildCache; dir: string; tar: () => Promise<string> }> {
  const dir = await mkdtemp(join(tmpdir(), 'cache-'));
  let n = 0;
  return {
    cache: new BuildCache(join(dir, 'cache')),
    dir,
    tar: async () => {
      const p = join(dir, `out${n++}.tar`);
      await writeFile(p, 'tar bytes');
      return p;
    },
  };
}

describe('BuildCache', () => {
  it('stores an entry atomically and finds it by key', async () => {
    const { cache, tar } = await fresh();
    expect(await cache.has(key('a'))).toBe(false);
    await cache.put({ meta: meta(key('a')), tarPath: await tar(), manifestJson: '[]', logPath: undefined });
    const got = await cache.get(key('a'));
    expect(got?.meta.pkg).toBe('lpeg');
    const names = await readdir(cache.dir);
    expect(names.filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('early cutoff: same self hash and identical dependency outputs reuse an entry; different outputs do not', async () => {
    const { cache, tar } = await fresh();
    await cache.put({ meta: meta(key('a')), tarPath: await tar(), manifestJson: '[]', logPath: undefined });
    expect((await cache.findCutoff('s'.repeat(64), { lua: 'l1' }))?.meta.key).toBe(key('a'));
    expect(await cache.findCutoff('s'.repeat(64), { lua: 'l2' })).toBeUndefined();
    expect(await cache.findCutoff('t'.repeat(64), { lua: 'l1' })).toBeUndefined();
    await cache.alias(key('b'), key('a'));
    expect((await cache.get(key('b')))?.meta.key).toBe(key('a'));
  });

  it('ignores malformed keys and cleans temp leftovers', async () => {
    const { cache, tar } = await fresh();
    await cache.put({ meta: meta(key('c')), tarPath: await tar(), manifestJson: '[]', logPath: undefined });
    expect(await cache.get('../etc')).toBeUndefined();
    await writeFile(join(cache.dir, '.tmp-leftover'), 'x');
    expect(await cache.cleanTemp()).toEqual(['cache/.tmp-leftover']);
  });

  it('evict forgets the entry in the cutoff index: its self-index record and the aliases naming it go', async () => {
    const { cache, tar } = await fresh();
    await cache.put({ meta: meta(key('a')), tarPath: await tar(), manifestJson: '[]', logPath: undefined });
    await cache.put({ meta: meta(key('b'), { depOutputs: { lua: 'l2' } }), tarPath: await tar(), manifestJson: '[]', logPath: undefined });
    await cache.alias(key('c'), key('a'));
    await cache.alias(key('d'), key('b'));
    expect(await cache.holder(key('c'))).toBe(key('a'));
    await cache.evict(key('a'));
    expect(await cache.findCutoff('s'.repeat(64), { lua: 'l1' })).toBeUndefined();
    expect(await cache.get(key('c'))).toBeUndefined();
    expect(await cache.holder(key('c'))).toBeUndefined();
    expect(await readdir(join(cache.dir, 'alias'))).toEqual([key('d')]);
    expect(JSON.parse(await readFile(join(cache.dir, 'self', `${'s'.repeat(64)}.json`), 'utf8'))).toEqual([key('b')]);
    await cache.evict(key('b'));
    expect(await readdir(join(cache.dir, 'self'))).toEqual([]);
    expect(await readdir(join(cache.dir, 'alias'))).toEqual([]);
  });

  it('tidyIndex drops records of entries removed without their index (older farms), and list() gives age and size', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cache-'));
    const cache = new BuildCache(join(dir, 'cache'), { now: () => 1234 });
    await writeFile(join(dir, 'out.tar'), 'tar bytes');
    await cache.put({ meta: meta(key('a')), tarPath: join(dir, 'out.tar'), manifestJson: '[]', logPath: undefined });
    await cache.alias(key('c'), key('a'));
    expect(await cache.list()).toEqual([{ key: key('a'), pkg: 'lpeg', version: '1.0.2', storedMs: 1234, bytes: expect.any(Number) as number }]);
    expect((await cache.list())[0]?.bytes).toBeGreaterThan('tar bytes'.length);
    await rm(join(cache.dir, key('a')), { recursive: true });
    expect(await cache.tidyIndex()).toBe(2);
    expect(await readdir(join(cache.dir, 'alias'))).toEqual([]);
    expect(await readdir(join(cache.dir, 'self'))).toEqual([]);
    expect(await cache.tidyIndex()).toBe(0);
  });

  it('newest() gives the latest entry of each package; failures are recorded, listed and cleared by package', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cache-'));
    let now = 1000;
    const cache = new BuildCache(join(dir, 'cache'), { now: () => now });
    for (const [k, pkg, version] of [
      ['a', 'lpeg', '1.0.1'],
      ['b', 'lpeg', '1.0.2'],
      ['c', 'lua', '5.4.4'],
    ] as const) {
      await writeFile(join(dir, 'out.tar'), 'tar bytes');
      await cache.put({ meta: meta(key(k), { pkg, version }), tarPath: join(dir, 'out.tar'), manifestJson: '[]', logPath: undefined });
      now += 10;
    }
    const newest = await cache.newest();
    expect([...newest].map(([pkg, e]) => [pkg, e.meta.version])).toEqual([
      ['lpeg', '1.0.2'],
      ['lua', '5.4.4'],
    ]);
    expect(newest.get('lua')?.tarPath).toBe(join(cache.dir, key('c'), 'output.tar'));

    await cache.recordFailure('zlib', key('d'), 'exit code 2');
    expect(await cache.failures()).toEqual(new Map([['zlib', { pkg: 'zlib', key: key('d'), reason: 'exit code 2', failedMs: now }]]));
    // The records are no entries: keys, list and newest do not see them.
    expect(await cache.keys()).toEqual([key('a'), key('b'), key('c')]);
    expect([...(await cache.newest()).keys()]).toEqual(['lpeg', 'lua']);
    await cache.clearFailure('zlib');
    await cache.clearFailure('zlib');
    expect(await cache.failures()).toEqual(new Map());
    await expect(cache.recordFailure('../x', key('d'), 'no')).rejects.toThrow(/not a package name/);
  });
});
