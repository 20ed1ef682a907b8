import { FarmError, UnsafePath } from '../errors/index.js';
import { beneath } from '../fs/beneath.js';
import type { RootfsEntry } from '../rootfs/merge.js';
import { byPath, type ImageEntry, type RootfsImage } from './image.js';

/**
 * A rootfs directory with its farm manifest (owners, modes, packages). Files are
 * read beneath the directory without following links (fs/beneath.ts: every parent
 * a real directory, the file opened O_NOFOLLOW and regular), and must have the
 * size the manifest records.
 */
export function openRootfsDirectory(dir: string, manifest: readonly RootfsEntry[]): RootfsImage {
  const entries: ImageEntry[] = manifest.map((e) => ({
    path: e.path,
    type: e.type,
    mode: e.mode & 0o7777,
    uid: e.uid,
    gid: e.gid,
    size: e.size,
    target: e.target,
    package: e.package,
  }));
  entries.sort(byPath);
  const sizes = new Map(entries.filter((e) => e.type === 'file').map((e) => [e.path, e.size]));
  const tree = beneath(dir);
  const stale = { hint: 'rebuild the rootfs: stasis-farm build' };

  return {
    label: dir,
    entries,
    read: async (path) => {
      const want = sizes.get(path);
      if (want === undefined) throw new FarmError('USAGE', `${dir}: ${path} is not a file of the manifest`);
      const body = await tree.readFile(path).catch((error: unknown) => {
        if (error instanceof UnsafePath) throw new FarmError('USAGE', `${dir}: refusing to read ${path}: ${error.why}`, { ...stale, cause: error });
        const code = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
        throw new FarmError('USAGE', `${dir}: cannot read ${path} (${code}); is the manifest stale?`, { ...stale, cause: error });
      });
      if (body.length !== want) throw new FarmError('USAGE', `${dir}: ${path} is ${body.length} bytes on disk, the manifest says ${want}`, stale);
      return body;
    },
  };
}
