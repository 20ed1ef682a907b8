import type { Readable } from 'node:stream';
import PQueue from 'p-queue';
import type { Header } from 'tar-stream';
import { beneath } from '../fs/beneath.js';
import { checkOutputEntry } from './output-safety.js';
import { readTar, type ReadSummary } from './read.js';

/** Files and links written at once: each write is a few round trips through libuv's thread pool. */
const IN_FLIGHT = 16;
/** A file up to this size is read whole and written beside the others; a larger one is streamed alone. */
const BUFFERED_FILE = 4 * 1024 * 1024;

/**
 * Unpack a normalized package output into a rootfs directory. Names are checked
 * again and resolved beneath `dir` without following any symlink already there
 * (see fs/beneath.ts); device nodes and fifos are not created on disk (the
 * rootfs manifest and the release tar carry them); setuid/setgid bits are not
 * set on the host. Returns the sha256 of the tar as read, for the caller to
 * compare with what it expects.
 *
 * Regular files (up to BUFFERED_FILE) and symlinks are written IN_FLIGHT at a
 * time, each at its own path: every one waits only for its parents, which
 * Beneath checks (and makes) for each. A directory, a hardlink (its source must
 * be there), a larger file, or a name already being written waits until
 * everything before it is done, so the tree ends as the sequential one would.
 */
export async function extractTar(tarPath: string, dir: string, options: { readonly signal?: AbortSignal; readonly hint?: string } = {}): Promise<ReadSummary> {
  const tree = beneath(dir);
  const seen = new Set<string>();
  const dirModes: [string, number][] = [];
  const writes = new SideBySide();
  try {
    const summary = await readTar(
      tarPath,
      async (header: Header, body: Readable) => {
        const name = checkOutputEntry(header, '', seen);
        const mode = header.mode & 0o1777;
        if (name !== '') seen.add(name);
        switch (header.type) {
          case 'directory':
            await writes.drain();
            await tree.mkdir(name);
            dirModes.push([name, mode]);
            break;
          case 'file':
          case 'contiguous-file':
            if ((header.size ?? 0) <= BUFFERED_FILE) {
              const data = await wholeBody(body);
              await writes.start(name, () => tree.writeFile(name, data, mode & 0o777));
            } else {
              await writes.drain();
              await tree.writeFile(name, body, mode & 0o777);
            }
            break;
          case 'symlink': {
            const target = header.linkname ?? '';
            await writes.start(name, () => tree.symlink(name, target));
            break;
          }
          case 'link':
            await writes.drain();
            await tree.link(name, header.linkname ?? '');
            break;
          default:
            break;
        }
      },
      options,
    );
    await writes.drain();
    // Directory modes last, so a read-only directory does not block its own contents.
    for (const [name, mode] of dirModes.reverse()) await tree.chmod(name, mode);
    return summary;
  } finally {
    // On a failure, nothing is left writing into a tree the caller is about to remove.
    await writes.settled();
  }
}

/**
 * Writes in flight through a p-queue, IN_FLIGHT at once; the next is only queued once fewer wait,
 * so at most about twice IN_FLIGHT bodies are held. The first failure is thrown by the next start
 * or drain.
 */
class SideBySide {
  private readonly queue = new PQueue({ concurrency: IN_FLIGHT });
  private readonly names = new Set<string>();
  private failure: Error | undefined;

  /** Start `work` for `name` beside the others (after them all when `name` is being written already). */
  async start(name: string, work: () => Promise<void>): Promise<void> {
    if (this.names.has(name)) await this.drain();
    await this.queue.onSizeLessThan(IN_FLIGHT);
    this.throwFailure();
    this.names.add(name);
    void this.queue.add(() =>
      work()
        .catch((error: unknown) => {
          this.failure ??= error instanceof Error ? error : new Error(String(error));
        })
        .finally(() => this.names.delete(name)),
    );
  }

  /** Wait until every write is done; the first that failed is thrown. */
  async drain(): Promise<void> {
    await this.settled();
    this.throwFailure();
  }

  /** Every write done (failed or not). */
  async settled(): Promise<void> {
    await this.queue.onIdle();
  }

  private throwFailure(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

/** A tar entry's body, read whole. */
async function wholeBody(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
