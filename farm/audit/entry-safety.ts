import type { TreeEntry } from './tree.js';

function parts(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** Why an entry's own name leaves the tree (absolute, or a `..` part); undefined when it does not. */
export function unsafeName(path: string): string | undefined {
  if (path.startsWith('/')) return 'absolute name';
  if (parts(path).includes('..')) return '".." in the name';
  return undefined;
}

/**
 * Why a hardlink is unsafe: its target is absolute, climbs with `..`, or is no
 * entry seen before it (an extractor would link to a file of the host).
 */
export function hardlinkProblem(entry: TreeEntry, seen: ReadonlyMap<string, TreeEntry>): string | undefined {
  const target = entry.target ?? '';
  if (unsafeName(target) !== undefined) return `hardlink to ${target}, outside the rootfs`;
  if (!seen.has(parts(target).join('/'))) return `hardlink to ${target}, which is not an earlier entry of the archive`;
  return undefined;
}
