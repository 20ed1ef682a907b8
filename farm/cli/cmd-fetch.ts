import { loadProject } from '../project/load.js';
import { ensureSources, sourcesOf } from '../project/sources.js';
import { readStatusNotes } from '../project/status-notes.js';
import { SourceStore } from '../sources/index.js';
import { workspacePaths } from '../workspace/paths.js';
import { parseFlags } from './args.js';
import { mirrorsFor } from './engine.js';
import { out, type CliContext } from './io.js';

/**
 * Exit 0 when every source of the selection is present and verified; with --offline, a missing source
 * is SOURCE_MISSING (exit 4), listing package, file, where it would come from and (docs/status-notes.yaml) why
 * it cannot be obtained here.
 */
export async function fetchCommand(ctx: CliContext, args: readonly string[]): Promise<number> {
  const { values } = parseFlags(args, { offline: { type: 'boolean' }, all: { type: 'boolean' }, profile: { type: 'string' } }, 'fetch');
  const project = await loadProject(ctx.root, { profile: values.profile, all: values.all === true });
  const store = new SourceStore(workspacePaths(project.root, 'dev').store);
  const items = sourcesOf(project);
  await ensureSources(project, { store, mirrors: mirrorsFor(ctx, project.config.defaults.mirrors), offline: values.offline === true, sink: ctx.sink, items, why: await readStatusNotes(ctx.root) });
  out(ctx, `${items.length} source(s) of ${project.order.order.length} package(s) present and verified in ${store.dir}`);
  return 0;
}
