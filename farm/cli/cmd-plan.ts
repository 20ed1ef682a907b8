import { BuildCache } from '../cache/index.js';
import { projectKeys } from '../project/keys.js';
import { loadProject } from '../project/load.js';
import { planFromCache } from '../project/plan.js';
import { workspacePaths } from '../workspace/paths.js';
import { readRecordedKeys } from '../workspace/state.js';
import { builderForPlanning } from './builder-id.js';
import { warnAboutConfig } from './config-warnings.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { PLAN } from './spec-plan.js';

export async function plan(ctx: CliContext, { values }: ArgsOf<typeof PLAN>): Promise<number> {
  const project = await loadProject(ctx.root, { profile: values.profile });
  warnAboutConfig(ctx, project.warnings);
  const builder = await builderForPlanning(ctx, project);
  const keys = projectKeys(project, builder);
  const paths = workspacePaths(project.root, project.stage);
  const previous = await readRecordedKeys(paths);
  const plan = await planFromCache(project, keys, new BuildCache(paths.cache), previous.size === 0 ? undefined : previous);
  if (ctx.json) {
    out(ctx, JSON.stringify({ profile: project.profile.name, builder, packages: plan }));
    return 0;
  }
  const c = ctx.chalk;
  const toBuild = plan.filter((p) => p.status === 'build');
  out(
    ctx,
    `${c.bold('plan')} (${project.profile.name}, builder ${builder.ref} ${c.dim(builder.id.slice(0, 19))}): ${toBuild.length} to build, ${plan.length - toBuild.length} cached`,
  );
  for (const p of plan) {
    if (p.status === 'cached') out(ctx, `  ${c.dim('cached')} ${p.name} ${c.dim(p.key.slice(0, 12))}`);
    else out(ctx, `  ${c.blue('build ')} ${p.name} ${c.dim(p.key.slice(0, 12))}: ${p.reasons.join('; ')}`);
  }
  return 0;
}
