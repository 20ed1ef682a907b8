import { FarmError } from '../errors/index.js';
import { buildProject } from '../project/build.js';
import { loadProject } from '../project/load.js';
import { intFlag } from './args.js';
import { warnAboutConfig } from './config-warnings.js';
import { httpGetFor, mirrorsFor } from './mirrors.js';
import { poolFor } from './engines.js';
import type { CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import { coresBusy, sampleCpu } from '../report/index.js';
import { recordedRun } from './run-record.js';
import { reportBuild } from './summary.js';
import type { BUILD } from './spec-build.js';

/** `stasis-farm build`, its run recorded in workspace/runs (and, with --junit, reported as JUnit). */
export function build(ctx: CliContext, args: ArgsOf<typeof BUILD>): Promise<number> {
  return recordedRun(ctx, { command: 'build', args, junit: args.values.junit }, (recorded) => buildRun(recorded, args));
}

async function buildRun(ctx: CliContext, { values, positionals }: ArgsOf<typeof BUILD>): Promise<number> {
  const jobs = intFlag(values.jobs, 'jobs');
  const started = Date.now();
  // `build PKG...`: those packages and what they need, from every recipe; no assembly.
  const targets = positionals;
  if (targets.length > 0 && values.profile !== undefined) {
    throw new FarmError('USAGE', 'build: give either packages or --profile, not both', { hint: 'packages are built from every recipe in system/, whatever the profile' });
  }
  const cpuAtStart = sampleCpu();
  // A profile that config.lua does not fit is refused here, before the engine is asked for anything.
  const project = await loadProject(ctx.root, { profile: values.profile, targets, signal: ctx.signal });
  warnAboutConfig(ctx, project.warnings);
  const outcome = await buildProject(project, {
    runtime: await ctx.runtime(),
    image: values.builder ?? project.config.defaults.builder,
    mirrors: mirrorsFor(ctx, project.config.defaults.mirrors),
    httpGet: httpGetFor(ctx, project.config.defaults),
    offline: values.offline === true,
    jobs: jobs ?? (project.config.defaults.jobs > 0 ? project.config.defaults.jobs : undefined),
    keepGoing: values['keep-going'] === true,
    waitForLock: values.wait === true,
    sink: ctx.sink,
    signal: ctx.signal,
    assemble: targets.length === 0,
    engines: await poolFor(ctx, values, project.config),
  });
  const only = targets.length === 0 ? undefined : `${project.order.order.length} package(s) for ${[...new Set(targets)].join(', ')}; preview not assembled`;
  return reportBuild(ctx, outcome.result, Date.now() - started, project.stage, only, coresBusy(cpuAtStart, sampleCpu()));
}
