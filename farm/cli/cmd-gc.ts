import { FarmError } from '../errors/index.js';
import { collectGarbage, entryName, imageName, planBytes, type GcResult, type ImageVictim } from '../gc/index.js';
import { formatBytes } from '../report/index.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import { DEFAULT_KEEP_DAYS, type GC } from './spec-gc.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export async function gc(ctx: CliContext, { values }: ArgsOf<typeof GC>): Promise<number> {
  const keepDays = keepDaysFlag(values['keep-days']);
  const now = Date.now();
  const result = await collectGarbage({
    root: ctx.root,
    runtime: await ctx.runtime(),
    keepDays,
    remove: values.yes === true,
    now: () => now,
    sink: ctx.sink,
    signal: ctx.signal,
  });
  // Under --yes a missing engine is the error below; a dry run only warns.
  if (result.imagesSkipped !== undefined && (result.dryRun || result.engineError === undefined)) {
    ctx.sink({ type: 'warn', message: `stage images not looked at: ${result.imagesSkipped}` });
  }
  if (ctx.json) out(ctx, JSON.stringify(summaryJson(result, keepDays)));
  else report(ctx, result, keepDays, now);
  // Asked to remove and could not look at the images: the cache part is done, the rest is an error.
  if (!result.dryRun && result.engineError !== undefined) throw result.engineError;
  return 0;
}

function keepDaysFlag(value: string | undefined): number {
  if (value === undefined) return DEFAULT_KEEP_DAYS;
  const n = Number(value);
  if (value.trim() === '' || !Number.isInteger(n) || n < 0) throw new FarmError('USAGE', `--keep-days: expected a whole number of days (0 or more), got "${value}"`);
  return n;
}

function report(ctx: CliContext, result: GcResult, keepDays: number, now: number): void {
  const c = ctx.chalk;
  // Removals were reported as they happened; a dry run lists what it would remove.
  if (result.dryRun) {
    for (const v of result.images) out(ctx, `would remove stage image ${imageName(v)} ${c.dim(`(stage ${v.stage}, ${imageBytes(v)})`)}`);
    for (const v of result.entries) {
      out(ctx, `would remove ${v.stage} cache entry ${entryName(v)} ${c.dim(`(${Math.floor((now - v.storedMs) / DAY_MS)} days old, ${formatBytes(v.bytes)})`)}`);
    }
    for (const v of result.tools)
      out(ctx, `would remove disk tools image ${v.ref} ${c.dim(`(${Math.floor((now - v.image.created) / DAY_MS)} days old, ${imageBytes(v)})`)}`);
  }
  const tools = result.tools.length > 0 ? `, ${count(result.tools.length, 'disk tools image')}` : '';
  const what = `${count(result.images.length, 'stage image')}${tools} and ${count(result.entries.length, 'cache entry', 'cache entries')}`;
  const freed = formatBytes(planBytes(result));
  // Image sizes count layers other images may share: "up to".
  if (result.dryRun) out(ctx, `gc (dry run): would remove ${what}, freeing up to ${freed}`);
  else out(ctx, c.green(`gc: removed ${what}, freed up to ${freed}`));
  out(ctx, `  kept ${result.imagesSkipped === undefined ? `${count(result.keptImages, 'stage image')} a workspace builds with` : 'every stage image (not looked at)'}`);
  out(ctx, `  kept ${count(result.keptEntries, 'cache entry', 'cache entries')} recorded by a stage's last build or younger than ${keepDays} days`);
  if (result.keptTools > 0) out(ctx, `  kept ${count(result.keptTools, 'disk tools image')} younger than ${keepDays} days`);
  for (const r of result.refused) out(ctx, `  ${c.yellow('in use')} stage image ${imageName(r.victim)}: ${r.reason}`);
  for (const r of result.refusedTools) out(ctx, `  ${c.yellow('in use')} disk tools image ${r.victim.ref}: ${r.reason}`);
  for (const b of result.busy) out(ctx, `  ${c.yellow('busy')} stage ${b.stage}: ${b.reason}`);
  if (result.dryRun && result.images.length + result.entries.length + result.tools.length > 0) out(ctx, c.dim('pass --yes to remove them'));
}

/** An image goes with its last tag: removing one of several frees nothing yet. */
function imageBytes(v: Pick<ImageVictim, 'bytes'>): string {
  return v.bytes > 0 ? formatBytes(v.bytes) : 'a tag only: the image has other tags';
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function summaryJson(result: GcResult, keepDays: number): Record<string, unknown> {
  return {
    type: 'summary',
    command: 'gc',
    dryRun: result.dryRun,
    keepDays,
    images: result.images.map((v) => ({ ref: v.ref, id: v.image.id, stage: v.stage, bytes: v.bytes })),
    cacheEntries: result.entries.map((v) => ({
      stage: v.stage,
      key: v.key,
      pkg: v.pkg ?? null,
      version: v.version ?? null,
      stored: new Date(v.storedMs).toISOString(),
      bytes: v.bytes,
    })),
    diskToolsImages: result.tools.map((v) => ({ ref: v.ref, id: v.image.id, bytes: v.bytes })),
    bytes: planBytes(result),
    kept: { images: result.keptImages, cacheEntries: result.keptEntries, diskToolsImages: result.keptTools },
    imagesInUse: result.refused.map((r) => ({ ref: r.victim.ref, id: r.victim.image.id, stage: r.victim.stage, reason: r.reason })),
    imagesSkipped: result.imagesSkipped ?? null,
    busy: result.busy,
  };
}
