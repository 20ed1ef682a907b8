import { FarmError } from '../errors/index.js';
import type { ManifestEntry } from '../tar/index.js';

/** An entry headed for the rootfs, with who puts it there (a package, or "config.lua"). */
export interface PlacedEntry {
  readonly path: string;
  readonly type: ManifestEntry['type'];
  readonly target?: string;
  readonly origin: string;
}

/** A symlink that stands where an entry needs a directory. */
export interface LinkInTheWay {
  /** The symlink's path, its target and the package that ships it. */
  readonly link: string;
  readonly target: string;
  readonly linkOrigin: string;
  /** The first entry that needs a directory there, and who puts it there. */
  readonly path: string;
  readonly origin: string;
}

/**
 * Every symlink that some entry needs to be a directory: the link is a proper
 * ancestor of the entry's path, or the entry is itself a directory at the
 * link's path. Pure. One finding per (link, origin) pair, with its first entry.
 */
export function linksInTheWay(entries: readonly PlacedEntry[]): LinkInTheWay[] {
  const links = new Map<string, PlacedEntry>();
  for (const e of entries) if (e.type === 'symlink' && !links.has(e.path)) links.set(e.path, e);
  if (links.size === 0) return [];
  const found = new Map<string, LinkInTheWay>();
  for (const e of entries) {
    const parts = e.path.split('/');
    const depth = e.type === 'dir' ? parts.length : parts.length - 1;
    for (let i = 1; i <= depth; i++) {
      const link = links.get(parts.slice(0, i).join('/'));
      if (link === undefined) continue;
      const key = `${link.path}\0${e.origin}`;
      if (!found.has(key)) found.set(key, { link: link.path, target: link.target ?? '', linkOrigin: link.origin, path: e.path, origin: e.origin });
      break;
    }
  }
  return [...found.values()];
}

/** Refuse (BUILD_FAILED) a rootfs in which something would be written through a symlink. */
export function checkLinksInTheWay(entries: readonly PlacedEntry[]): void {
  const found = linksInTheWay(entries);
  if (found.length === 0) return;
  throw new FarmError(
    'BUILD_FAILED',
    `a package ships a symlink where a directory is needed:\n` +
      found
        .slice(0, 20)
        .map((f) => `  ${f.link} -> ${f.target}: symlink shipped by ${f.linkOrigin}; ${f.origin} needs a directory there for ${f.path}`)
        .join('\n'),
    {
      hint:
        'the farm never writes through a symlink: ship a real directory at that path, or install the files under ' +
        "the link's target instead (a symlink is fine where nothing is put beneath it)",
    },
  );
}
