import { FarmError, nearestName } from '../errors/index.js';
import { diffKeyInputs } from '../keys/index.js';
import { explainKey } from '../plan/index.js';
import { projectKeys } from '../project/keys.js';
import { loadProject } from '../project/load.js';
import { workspacePaths } from '../workspace/paths.js';
import { readRecordedKeys } from '../workspace/state.js';
import { builderForPlanning } from './builder-id.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { WHY } from './spec-why.js';

export async function why(ctx: CliContext, { values, positionals }: ArgsOf<typeof WHY>): Promise<number> {
  // The spec asks for PKG.
  const name = positionals[0] as string;
  const project = await loadProject(ctx.root, { profile: values.profile });
  if (!project.order.packages.has(name)) {
    const near = nearestName(name, [...project.recipes.keys()]);
    throw new FarmError('UNKNOWN_PACKAGE', `why: "${name}" is not in the selected packages${project.recipes.has(name) ? ' (it has a recipe but is not selected)' : ''}`, {
      hint: near === undefined ? undefined : `did you mean "${near}"?`,
    });
  }
  const builder = await builderForPlanning(ctx, project);
  const key = projectKeys(project, builder).get(name);
  if (key === undefined) throw new Error(`no key for ${name}`);
  const previous = (await readRecordedKeys(workspacePaths(project.root, project.stage))).get(name);
  const changes = previous === undefined ? undefined : previous.key === key.key ? [] : diffKeyInputs(previous.inputs, key.inputs);
  if (ctx.json) {
    out(ctx, JSON.stringify({ package: name, key: key.key, inputs: key.inputs, previous: previous?.key, changes }));
    return 0;
  }
  const c = ctx.chalk;
  out(ctx, `${c.bold(name)} key ${key.key}`);
  for (const row of explainKey(key.inputs)) out(ctx, `  ${row.label.padEnd(22)} ${row.value}`);
  if (changes === undefined) out(ctx, c.dim('  no previous build recorded'));
  else if (changes.length === 0) out(ctx, c.green(`  unchanged since the last build`));
  else {
    out(ctx, c.yellow(`  changed since the last build (${previous?.key.slice(0, 12)}):`));
    for (const ch of changes) out(ctx, `    - ${ch.text}`);
  }
  return 0;
}
