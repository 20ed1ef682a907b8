import { BuildCache } from '../cache/index.js';
import { FarmError } from '../errors/index.js';
import { lockWorkspace } from '../workspace/lock.js';
import { workspacePaths, type StageName } from '../workspace/paths.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import { STAGES, type CACHE_VERIFY } from './spec-cache.js';

/** `stasis-farm cache verify [--stage S] [--evict]`: re-hash every cache entry; name (and evict) the bad ones. */
export async function verify(ctx: CliContext, { values }: ArgsOf<typeof CACHE_VERIFY>): Promise<number> {
  const stage = (values.stage ?? 'dev') as StageName;
  if (!STAGES.includes(stage)) throw new FarmError('USAGE', `cache: --stage must be one of ${STAGES.join(', ')}`);
  const paths = workspacePaths(ctx.root, stage);
  // Evicting while a build reads the cache would pull entries from under it.
  await using lock = values.evict === true ? await lockWorkspace(paths.dir) : undefined;
  void lock;
  const cache = new BuildCache(paths.cache);
  const bad: { key: string; why: string }[] = [];
  const keys = await cache.keys();
  for (const key of keys) {
    ctx.signal.throwIfAborted();
    const why = await cache.check(key);
    if (why === undefined) continue;
    bad.push({ key, why });
    const pkg = (await cache.get(key))?.meta.pkg ?? '?';
    if (values.evict === true) await cache.evict(key);
    if (ctx.json) out(ctx, JSON.stringify({ type: 'cache-bad', key, pkg, why, evicted: values.evict === true }));
    else out(ctx, `${ctx.chalk.red('bad')} ${pkg} ${key.slice(0, 16)}: ${why}${values.evict === true ? ' (evicted)' : ''}`);
  }
  const line = `${keys.length} cache entries checked in ${paths.cache}: ${keys.length - bad.length} whole, ${bad.length} corrupt${bad.length > 0 && values.evict === true ? ' (evicted; the next build rebuilds them)' : ''}`;
  out(ctx, ctx.json ? JSON.stringify({ type: 'cache-verify', checked: keys.length, corrupt: bad.length, evicted: values.evict === true }) : line);
  return bad.length === 0 ? 0 : 1;
}
