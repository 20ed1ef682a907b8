import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, type Header } from 'tar-stream';
import { beneath } from '../fs/beneath.js';
import { checkOutputEntry } from './output-safety.js';

/**
 * Unpack a normalized package output into a rootfs directory. Names are checked
 * again and resolved beneath `dir` without following any symlink already there
 * (see fs/beneath.ts); device nodes and fifos are not created on disk (the
 * rootfs manifest and the release tar carry them); setuid/setgid bits are not
 * set on the host.
 */
export async function extractTar(tarPath: string, dir: string): Promise<void> {
  const tree = beneath(dir);
  const seen = new Set<string>();
  const dirModes: [string, number][] = [];
  const ex = extract({ allowUnknownFormat: true } as never);
  ex.on('entry', (header: Header, body, next) => {
    void (async () => {
      const name = checkOutputEntry(header, '', seen);
      const mode = header.mode & 0o1777;
      if (name !== '') seen.add(name);
      switch (header.type) {
        case 'directory':
          await tree.mkdir(name);
          dirModes.push([name, mode]);
          break;
        case 'file':
        case 'contiguous-file':
          await tree.writeFile(name, body as unknown as Readable, mode & 0o777);
          return;
        case 'symlink':
          await tree.symlink(name, header.linkname ?? '');
          break;
        case 'link':
          await tree.link(name, header.linkname ?? '');
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
  for (const [name, mode] of dirModes.reverse()) await tree.chmod(name, mode);
}
