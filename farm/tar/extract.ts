import type { Readable } from 'node:stream';
import type { Header } from 'tar-stream';
import { beneath } from '../fs/beneath.js';
import { checkOutputEntry } from './output-safety.js';
import { readTar, type ReadSummary } from './read.js';

/**
 * Unpack a normalized package output into a rootfs directory. Names are checked
 * again and resolved beneath `dir` without following any symlink already there
 * (see fs/beneath.ts); device nodes and fifos are not created on disk (the
 * rootfs manifest and the release tar carry them); setuid/setgid bits are not
 * set on the host. Returns the sha256 of the tar as read, for the caller to
 * compare with what it expects.
 */
export async function extractTar(tarPath: string, dir: string, options: { readonly signal?: AbortSignal; readonly hint?: string } = {}): Promise<ReadSummary> {
  const tree = beneath(dir);
  const seen = new Set<string>();
  const dirModes: [string, number][] = [];
  const summary = await readTar(
    tarPath,
    async (header: Header, body: Readable) => {
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
          await tree.writeFile(name, body, mode & 0o777);
          break;
        case 'symlink':
          await tree.symlink(name, header.linkname ?? '');
          break;
        case 'link':
          await tree.link(name, header.linkname ?? '');
          break;
        default:
          break;
      }
    },
    options,
  );
  // Directory modes last, so a read-only directory does not block its own contents.
  for (const [name, mode] of dirModes.reverse()) await tree.chmod(name, mode);
  return summary;
}
