import { stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { FarmError } from '../errors/index.js';
import { readTextIfExists } from '../fs/read-if-exists.js';
import { evaluateCached, type EvalCache } from '../evalcache/index.js';
import { FARM_HOME } from '../version.js';
import type { LoadedConfig } from './types.js';
import { validateDefaults, validateSystemConfig } from './validate.js';

/**
 * Evaluate `<root>/config.lua` and `<root>/default.lua` (sandboxed) and validate
 * them. Missing files are reported with the exact commands that create them. `cache`: take
 * the evaluations from it when their entries hold.
 */
export async function loadConfig(root: string, options: { readonly cache?: EvalCache | undefined } = {}): Promise<LoadedConfig> {
  const [system, defaults] = await Promise.all([readTextIfExists(join(root, 'config.lua')), readTextIfExists(join(root, 'default.lua'))]);
  const missing = [system === undefined ? 'config.lua' : undefined, defaults === undefined ? 'default.lua' : undefined].filter((x): x is string => x !== undefined);
  if (missing.length > 0) throw await configMissing(root, missing);
  const [sys, def] = await evaluateCached(
    [
      { path: 'config.lua', source: system as string, globals: {} },
      { path: 'default.lua', source: defaults as string, globals: {} },
    ],
    options.cache,
  );
  for (const r of [sys, def]) {
    // A syntax or runtime error keeps its code (LUA_ERROR / LUA_TIMEOUT) and names the file and line.
    if (r !== undefined && !r.ok) throw r.error;
  }
  const rawSystem = (sys as { value: unknown }).value;
  const rawDefaults = (def as { value: unknown }).value;
  const validated = validateDefaults(rawDefaults, 'default.lua');
  // Mirror directories are relative to the Stasis tree.
  const mirrors = validated.mirrors.map((m) => (/^https?:\/\//.test(m) || isAbsolute(m) ? m : resolve(root, m)));
  // So are an engine's TLS files.
  const engines = validated.engines.map((e) => (e.tls === undefined || isAbsolute(e.tls) ? e : { ...e, tls: resolve(root, e.tls) }));
  const systemConfig = validateSystemConfig(rawSystem, 'config.lua');
  // The kernel .config must exist; only the linux recipe reads it (see its key).
  if (systemConfig.kernel.config !== undefined) {
    const path = resolve(root, systemConfig.kernel.config);
    if ((await readTextIfExists(path)) === undefined) {
      throw new FarmError('CONFIG_INVALID', `config.lua: kernel.config: ${systemConfig.kernel.config} does not exist (looked for ${path})`);
    }
  }
  return {
    system: systemConfig,
    defaults: { ...validated, mirrors, engines },
    rawSystem: asRecord(rawSystem),
    rawDefaults: hiddenFromRecipes(asRecord(rawDefaults)),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * default.lua as recipes see it: without `engines`. Which engine builds a package cannot change
 * its output, so no recipe may read the pool (`defaults.engines` is nil there) and key on it:
 * adding or changing an engine rebuilds nothing.
 */
function hiddenFromRecipes(defaults: Record<string, unknown>): Record<string, unknown> {
  return 'engines' in defaults ? Object.fromEntries(Object.entries(defaults).filter(([key]) => key !== 'engines')) : defaults;
}

/**
 * CONFIG_MISSING with the commands that make the files from the farm's examples (named by a
 * path that works from `root`: configs/ only inside the farm's own checkout), and, when `root`
 * holds no system/ either, the likelier fix: it is not a Stasis tree.
 */
async function configMissing(root: string, missing: readonly string[]): Promise<FarmError> {
  const examples = relative(resolve(root), join(FARM_HOME, 'configs')) || '.';
  const commands = missing.map((m) => `cp ${join(examples, `${m}.example`)} ${m}`);
  const tree = await stat(join(root, 'system')).then(
    (st) => st.isDirectory(),
    () => false,
  );
  const what = `${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} missing in ${root}`;
  if (!tree) {
    return new FarmError('CONFIG_MISSING', `${what}, which is not a Stasis tree (it has no system/ of recipes)`, {
      hint: `run stasis-farm in a Stasis tree (the farm's checkout is one: ${FARM_HOME}), or pass --root DIR`,
    });
  }
  return new FarmError('CONFIG_MISSING', `${what}: create ${missing.length === 1 ? 'it' : 'them'} from the farm's examples`, {
    hint: `${commands.join(' && ')}, then edit ${missing.length === 1 ? 'it' : 'them'}`,
  });
}
