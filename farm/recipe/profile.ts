import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError, nearestName } from '../errors/index.js';
import { evaluateCached, type EvalCache } from '../evalcache/index.js';
import { FieldReader } from '../validate/fields.js';
import type { FarmGlobals } from './load.js';

const PROFILE_HINT = 'choose one with `profile` in config.lua or --profile';

export interface Profile {
  readonly name: string;
  readonly description: string;
  readonly packages: readonly string[];
}

const NAME = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * `profiles/<name>.lua` returns `{ description =, extends =?, packages = {...} }`.
 * `extends` chains are followed (a cycle is an error); the parent's packages come first.
 * `origin` says where the name comes from in errors: config.lua's `profile` unless told (`--profile`).
 * `cache`: take the evaluation from it when its entry holds.
 */
export async function loadProfile(root: string, name: string, farm: FarmGlobals, origin = 'config.lua: profile', cache?: EvalCache): Promise<Profile> {
  return loadChain({ root, farm, cache }, name, origin, []);
}

interface ChainContext {
  readonly root: string;
  readonly farm: FarmGlobals;
  readonly cache: EvalCache | undefined;
}

async function loadChain(at: ChainContext, name: string, origin: string, seen: readonly string[]): Promise<Profile> {
  const { root, farm } = at;
  const dir = join(root, 'profiles');
  if (seen.includes(name)) throw new FarmError('CONFIG_INVALID', `profiles: "extends" cycle: ${[...seen, name].join(' -> ')}`);
  if (!NAME.test(name)) throw new FarmError('CONFIG_INVALID', `${origin}: "${name}" is not a profile name`);
  const file = `profiles/${name}.lua`;
  let source: string;
  try {
    source = await readFile(join(dir, `${name}.lua`), 'utf8');
  } catch (error) {
    const available = (await readdir(dir).catch(() => [] as string[]))
      .filter((f) => f.endsWith('.lua'))
      .map((f) => f.slice(0, -4))
      .sort();
    const near = nearestName(name, available);
    throw new FarmError('CONFIG_INVALID', `${origin}: no profile "${name}" (${file} does not exist); available: ${available.join(', ') || 'none'}`, {
      hint: near === undefined ? `a profile is a file profiles/NAME.lua; ${PROFILE_HINT}` : `did you mean "${near}"? ${PROFILE_HINT}`,
      cause: error,
    });
  }
  const [result] = await evaluateCached([{ path: file, source, globals: { farm: { stage: farm.stage, arch: 'x86_64' } } }], at.cache);
  if (result === undefined) throw new Error(`${file}: not evaluated`);
  // Lua errors keep their code (LUA_ERROR / LUA_TIMEOUT) and name the file and line.
  if (!result.ok) throw result.error;
  const r = new FieldReader(file, 'CONFIG_INVALID');
  const o = r.object(result.value, '') ?? {};
  r.unknownKeys(o, ['description', 'extends', 'packages'], '');
  const description = r.string(o, 'description', '') ?? '';
  const parent = r.string(o, 'extends', '', { optional: true, pattern: NAME, what: 'a profile name' });
  const own = r.stringList(o, 'packages', '', { pattern: /^[a-z0-9][a-z0-9+._-]*$/, what: 'a package name' });
  r.throwIfAny();
  const inherited = parent === undefined ? [] : (await loadChain(at, parent, `${file}: extends`, [...seen, name])).packages;
  return { name, description, packages: [...new Set([...inherited, ...own])] };
}
