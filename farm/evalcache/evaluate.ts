import { evaluateLuaFiles, type LuaResult } from '../lua/index.js';
import type { EvalCache, EvalItem } from './cache.js';

/** A result, and whether it came from the cache (then with the files its entry stands for). */
export type CachedResult = LuaResult & { readonly cached: boolean; readonly files?: Readonly<Record<string, string>> };

export interface EvaluateCachedOptions {
  readonly timeoutMs?: number;
  /**
   * Leave recording the fresh results to the caller (EvalCache.store), which knows what other
   * files a result stands for (a recipe's patches); by default they are recorded with none.
   */
  readonly deferStore?: boolean;
}

/**
 * Evaluate Lua files as evaluateLuaFiles does, taking each file whose cache entry holds from the
 * cache: the workers start only for the others. Results are in input order; failures are never recorded.
 */
export async function evaluateCached(items: readonly EvalItem[], cache: EvalCache | undefined, options: EvaluateCachedOptions = {}): Promise<CachedResult[]> {
  const timeout = options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs };
  if (cache === undefined) return (await evaluateLuaFiles(items, timeout)).map((r) => ({ ...r, cached: false }));
  const records = items.map((item) => cache.lookup(item));
  const missing = items.flatMap((item, i) => (records[i] === undefined ? [i] : []));
  const fresh =
    missing.length === 0
      ? []
      : await evaluateLuaFiles(
          missing.map((i) => items[i] as EvalItem),
          timeout,
        );
  let next = 0;
  const results = items.map((item, i): CachedResult => {
    const r = records[i];
    if (r === undefined) return { ...(fresh[next++] as LuaResult), cached: false };
    return { path: item.path, ok: true, value: r.value, reads: r.reads, tables: r.tables, files: r.files, cached: true };
  });
  if (options.deferStore !== true) {
    await Promise.all(
      missing.flatMap((i, j) => {
        const r = fresh[j];
        return r?.ok === true ? [cache.store(items[i] as EvalItem, { value: r.value, reads: r.reads, tables: r.tables, files: {} })] : [];
      }),
    );
  }
  return results;
}
