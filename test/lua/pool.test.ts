import { afterAll, describe, expect, it } from 'vitest';
import { closeLuaWorkers, evaluateLuaFiles } from '../../farm/lua/index.js';

afterAll(closeLuaWorkers);

describe('the evaluation workers', () => {
  it('share many files out and give the results in input order; a file that times out fails alone', async () => {
    const items = Array.from({ length: 80 }, (_, i) => ({
      path: `f${i}.lua`,
      source: i === 50 ? 'while true do end' : `return { n = ${i}, stage = farm.stage }`,
      globals: { farm: { stage: 'dev' } },
    }));
    const results = await evaluateLuaFiles(items, { timeoutMs: 1000 });
    expect(results).toHaveLength(80);
    results.forEach((r, i) => {
      if (i === 50) expect(r).toMatchObject({ ok: false, error: { code: 'LUA_TIMEOUT', message: expect.stringContaining('f50.lua') as unknown } });
      else expect(r).toMatchObject({ path: `f${i}.lua`, ok: true, value: { n: i, stage: 'dev' }, reads: [{ path: 'farm.stage', value: '"dev"' }] });
    });
  });
});
