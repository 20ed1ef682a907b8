import type { BuildAllResult } from '../pkgbuild/build-all.js';
import { BuildFailed, isFarmError } from '../errors/index.js';
import { formatMs } from '../report/index.js';
import type { CliContext } from './io.js';

/** The end-of-build summary (stdout) and the exit code it implies. */
export function reportBuild(ctx: CliContext, result: BuildAllResult, ms: number, stage: string, only?: string, busy?: number): number {
  const c = ctx.chalk;
  const line =
    `${stage}${only === undefined ? '' : ` (${only})`}: ${result.built.length} built, ${result.cached.length + result.cutoff.length} cached` +
    `${result.cutoff.length > 0 ? ` (${result.cutoff.length} by early cutoff)` : ''}, ${result.failed.length} failed, ${result.skipped.length} skipped in ${formatMs(ms)}` +
    // The machine's cores, not only the farm's: on a quiet machine the farm is what keeps them busy.
    (busy === undefined ? '' : ` (cores busy ${Math.round(busy * 100)} %)`);
  if (ctx.json) {
    ctx.stdout.write(
      JSON.stringify({
        type: 'summary',
        stage,
        ...(only === undefined ? {} : { only, assembled: false }),
        built: result.built,
        cached: result.cached,
        cutoff: result.cutoff,
        failed: result.failed.map((f) => ({ pkg: f.pkg, message: f.error instanceof Error ? f.error.message : String(f.error) })),
        skipped: result.skipped,
        ...(result.builtOn === undefined ? {} : { builtOn: Object.fromEntries(result.builtOn) }),
        ms,
        ...(busy === undefined ? {} : { coresBusy: Math.round(busy * 1000) / 1000 }),
      }) + '\n',
    );
  } else {
    ctx.stdout.write((result.failed.length > 0 ? c.red(line) : c.green(line)) + '\n');
    if (result.builtOn !== undefined && result.builtOn.size > 0) ctx.stdout.write(`  built on ${perEngine(result.builtOn)}\n`);
    for (const f of result.failed) {
      const msg = f.error instanceof Error ? f.error.message : String(f.error);
      // Every line names its package (an interruption's message does not).
      ctx.stdout.write(`  ${c.red('failed')} ${msg.startsWith(`${f.pkg}:`) ? msg : `${f.pkg}: ${msg}`}\n`);
      if (f.error instanceof BuildFailed && f.error.logFile !== undefined) ctx.stdout.write(`    log: ${f.error.logFile}\n`);
    }
  }
  if (result.interrupted) return 130;
  const first = result.failed[0]?.error;
  if (first !== undefined) return isFarmError(first) ? first.exitCode : 1;
  return result.skipped.length > 0 ? 1 : 0;
}

/** "local 9 (busybox, make, ...), engine2 8 (...)": how many packages each engine built, and which. */
function perEngine(builtOn: ReadonlyMap<string, string>): string {
  const by = new Map<string, string[]>();
  for (const [pkg, engine] of builtOn) by.set(engine, [...(by.get(engine) ?? []), pkg]);
  return [...by].map(([engine, pkgs]) => `${engine} ${pkgs.length} (${pkgs.sort().join(', ')})`).join('; ');
}
