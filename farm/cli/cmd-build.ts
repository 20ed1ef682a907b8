import { FarmError } from '../errors/index.js';
import { buildProject } from '../project/build.js';
import { loadProject } from '../project/load.js';
import { intFlag } from './args.js';
import { defineCommand } from './command.js';
import { mirrorsFor, runtimeFor } from './engine.js';
import type { CliContext } from './io.js';
import type { ArgsOf, CommandSpec } from './spec.js';
import { coresBusy, sampleCpu } from '../report/index.js';
import { reportBuild } from './summary.js';
import { OFFLINE } from './options.js';

const BUILD = {
  name: 'build',
  summary: 'build the selected packages in containers into workspace/preview',
  description:
    'Without PKG: the packages of the profile (config.lua, or --profile); the preview is then assembled from them. With PKG...: those packages and everything they need, from every recipe in system/ whatever the profile, into the cache only: the preview is not assembled or replaced.',
  positionals: [{ name: 'PKG', description: 'a package to build, with everything it needs', optional: true, repeats: true }],
  options: {
    jobs: { type: 'string', short: 'j', value: 'N', description: "packages built at once (default: default.lua's jobs, else one per core)" },
    'keep-going': {
      type: 'boolean',
      short: 'k',
      description: 'a failed build or a source that cannot be fetched fails only that package and its dependents (a cached package needs no source)',
    },
    offline: OFFLINE,
    wait: { type: 'boolean', description: 'wait (up to an hour) for another stasis-farm using the workspace instead of failing (exit 6)' },
    profile: { type: 'string', value: 'P', description: "build profiles/P.lua instead of config.lua's profile (not with PKG...)" },
    builder: { type: 'string', value: 'REF', description: "the builder image to build in (default: default.lua's builder)" },
  },
} as const satisfies CommandSpec;

export const buildCommand = defineCommand(BUILD, build);

async function build(ctx: CliContext, { values, positionals }: ArgsOf<typeof BUILD>): Promise<number> {
  const jobs = intFlag(values.jobs, 'jobs');
  const started = Date.now();
  // `build PKG...`: those packages and what they need, from every recipe; no assembly.
  const targets = positionals;
  if (targets.length > 0 && values.profile !== undefined) {
    throw new FarmError('USAGE', 'build: give either packages or --profile, not both', { hint: 'packages are built from every recipe in system/, whatever the profile' });
  }
  const cpuAtStart = sampleCpu();
  const project = await loadProject(ctx.root, { profile: values.profile, targets, signal: ctx.signal });
  const outcome = await buildProject(project, {
    runtime: runtimeFor(ctx),
    image: values.builder ?? project.config.defaults.builder,
    mirrors: mirrorsFor(ctx, project.config.defaults.mirrors),
    offline: values.offline === true,
    jobs: jobs ?? (project.config.defaults.jobs > 0 ? project.config.defaults.jobs : undefined),
    keepGoing: values['keep-going'] === true,
    waitForLock: values.wait === true,
    sink: ctx.sink,
    signal: ctx.signal,
    assemble: targets.length === 0,
  });
  const only = targets.length === 0 ? undefined : `${project.order.order.length} package(s) for ${[...new Set(targets)].join(', ')}; preview not assembled`;
  return reportBuild(ctx, outcome.result, Date.now() - started, project.stage, only, coresBusy(cpuAtStart, sampleCpu()));
}
