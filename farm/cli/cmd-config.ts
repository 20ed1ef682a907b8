import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { configOptionPaths, nilOptionPaths } from '../config/index.js';
import { FarmError, nearestName } from '../errors/index.js';
import { evaluateLuaFiles } from '../lua/index.js';
import { FARM_HOME } from '../version.js';
import { out, type CliContext } from './io.js';

async function options(path: string, label: string): Promise<string[]> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (error) {
    // The example's path as seen from where the file belongs (configs/ only in the farm's own checkout).
    const example = relative(dirname(path), join(FARM_HOME, 'configs', `${label}.example`));
    throw new FarmError('CONFIG_MISSING', `${path} does not exist`, { hint: `cp ${example} ${label}`, cause: error });
  }
  const [r] = await evaluateLuaFiles([{ path: label, source, globals: {} }]);
  if (r === undefined || !r.ok) throw new FarmError('CONFIG_INVALID', r?.ok === false ? r.error.message : `${label}: not evaluated`);
  // Options written as `x = nil` count too: the example documents them unset.
  return [...new Set([...configOptionPaths(r.value), ...nilOptionPaths(source)])].sort();
}

/** `stasis-farm config diff`: options new in the examples, gone from them, or renamed. */
export async function diff(ctx: CliContext): Promise<number> {
  let differences = 0;
  for (const name of ['config.lua', 'default.lua']) {
    const mine = await options(join(ctx.root, name), name);
    const example = await options(join(FARM_HOME, 'configs', `${name}.example`), `${name}.example`);
    const added = example.filter((o) => !mine.includes(o));
    const removed = mine.filter((o) => !example.includes(o));
    const renamed: [string, string][] = [];
    for (const old of [...removed]) {
      const near = nearestName(old, added);
      if (near !== undefined) {
        renamed.push([old, near]);
        removed.splice(removed.indexOf(old), 1);
        added.splice(added.indexOf(near), 1);
      }
    }
    const lines = [
      ...added.map((o) => `  ${ctx.chalk.green('new')}      ${o}`),
      ...removed.map((o) => `  ${ctx.chalk.red('removed')}  ${o} (no longer in the example; the farm will reject it)`),
      ...renamed.map(([a, b]) => `  ${ctx.chalk.yellow('renamed')}  ${a} -> ${b}`),
    ];
    differences += lines.length;
    out(ctx, lines.length === 0 ? `${name}: same options as configs/${name}.example` : `${name} vs configs/${name}.example:\n${lines.join('\n')}`);
  }
  return differences === 0 ? 0 : 1;
}
