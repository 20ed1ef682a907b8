import { createReadStream } from 'node:fs';
import { lstat, open, readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { readTar } from '../tar/read.js';
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
  chunks(): AsyncIterable<Buffer> | Iterable<Buffer>;
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
    readAll: () => Promise.resolve(buf),
    readAt: (offset, length) => Promise.resolve(buf.subarray(offset, offset + length)),
    chunks: function* () {
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
          const type: EntryType = st.isDirectory()
            ? 'dir'
            : st.isSymbolicLink()
              ? 'symlink'
              : st.isCharacterDevice()
                ? 'char'
                : st.isBlockDevice()
                  ? 'block'
                  : st.isFIFO()
                    ? 'fifo'
                    : 'file';
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
  const path = raw
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
  return raw.startsWith('/') && path !== '' ? `/${path}` : path;
}

/**
 * A release tarball (.tar, optionally gzip/bzip2/xz): owners and modes from the
 * tar headers. A truncated, corrupt or empty file is ArchiveInvalid naming it
 * (tar/read.ts, the reader of every archive).
 */
export function openTreeFromTarball(path: string): AuditTree {
  return {
    label: path,
    entries: () => tarballEntries(path),
  };
}

type Item = { readonly entry: TreeEntry; readonly content?: FileContent };

/** The reader's entries handed over one at a time (the reader waits for each to be taken). */
async function* tarballEntries(path: string): AsyncGenerator<Item> {
  let pending: { readonly item: Item; readonly taken: () => void } | undefined;
  let wake: () => void = () => {};
  let finished = false;
  let failure: Error | undefined;
  const stop = new AbortController();
  const reading = readTar(
    path,
    async (header, body) => {
      const chunks: Buffer[] = [];
      for await (const c of body) chunks.push(c as Buffer);
      const type = FROM_TAR[header.type];
      const name = tarPath(header.name);
      if (type === undefined || name === '') return;
      const entry: TreeEntry = {
        path: name,
        type,
        mode: header.mode & 0o7777,
        uid: header.uid,
        gid: header.gid,
        size: header.size ?? 0,
        target: type === 'symlink' || type === 'hardlink' ? (header.linkname ?? '') : undefined,
      };
      const item = type === 'file' ? { entry, content: bufferContent(Buffer.concat(chunks)) } : { entry };
      await new Promise<void>((taken) => {
        pending = { item, taken };
        wake();
      });
    },
    { signal: stop.signal },
  ).then(
    () => undefined,
    (error: unknown) => (failure = error instanceof Error ? error : new Error(String(error))),
  );
  void reading.finally(() => {
    finished = true;
    wake();
  });
  try {
    for (;;) {
      if (pending === undefined && !finished) await new Promise<void>((resolve) => (wake = resolve));
      const next = pending;
      if (next !== undefined) {
        pending = undefined;
        yield next.item;
        next.taken();
      } else if (finished) {
        if (failure !== undefined) throw failure;
        return;
      }
    }
  } finally {
    if (!finished) {
      stop.abort(new Error('audit stopped reading'));
      pending?.taken();
      await reading;
    }
  }
}
