import { loadProject } from '../project/load.js';
import { ensureSources, sourcesOf } from '../project/sources.js';
import { readStatusNotes } from '../project/status-notes.js';
import { SourceStore } from '../sources/index.js';
import { workspacePaths } from '../workspace/paths.js';
import { httpGetFor, mirrorsFor } from './mirrors.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { FETCH } from './spec-fetch.js';

export async function fetch(ctx: CliContext, { values }: ArgsOf<typeof FETCH>): Promise<number> {
  const project = await loadProject(ctx.root, { profile: values.profile, all: values.all === true });
  const store = new SourceStore(workspacePaths(project.root, 'dev').store);
  const items = sourcesOf(project);
  await ensureSources(project, {
    store,
    mirrors: mirrorsFor(ctx, project.config.defaults.mirrors),
    httpGet: httpGetFor(ctx, project.config.defaults),
    offline: values.offline === true,
    sink: ctx.sink,
    items,
    why: await readStatusNotes(ctx.root),
  });
  out(ctx, `${items.length} source(s) of ${project.order.order.length} package(s) present and verified in ${store.dir}`);
  return 0;
}
