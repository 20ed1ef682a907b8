import { createReadStream } from 'node:fs';
import { lstat, open, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { ArchiveInvalid } from '../errors/index.js';
import { openArchive } from '../tar/open.js';
import type { RootfsEntry } from '../rootfs/merge.js';
import type { ReadAt } from './elf.js';
import { FROM_TAR } from '../tar/entry-types.js';

export type EntryType = RootfsEntry['type'];

/** One path of the tree under audit, with the metadata the rules need. */
export interface TreeEntry {
  readonly path: string;
  readonly type: EntryType;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly target?: string | undefined;
  readonly package?: string | undefined;
}

/** A tree: its entries, and the bytes of its files. */
export interface AuditTree {
  readonly label: string;
  entries(): AsyncIterable<{ readonly entry: TreeEntry; readonly content?: FileContent }>;
}

export interface FileContent {
  /** The whole file, for files small enough to hold (the common case). */
  readonly readAll?: () => Promise<Buffer>;
  readonly readAt: ReadAt;
  /** The whole file in chunks, each read once. */
  chunks(): AsyncIterable<Buffer>;
}

const CHUNK = 1 << 20;

function fileContent(path: string): FileContent {
  return {
    readAll: () => readFile(path),
    readAt: async (offset, length) => {
      const fh = await open(path, 'r');
      try {
        const buf = Buffer.alloc(length);
        const { bytesRead } = await fh.read(buf, 0, length, offset);
        return buf.subarray(0, bytesRead);
      } finally {
        await fh.close();
      }
    },
    chunks: () => createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>,
  };
}

function bufferContent(buf: Buffer): FileContent {
  return {
    readAll: async () => buf,
    readAt: async (offset, length) => buf.subarray(offset, offset + length),
    chunks: async function* () {
      for (let o = 0; o < buf.length; o += CHUNK) yield buf.subarray(o, o + CHUNK);
    },
  };
}

/**
 * A directory on disk. Modes, owners and packages come from the farm's manifest
 * when one is given (a rootless checkout cannot hold root ownership).
 */
export function openTreeFromDirectory(dir: string, manifest?: readonly RootfsEntry[]): AuditTree {
  const byPath = new Map((manifest ?? []).map((e) => [e.path, e]));
  return {
    label: dir,
    entries: async function* () {
      const stack = [''];
      while (stack.length > 0) {
        const rel = stack.pop() as string;
        const names = (await readdir(join(dir, rel))).sort();
        // lstat a whole directory at once: the metadata walk is I/O-bound.
        const stats = await Promise.all(
          names.map(async (name) => {
            const path = rel === '' ? name : `${rel}/${name}`;
            const st = await lstat(join(dir, path));
            return { name, path, st, target: st.isSymbolicLink() ? await readlink(join(dir, path)) : undefined };
          }),
        );
        for (const { path, st, target } of stats) {
          const full = join(dir, path);
          const type: EntryType = st.isDirectory() ? 'dir' : st.isSymbolicLink() ? 'symlink' : st.isCharacterDevice() ? 'char' : st.isBlockDevice() ? 'block' : st.isFIFO() ? 'fifo' : 'file';
          const m = byPath.get(path);
          const entry: TreeEntry = {
            path,
            type: m?.type === 'hardlink' ? 'file' : type,
            mode: m?.mode ?? st.mode & 0o7777,
            uid: m?.uid ?? st.uid,
            gid: m?.gid ?? st.gid,
            size: st.size,
            target,
            package: m?.package,
          };
          if (type === 'dir') stack.push(path);
          yield type === 'file' ? { entry, content: fileContent(full) } : { entry };
        }
      }
    },
  };
}

/** A tar entry's name as the tree sees it: `.` and empty parts dropped; a leading `/` and `..` kept for the audit to find. */
function tarPath(raw: string): string {
  const path = raw.split('/').filter((p) => p !== '' && p !== '.').join('/');
  return raw.startsWith('/') && path !== '' ? `/${path}` : path;
}

/**
 * A release tarball (.tar, optionally gzip/bzip2/xz): owners and modes from the
 * tar headers. A truncated, corrupt or empty file is ArchiveInvalid naming it.
 */
export function openTreeFromTarball(path: string): AuditTree {
  return {
    label: path,
    entries: async function* () {
      let input: Readable;
      try {
        input = await openArchive(path);
      } catch (error) {
        throw new ArchiveInvalid(path, (error as Error).message);
      }
      let bytes = 0;
      input.on('data', (c: Buffer) => (bytes += c.length));
      const ex = extract({ allowUnknownFormat: true } as never);
      input.on('error', (error) => ex.destroy(error));
      input.pipe(ex as unknown as NodeJS.WritableStream);
      try {
        for await (const item of ex) {
          const header = item.header;
          const type = FROM_TAR[header.type];
          const name = tarPath(header.name);
          const chunks: Buffer[] = [];
          for await (const c of item) chunks.push(c as Buffer);
          if (type === undefined || name === '') continue;
          const entry: TreeEntry = {
            path: name,
            type,
            mode: header.mode & 0o7777,
            uid: header.uid,
            gid: header.gid,
            size: header.size ?? 0,
            target: type === 'symlink' || type === 'hardlink' ? header.linkname ?? '' : undefined,
          };
          yield type === 'file' ? { entry, content: bufferContent(Buffer.concat(chunks)) } : { entry };
        }
      } catch (error) {
        throw new ArchiveInvalid(path, describeTarError(error as Error));
      } finally {
        input.destroy();
      }
      if (bytes === 0) throw new ArchiveInvalid(path, 'the file is empty');
    },
  };
}

/** tar-stream's and zlib's messages in the operator's words. */
function describeTarError(error: Error): string {
  if (/unexpected end/i.test(error.message)) return `truncated (${error.message})`;
  if (/invalid tar header/i.test(error.message)) return `no tar header where one should be (${error.message})`;
  return error.message;
}
