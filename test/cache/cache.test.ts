import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
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
});
