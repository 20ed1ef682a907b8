import { Readable } from 'node:stream';
import { pack, type Header } from 'tar-stream';

export interface SkeletonFile {
  readonly name: string;
  readonly data: string | Buffer;
  readonly mode: number;
}

/**
 * A small deterministic tar of directories and files (root-owned, fixed mtime),
 * laid into a container before it starts (/build of a package build, /disk of a disk image).
 */
export function skeletonTar(dirs: readonly string[], files: readonly SkeletonFile[], mtime: number): Readable {
  const p = pack();
  const date = new Date(mtime * 1000);
  (async () => {
    for (const dir of dirs) {
      await entry(p, { name: dir, type: 'directory', mode: 0o755, uid: 0, gid: 0, mtime: date });
    }
    for (const file of files) {
      const data = typeof file.data === 'string' ? Buffer.from(file.data) : file.data;
      await entry(p, { name: file.name, type: 'file', mode: file.mode, uid: 0, gid: 0, mtime: date, size: data.length }, data);
    }
    p.finalize();
  })().catch((error: unknown) => p.destroy(error as Error));
  return p as unknown as Readable;
}

function entry(p: ReturnType<typeof pack>, header: Partial<Header> & { name: string }, body?: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const cb = (error?: Error | null): void => (error ? reject(error) : resolve());
    if (body === undefined) p.entry(header, cb);
    else p.entry(header, body, cb);
  });
}
