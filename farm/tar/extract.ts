import { createReadStream, createWriteStream } from 'node:fs';
import { chmod, link, lstat, mkdir, rm, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Header } from 'tar-stream';
import { checkOutputEntry } from './output-safety.js';

/**
 * Unpack a normalized package output into a rootfs directory. Names are checked
 * again; device nodes and fifos are not created on disk (the rootfs manifest
 * and the release tar carry them); setuid/setgid bits are not set on the host.
 */
export async function extractTar(tarPath: string, dir: string): Promise<void> {
  const seen = new Set<string>();
  const dirModes: [string, number][] = [];
  const ex = extract({ allowUnknownFormat: true } as never);
  ex.on('entry', (header: Header, body, next) => {
    void (async () => {
      const name = checkOutputEntry(header, '', seen);
      const target = join(dir, name);
      const mode = header.mode & 0o1777;
      if (name !== '') seen.add(name);
      switch (header.type) {
        case 'directory':
          await mkdir(target, { recursive: true });
          dirModes.push([target, mode]);
          break;
        case 'file':
        case 'contiguous-file':
          await mkdir(dirname(target), { recursive: true });
          await removeExisting(target);
          await pipeline(body as unknown as Readable, createWriteStream(target, { mode: 0o600 }));
          await chmod(target, mode & 0o777);
          return;
        case 'symlink':
          await mkdir(dirname(target), { recursive: true });
          await removeExisting(target);
          await symlink(header.linkname ?? '', target);
          break;
        case 'link':
          await mkdir(dirname(target), { recursive: true });
          await removeExisting(target);
          await link(join(dir, header.linkname ?? ''), target);
          break;
        default:
          break;
      }
      body.resume();
      await new Promise<void>((r) => body.on('end', () => r()));
    })().then(() => next(), (error: unknown) => ex.destroy(error as Error));
  });
  await pipeline(createReadStream(tarPath), ex as unknown as NodeJS.WritableStream);
  // Directory modes last, so a read-only directory does not block its own contents.
  for (const [path, mode] of dirModes.reverse()) await chmod(path, mode & 0o1777);
}

async function removeExisting(path: string): Promise<void> {
  try {
    const st = await lstat(path);
    if (!st.isDirectory()) await rm(path, { force: true });
  } catch {
    // absent
  }
}
