import { pipeline } from 'node:stream/promises';
import { extract, type Header } from 'tar-stream';
import { UnsafeArchive } from '../errors/index.js';
import { FROM_TAR } from '../tar/entry-types.js';
import { openArchive } from '../tar/index.js';
import { byPath, type ImageEntry, type RootfsImage } from './image.js';

function clean(archive: string, name: string): string {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new UnsafeArchive(archive, name, 'path escapes the rootfs');
  return parts.join('/');
}

/** A release tarball (.tar, .tar.gz, .tar.xz): owners and modes from its headers, held in memory. */
export async function openRootfsTarball(path: string): Promise<RootfsImage> {
  const byName = new Map<string, ImageEntry>();
  const bodies = new Map<string, Buffer>();
  const ex = extract({ allowUnknownFormat: true } as never);
  ex.on('entry', (header: Header, body, next) => {
    const chunks: Buffer[] = [];
    body.on('data', (c: unknown) => chunks.push(c as Buffer));
    body.on('error', (error) => ex.destroy(error));
    body.on('end', () => {
      try {
        const type = FROM_TAR[header.type];
        const name = clean(path, header.name);
        if (type !== undefined && name !== '') {
          const target = type === 'hardlink' ? clean(path, header.linkname ?? '') : type === 'symlink' ? (header.linkname ?? '') : undefined;
          if (type === 'hardlink' && !bodies.has(target as string)) throw new UnsafeArchive(path, header.name, `hardlink to ${header.linkname} (not an earlier file)`);
          byName.set(name, { path: name, type, mode: header.mode & 0o7777, uid: header.uid, gid: header.gid, size: header.size ?? 0, target });
          if (type === 'file') bodies.set(name, Buffer.concat(chunks));
        }
        next();
      } catch (error) {
        ex.destroy(error as Error);
      }
    });
  });
  await pipeline(await openArchive(path), ex as unknown as NodeJS.WritableStream);
  // A name repeated in a tar: the last one wins, as when unpacking.
  const entries = [...byName.values()].sort(byPath);
  return {
    label: path,
    entries,
    read: (file) => {
      const body = bodies.get(file);
      if (body === undefined) return Promise.reject(new UnsafeArchive(path, file, 'not a regular file of the archive'));
      return Promise.resolve(body);
    },
  };
}
