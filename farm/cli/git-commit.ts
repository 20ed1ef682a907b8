import { execFile } from 'node:child_process';
import { RECIPE_TREE } from '../release/recipe-tree.js';

function git(root: string, args: readonly string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile('git', ['-C', root, ...args], { timeout: 30_000 }, (error, stdout) => resolve(error === null ? stdout.trim() : undefined));
  });
}

/** HEAD's commit when the recipe tree is a clean git checkout (nothing modified or untracked in it); else undefined. */
export async function cleanGitCommit(root: string): Promise<string | undefined> {
  const status = await git(root, ['status', '--porcelain', '--untracked-files=all', '--', ...RECIPE_TREE]);
  if (status === undefined || status !== '') return undefined;
  const head = await git(root, ['rev-parse', '--verify', 'HEAD']);
  return head !== undefined && /^[0-9a-f]{40,64}$/.test(head) ? head : undefined;
}
