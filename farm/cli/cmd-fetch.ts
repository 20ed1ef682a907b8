import { loadProject } from '../project/load.js';
import { ensureSources, sourcesOf } from '../project/sources.js';
import { readStatusNotes } from '../project/status-notes.js';
import { SourceStore } from '../sources/index.js';
import { workspacePaths } from '../workspace/paths.js';
import { defineCommand } from './command.js';
import { mirrorsFor } from './engine.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf, CommandSpec } from './spec.js';
import { ALL_RECIPES, PROFILE } from './options.js';

/**
 * Exit 0 when every source of the selection is present and verified; with --offline, a missing source
 * is SOURCE_MISSING (exit 4), listing package, file, where it would come from and (docs/status-notes.yaml) why
 * it cannot be obtained here.
 */
const FETCH = {
  name: 'fetch',
  summary: 'fetch and verify the sources of the selected packages',
  description: 'Sources go into the store (workspace/sources), from the store, the mirrors (--mirror, STASIS_MIRROR, default.lua) or upstream, each checked against its sha256.',
  options: {
    offline: { type: 'boolean', description: 'fetch nothing; list every source missing from the store and the mirror directories, with why it cannot be obtained (exit 4)' },
    all: ALL_RECIPES,
    profile: PROFILE,
  },
} as const satisfies CommandSpec;

export const fetchCommand = defineCommand(FETCH, fetch);

async function fetch(ctx: CliContext, { values }: ArgsOf<typeof FETCH>): Promise<number> {
  const project = await loadProject(ctx.root, { profile: values.profile, all: values.all === true });
  const store = new SourceStore(workspacePaths(project.root, 'dev').store);
  const items = sourcesOf(project);
  await ensureSources(project, { store, mirrors: mirrorsFor(ctx, project.config.defaults.mirrors), offline: values.offline === true, sink: ctx.sink, items, why: await readStatusNotes(ctx.root) });
  out(ctx, `${items.length} source(s) of ${project.order.order.length} package(s) present and verified in ${store.dir}`);
  return 0;
}
