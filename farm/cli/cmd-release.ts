import { loadExclusions } from '../release/exclusions.js';
import { formatComparison } from '../release/compare-report.js';
import { runRelease, type ReleaseResult } from '../release/release.js';
import { formatMs, sampleCpu } from '../report/index.js';
import { intFlag } from './args.js';
import { httpGetFor, mirrorsFor } from './mirrors.js';
import { poolFor } from './engines.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import { recordedRun } from './run-record.js';
import { reportBuild } from './summary.js';
import { releaseBootStep } from './release-boot.js';
import { loadProject } from '../project/load.js';
import { warnAboutConfig } from './config-warnings.js';
import { formatAuditReport } from '../audit/index.js';
import { auditOptionsFor } from './audit-options.js';
import { cleanGitCommit } from './git-commit.js';
import type { RELEASE } from './spec-release.js';

/** `stasis-farm release`, its run recorded in workspace/runs (and, with --junit, reported as JUnit). */
export function release(ctx: CliContext, args: ArgsOf<typeof RELEASE>): Promise<number> {
  return recordedRun(ctx, { command: 'release', args, junit: args.values.junit }, (recorded) => releaseRun(recorded, args));
}

async function releaseRun(ctx: CliContext, { values }: ArgsOf<typeof RELEASE>): Promise<number> {
  const jobs = intFlag(values.jobs, 'jobs');
  const boot = releaseBootStep(ctx, values.kernel, intFlag(values['boot-timeout'], 'boot-timeout') ?? 180);
  // The whole project is checked before the engine is asked for anything: config.lua against the
  // profile's packages among the rest. Each stage loads it again from the tree the release hashes.
  const { config, warnings } = await loadProject(ctx.root, { profile: values.profile, signal: ctx.signal });
  warnAboutConfig(ctx, warnings);
  const audit = await auditOptionsFor(ctx, values.allowlist);
  const runtime = await ctx.runtime();
  await runtime.ping();
  const started = Date.now();
  const result = await runRelease({
    root: ctx.root,
    runtime,
    profile: values.profile,
    builder: values.builder,
    engines: await poolFor(ctx, values, config),
    mirrors: mirrorsFor(ctx, config.defaults.mirrors),
    httpGet: httpGetFor(ctx, config.defaults),
    offline: values.offline === true,
    jobs,
    keepGoing: values['keep-going'] === true,
    exclusions: await loadExclusions(values.exclusions),
    sink: ctx.sink,
    signal: ctx.signal,
    ...(boot === undefined ? {} : { boot }),
    audit,
    gitCommit: await cleanGitCommit(ctx.root),
    sampleCpu: () => sampleCpu(),
  });
  reportStages(ctx, result);
  if (result.failedStage !== undefined) {
    return reportBuild(ctx, result.failedStage.result, Date.now() - started, `stage ${result.failedStage.stage}`);
  }
  return reportOutcome(ctx, result, started);
}

/** One line per stage: time, packages built, the image it ran in, how busy the cores were. */
function reportStages(ctx: CliContext, result: ReleaseResult): void {
  if (result.aVsB !== undefined) ctx.sink({ type: 'info', message: `compare: ${Math.round(result.compareMs)} ms` });
  for (const s of result.stages) {
    const busy = s.coresBusy === undefined ? '' : `, cores busy ${Math.round(s.coresBusy * 100)} %`;
    out(ctx, `${ctx.chalk.bold(s.stage.padEnd(3))} ${formatMs(s.ms)} (${s.outcome.result.built.length} built, image ${s.image}${busy})`);
  }
}

/** The comparisons, then the first gate that failed (audit, boot, A vs B) or the dist/ written. */
function reportOutcome(ctx: CliContext, result: ReleaseResult, started: number): number {
  const c = ctx.chalk;
  if (result.devVsA !== undefined) out(ctx, formatComparison(result.devVsA, c, { informational: true }));
  if (result.aVsB !== undefined) out(ctx, formatComparison(result.aVsB, c));
  if (result.audit !== undefined && result.audit.findings.length > 0) {
    out(ctx, formatAuditReport(result.audit, c));
    const where = 'report: workspace-release-stage-b/audit.yaml; accept one with --allowlist FILE';
    out(ctx, c.red(`release failed: the audit of stage B found ${result.audit.findings.length} problem(s) (${where})`));
    return 1;
  }
  if (result.boot !== undefined && !result.boot.pass) {
    out(ctx, c.red(`release failed: stage B did not boot (${result.boot.verdict}; serial log: ${result.boot.log ?? 'none'})`));
    return result.boot.exitCode;
  }
  if (result.dist === undefined) {
    out(ctx, c.red(`release failed: stage A and stage B differ (report: workspace-release-stage-b/compare.yaml)`));
    return 1;
  }
  out(
    ctx,
    result.boot === undefined
      ? 'boot: not run (give --kernel FILE to boot stage B before release)'
      : `boot: ${result.boot.verdict}, ${result.boot.checks.length} check(s), kernel sha256 ${result.boot.kernel?.sha256 ?? '?'} (${formatMs(result.boot.ms)})`,
  );
  const dist = result.dist;
  out(ctx, `${c.green('release')} ${dist.dir}: ${dist.files.join(', ')} (rootfs tar sha256 ${dist.rootfsSha256}) in ${formatMs(Date.now() - started)}`);
  return 0;
}
