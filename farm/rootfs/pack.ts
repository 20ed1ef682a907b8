import type { Readable } from 'node:stream';
import { pack, type Pack } from 'tar-stream';
import type { RootfsEntry } from './merge.js';
import { entryHeader } from '../tar/entry-header.js';
import { beneath } from '../fs/beneath.js';

/**
 * A deterministic tar of an assembled rootfs: entries in manifest (sorted) order,
 * modes and owners from the manifest (the host checkout cannot hold them),
 * contents from disk (read beneath `dir`, never through a symlink), mtime fixed
 * to SOURCE_DATE_EPOCH, no user/group names.
 */
export function packRootfs(dir: string, entries: readonly RootfsEntry[], sourceDateEpoch: number): Readable {
  const p = pack();
  const mtime = new Date(sourceDateEpoch * 1000);
  const tree = beneath(dir);
  (async () => {
    for (const e of entries) {
      const header = entryHeader(e, mtime);
      if (e.type === 'file') {
        header.size = e.size;
        const body = await tree.readFile(e.path);
        if (body.length !== e.size) throw new Error(`${e.path}: size on disk ${body.length} differs from the manifest (${e.size})`);
        await new Promise<void>((resolve, reject) => p.entry(header, body, (err) => (err ? reject(err) : resolve())));
      } else {
        await new Promise<void>((resolve, reject) => p.entry(header, (err) => (err ? reject(err) : resolve())));
      }
    }
    p.finalize();
  })().catch((error: unknown) => p.destroy(error as Error));
  return p as unknown as Readable;
}

export type { Pack };
