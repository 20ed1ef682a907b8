import { loadProject } from '../project/load.js';
import { warnAboutConfig } from './config-warnings.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { GRAPH } from './spec-graph.js';

export async function graph(ctx: CliContext, { values }: ArgsOf<typeof GRAPH>): Promise<number> {
  const project = await loadProject(ctx.root, { profile: values.profile });
  warnAboutConfig(ctx, project.warnings);
  const { order } = project;
  if (ctx.json) {
    out(
      ctx,
      JSON.stringify({
        profile: project.profile.name,
        order: order.order.map((name) => {
          const p = order.packages.get(name);
          const r = project.recipes.get(name)?.recipe;
          return {
            name,
            version: r?.version,
            level: p?.level,
            build_deps: p?.buildDeps ?? [],
            deps: r?.deps ?? [],
            sysroot: p?.sysroot ?? [],
            pulled_in_by: project.selection.pulledIn.get(name)?.by,
          };
        }),
      }),
    );
    return 0;
  }
  const c = ctx.chalk;
  out(ctx, `${c.bold('profile')} ${project.profile.name}: ${order.order.length} packages in ${order.levels.length} level(s)`);
  order.order.forEach((name, i) => {
    const p = order.packages.get(name);
    const r = project.recipes.get(name)?.recipe;
    const pulled = project.selection.pulledIn.get(name);
    const deps = p !== undefined && p.buildDeps.length > 0 ? c.dim(` <- ${p.buildDeps.join(', ')}`) : '';
    const why = pulled === undefined ? '' : c.dim(` (needed by ${pulled.by})`);
    out(ctx, `${String(i + 1).padStart(3)}. ${name} ${c.dim(r?.version ?? '')}${deps}${why}`);
  });
  return 0;
}
