import { constants } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import type { RootfsEntry } from '../rootfs/merge.js';
import { byPath, type ImageEntry, type RootfsImage } from './image.js';

/**
 * A rootfs directory with its farm manifest (owners, modes, packages). Files are
 * read without following links: every parent must be a real directory (lstat)
 * and the file itself is opened O_NOFOLLOW and must be a regular file of the
 * size the manifest records.
 */
export function openRootfsDirectory(dir: string, manifest: readonly RootfsEntry[]): RootfsImage {
  const entries: ImageEntry[] = manifest.map((e) => ({ path: e.path, type: e.type, mode: e.mode & 0o7777, uid: e.uid, gid: e.gid, size: e.size, target: e.target, package: e.package }));
  entries.sort(byPath);
  const sizes = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.path, e.size]));
  const realDirs = new Set<string>(['']);

  const checkParents = async (path: string): Promise<void> => {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) {
      const parent = parts.slice(0, i).join('/');
      if (realDirs.has(parent)) continue;
      const st = await lstat(join(dir, parent));
      if (!st.isDirectory()) throw new FarmError('USAGE', `${dir}: ${parent} is not a directory on disk (a link?); refusing to read ${path} through it`);
      realDirs.add(parent);
    }
  };

  return {
    label: dir,
    entries,
    read: async (path) => {
      const want = sizes.get(path);
      if (want === undefined) throw new FarmError('USAGE', `${dir}: ${path} is not a file of the manifest`);
      await checkParents(path);
      const handle = await open(join(dir, path), constants.O_RDONLY | constants.O_NOFOLLOW).catch((error: NodeJS.ErrnoException) => {
        throw new FarmError('USAGE', `${dir}: cannot read ${path} (${error.code ?? error.message}); is the manifest stale?`, { hint: 'rebuild the rootfs: stasis-farm build' });
      });
      try {
        const st = await handle.stat();
        if (!st.isFile()) throw new FarmError('USAGE', `${dir}: ${path} is not a regular file on disk`);
        const body = await handle.readFile();
        if (body.length !== want) throw new FarmError('USAGE', `${dir}: ${path} is ${body.length} bytes on disk, the manifest says ${want}`, { hint: 'rebuild the rootfs: stasis-farm build' });
        return body;
      } finally {
        await handle.close();
      }
    },
  };
}
