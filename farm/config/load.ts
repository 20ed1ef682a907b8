import { isAbsolute, join, resolve } from 'node:path';
import { FarmError } from '../errors/index.js';
import { readTextIfExists } from '../fs/read-if-exists.js';
import { evaluateCached, type EvalCache } from '../evalcache/index.js';
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
  if (missing.length > 0) {
    const commands = missing.map((m) => `cp configs/${m}.example ${m}`);
    throw new FarmError(
      'CONFIG_MISSING',
      `${missing.join(' and ')} missing in ${root}; create ${missing.length === 1 ? 'it' : 'them'} from the examples:\n  ${commands.join('\n  ')}`,
      {
        hint: `copy the examples and edit them:\n  ${commands.join('\n  ')}`,
      },
    );
  }
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
    defaults: { ...validated, mirrors },
    rawSystem: asRecord(rawSystem),
    rawDefaults: asRecord(rawDefaults),
  };
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
