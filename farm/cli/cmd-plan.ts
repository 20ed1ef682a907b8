import { BuildCache } from '../cache/index.js';
import { makePlan } from '../plan/index.js';
import { projectKeys } from '../project/keys.js';
import { loadProject } from '../project/load.js';
import { workspacePaths } from '../workspace/paths.js';
import { readRecordedKeys } from '../workspace/state.js';
import { defineCommand } from './command.js';
import { builderForPlanning } from './builder-id.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf, CommandSpec } from './spec.js';
import { PROFILE } from './options.js';

const PLAN = {
  name: 'plan',
  summary: 'what would build, and why',
  description:
    'Every selected package, cached or to build, with the reasons (new, recipe changed, a dependency changed, a config value changed). Works without a container engine: the keys then use the builder id of the last build (or an unresolved builder), and it says so.',
  options: {
    profile: PROFILE,
  },
} as const satisfies CommandSpec;

export const planCommand = defineCommand(PLAN, plan);

async function plan(ctx: CliContext, { values }: ArgsOf<typeof PLAN>): Promise<number> {
  const project = await loadProject(ctx.root, { profile: values.profile });
  const builder = await builderForPlanning(ctx, project);
  const keys = projectKeys(project, builder);
  const paths = workspacePaths(project.root, project.stage);
  const cache = new BuildCache(paths.cache);
  const cached = new Set<string>();
  for (const k of keys.values()) if (await cache.has(k.key)) cached.add(k.key);
  const previous = await readRecordedKeys(paths);
  const plan = makePlan(project.order, keys, previous.size === 0 ? undefined : previous, cached);
  if (ctx.json) {
    out(ctx, JSON.stringify({ profile: project.profile.name, builder, packages: plan }));
    return 0;
  }
  const c = ctx.chalk;
  const toBuild = plan.filter((p) => p.status === 'build');
  out(ctx, `${c.bold('plan')} (${project.profile.name}, builder ${builder.ref} ${c.dim(builder.id.slice(0, 19))}): ${toBuild.length} to build, ${plan.length - toBuild.length} cached`);
  for (const p of plan) {
    if (p.status === 'cached') out(ctx, `  ${c.dim('cached')} ${p.name} ${c.dim(p.key.slice(0, 12))}`);
    else out(ctx, `  ${c.blue('build ')} ${p.name} ${c.dim(p.key.slice(0, 12))}: ${p.reasons.join('; ')}`);
  }
  return 0;
}
