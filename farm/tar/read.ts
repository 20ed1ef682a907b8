import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { extract, type Header } from 'tar-stream';
import { ArchiveInvalid, isFarmError } from '../errors/index.js';
import { openArchive } from './open.js';

/** Called for every entry; must consume `body` or leave it (the reader drains it). */
export type OnEntry = (header: Header, body: Readable) => Promise<void>;

export interface ReadOptions {
  /** Aborting stops the read; the signal's reason is thrown. */
  readonly signal?: AbortSignal | undefined;
  /** How errors name the file (default: its path). */
  readonly name?: string | undefined;
  /** Says what to do about a bad file (default: ArchiveInvalid's). */
  readonly hint?: string | undefined;
}

/** What was read: the sha256 and length of the (uncompressed) tar bytes. */
export interface ReadSummary {
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * The one reader of every archive the farm opens (sources, cache entries,
 * release tarballs): gzip, bzip2, xz or plain, entries in order. A file that
 * cannot be read whole is ArchiveInvalid naming it (empty, truncated, not an
 * archive, corrupt); errors `onEntry` throws (UnsafeArchive...) pass unchanged.
 * No stream error escapes: everything ends in the returned promise.
 */
export async function readTar(path: string, onEntry: OnEntry, options: ReadOptions = {}): Promise<ReadSummary> {
  const { signal, hint } = options;
  const name = options.name ?? path;
  signal?.throwIfAborted();
  let input: Readable;
  try {
    input = await openArchive(path);
  } catch (error) {
    throw new ArchiveInvalid(name, (error as Error).message, { hint, cause: error });
  }
  const hash = createHash('sha256');
  let bytes = 0;
  let streamError: Error | undefined;
  // Some release tarballs (coreutils) are old V7 tars without the ustar magic.
  const ex = extract({ allowUnknownFormat: true } as never);
  const broken = (error: Error): void => {
    streamError ??= error;
    ex.destroy(error);
  };
  input.on('data', (chunk: Buffer) => {
    hash.update(chunk);
    bytes += chunk.length;
  });
  input.on('error', broken);
  ex.on('error', (error: Error) => (streamError ??= error));
  const onAbort = (): void => {
    ex.destroy(signal?.reason as Error);
    input.destroy();
  };
  signal?.addEventListener('abort', onAbort, { once: true });
  input.pipe(ex);
  try {
    for await (const body of ex) {
      const entry = body as unknown as Readable & { header: Header };
      // Listen before the consumer reads: an ended stream does not say so again.
      const drained = new Promise<void>((resolve) =>
        entry
          .once('end', resolve)
          .once('close', resolve)
          .once('error', () => resolve()),
      );
      // A Node stream pulled from the entry: one that failed before the consumer
      // attached still fails for it (node's pipeline misses a streamx stream's earlier end).
      const pulled = Readable.from(entry, { objectMode: false });
      await onEntry(entry.header, pulled);
      pulled.on('error', () => {}).resume();
      await drained;
    }
  } catch (error) {
    // A body stream may fail before the extractor reports why: let it.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal?.aborted === true) throw signal.reason;
    if (isFarmError(error)) throw error;
    const cause = streamError ?? (error as Error);
    if (streamError !== undefined || isStreamError(cause)) throw new ArchiveInvalid(name, describe(cause), { hint, kind: kindOf(cause), cause });
    throw error;
  } finally {
    signal?.removeEventListener('abort', onAbort);
    input.destroy();
  }
  if (signal?.aborted === true) throw signal.reason;
  if (bytes === 0) throw new ArchiveInvalid(name, 'the file is empty', { hint, kind: 'empty' });
  return { sha256: hash.digest('hex'), bytes };
}

/** Errors of the decompressors and of the tar parser (not of the consumer's writes). */
function isStreamError(error: Error): boolean {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  return code.startsWith('Z_') || /unexpected end|invalid tar header|premature close|-dc .*: exit|corrupt|invalid|unsupported/i.test(error.message);
}

function kindOf(error: Error): ArchiveInvalid['kind'] {
  if ((error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' || /unexpected end|premature close/i.test(error.message)) return 'truncated';
  if (/invalid tar header/i.test(error.message)) return 'not-an-archive';
  return 'corrupt';
}

/** tar-stream's and the decompressors' messages in the operator's words. */
function describe(error: Error): string {
  switch (kindOf(error)) {
    case 'truncated':
      return `truncated (${error.message})`;
    case 'not-an-archive':
      return `no tar header where one should be: not a tar archive, or a damaged one (${error.message})`;
    default:
      return `corrupt (${error.message})`;
  }
}
