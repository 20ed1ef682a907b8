import { createHash } from 'node:crypto';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import { sha256File } from '../fs/hash.js';

/** What a release is built from, besides its sources: recipes, patches, files, profiles and the two configs. */
export const RECIPE_TREE = ['system', 'profiles', 'config.lua', 'default.lua'] as const;

export interface RecipeTree {
  /** sha256 over `<sha256>  <path>` lines, one per file, sorted by path (a symlink hashes its target). */
  readonly sha256: string;
  readonly files: number;
}

async function walk(root: string, rel: string, out: Map<string, string>): Promise<void> {
  const st = await lstat(join(root, rel)).catch(() => undefined);
  if (st === undefined) throw new FarmError('CONFIG_MISSING', `${join(root, rel)}: missing (the recipe tree is ${RECIPE_TREE.join(', ')})`);
  if (st.isSymbolicLink())
    out.set(
      rel,
      createHash('sha256')
        .update(`symlink:${await readlink(join(root, rel))}`)
        .digest('hex'),
    );
  else if (st.isFile()) out.set(rel, await sha256File(join(root, rel)));
  else if (st.isDirectory()) for (const name of await readdir(join(root, rel))) await walk(root, `${rel}/${name}`, out);
}

/** The recipe tree's hash in canonical order: the same bytes give the same hash on any machine. */
export async function hashRecipeTree(root: string): Promise<RecipeTree> {
  const files = new Map<string, string>();
  for (const top of RECIPE_TREE) await walk(root, top, files);
  const lines = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([path, sha]) => `${sha}  ${path}\n`);
  return { sha256: createHash('sha256').update(lines.join('')).digest('hex'), files: files.size };
}
