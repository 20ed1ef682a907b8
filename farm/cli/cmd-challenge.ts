import { join, resolve } from 'node:path';
import { loadConfig } from '../config/index.js';
import { EXIT_CODES } from '../errors/index.js';
import { challengeRelease, reproduced, type ChallengeResult } from '../release/challenge.js';
import { formatMs } from '../report/index.js';
import { intFlag } from './args.js';
import { auditOptionsFor } from './audit-options.js';
import { diffoscopeInstalled, diffoscopeReport } from './diffoscope.js';
import { httpGetFor, mirrorsFor } from './mirrors.js';
import { poolFor } from './engines.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { CHALLENGE } from './spec-challenge.js';

function formatChallenge(r: ChallengeResult, ctx: CliContext): string {
  const c = ctx.chalk;
  const mark = (v: string): string => (v === 'same' ? c.green(v) : c.red(v));
  // A diverse double-compile reports dev without judging it: another compiler made it.
  const devMark = (v: string): string => (r.builder.diverse ? c.dim(v) : mark(v));
  const lines = [
    `${c.bold('challenge')} ${r.manifest.release ?? '?'} (profile ${r.manifest.profile ?? '?'}, recipe tree ${r.manifest.recipe_tree?.sha256?.slice(0, 12) ?? '?'}), rebuilt in ${r.workRoot}`,
  ];
  if (r.builder.diverse) {
    lines.push(`  diverse double-compile: dev built in ${r.builder.here ?? '?'}, the release's in ${r.builder.recorded ?? '?'}; dev is not judged, stage A and B are`);
  }
  for (const p of r.packages) lines.push(`  ${p.name.padEnd(24)} dev ${devMark(p.dev)}  a ${mark(p.a)}  b ${mark(p.b)}`);
  lines.push(
    `  ${'rootfs tar'.padEnd(24)} ${r.rootfs.rebuilt === undefined ? c.red('not rebuilt') : mark(r.rootfs.rebuilt === r.rootfs.recorded ? 'same' : 'different')} ${c.dim(r.rootfs.rebuilt ?? '')}`,
  );
  if (!r.builder.diverse && r.builder.recorded !== r.builder.here)
    lines.push(c.yellow(`  builder image: ${r.builder.here ?? '?'} here, ${r.builder.recorded ?? '?'} in the release (dev outputs depend on it)`));
  const counts = r.packages.filter((p) => reproduced(p, r.builder.diverse)).length;
  const what = r.builder.diverse ? ' in stage A and B' : '';
  lines.push(
    r.same
      ? c.green(`reproduced: ${counts}/${r.packages.length} package(s)${what} and the rootfs are the same`)
      : c.red(`not reproduced: ${r.packages.length - counts} of ${r.packages.length} package(s) differ${what} or did not build`),
  );
  return lines.join('\n');
}

/** `stasis-farm challenge DIST`: rebuild a release here and judge it package by package. */
export async function challenge(ctx: CliContext, { values, positionals }: ArgsOf<typeof CHALLENGE>): Promise<number> {
  // The spec asks for DIST.
  const [dist] = positionals as [string];
  const config = await loadConfig(ctx.root);
  // The engine is reached only after the recipe tree is found to be the recorded one.
  const runtime = await ctx.runtime();
  const started = Date.now();
  const distDir = resolve(ctx.root, dist);
  const workDir = join(ctx.root, 'workspace-challenge');
  const result = await challengeRelease({
    root: ctx.root,
    distDir,
    workDir,
    runtime,
    mirrors: mirrorsFor(ctx, config.defaults.mirrors),
    httpGet: httpGetFor(ctx, config.defaults),
    offline: values.offline === true,
    jobs: intFlag(values.jobs, 'jobs'),
    builder: values.builder,
    engines: await poolFor(ctx, values, config),
    keepGoing: values['keep-going'] === true,
    exclusions: [],
    audit: await auditOptionsFor(ctx, values.allowlist),
    sink: ctx.sink,
    signal: ctx.signal,
  });
  out(ctx, ctx.json ? JSON.stringify({ packages: result.packages, rootfs: result.rootfs, builder: result.builder, same: result.same }) : formatChallenge(result, ctx));
  const rebuilt = result.release.dist?.tarball;
  const original = result.manifest.rootfs?.file;
  if (!result.same && rebuilt !== undefined && original !== undefined && (await diffoscopeInstalled())) {
    const report = join(workDir, 'diffoscope-rootfs.txt');
    const ran = await diffoscopeReport(join(distDir, original), rebuilt, report);
    out(ctx, ran ? `diffoscope: ${report}` : `diffoscope failed on ${original}`);
  }
  out(ctx, `challenge took ${formatMs(Date.now() - started)}`);
  return result.same ? 0 : EXIT_CODES.CHALLENGE_DIFFERS;
}
