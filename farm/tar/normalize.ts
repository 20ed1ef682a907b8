import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { extract, pack, type Header, type Pack } from 'tar-stream';
import type { ManifestEntry, NormalizedOutput } from './manifest.js';
import { OutputTooLarge } from '../errors/index.js';
import { checkOutputEntry } from './output-safety.js';
import { FROM_TAR, TO_TAR } from './entry-types.js';

export interface NormalizeOptions {
  readonly tmpDir: string;
  readonly sourceDateEpoch: number;
  /** Most bytes the files may hold together (tar header sizes); OutputTooLarge past it. */
  readonly limitBytes?: number | undefined;
  /** Aborting stops reading the engine's stream. */
  readonly signal?: AbortSignal | undefined;
}

interface Pending {
  readonly entry: Omit<ManifestEntry, 'sha256'> & { sha256?: string };
  readonly spool?: string;
  readonly mtime: number;
}

/**
 * Normalize the tar the engine gives for /build/dest: strip `dest/`, sort by
 * path, owners 0:0 with no names, mtimes clamped to SOURCE_DATE_EPOCH, modes
 * kept (setuid and sticky included). Bodies are spooled to disk, not memory.
 * The same tree always gives the same bytes, hence the same sha256.
 */
export async function normalizeOutput(tar: Readable, options: NormalizeOptions): Promise<NormalizedOutput> {
  const spoolDir = join(options.tmpDir, 'spool');
  await mkdir(spoolDir, { recursive: true });
  try {
    return await normalizeInto(spoolDir, tar, options);
  } finally {
    await rm(spoolDir, { recursive: true, force: true });
  }
}

async function normalizeInto(spoolDir: string, tar: Readable, options: NormalizeOptions): Promise<NormalizedOutput> {
  const pending = await spoolEntries(spoolDir, tar, options);
  pending.sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
  return await packNormalized(pending, options);
}

/** What the entries read so far left behind; entries are taken one at a time, in stream order. */
interface Spooling {
  readonly dir: string;
  readonly options: NormalizeOptions;
  readonly pending: Pending[];
  readonly seen: Set<string>;
  /** Files spooled so far (names the next spool file). */
  files: number;
  /** Apparent bytes of the files so far. */
  total: number;
}

/** Read the engine's tar: every entry checked, file bodies spooled to `spoolDir` with their sha256. */
async function spoolEntries(spoolDir: string, tar: Readable, options: NormalizeOptions): Promise<Pending[]> {
  const state: Spooling = { dir: spoolDir, options, pending: [], seen: new Set<string>(), files: 0, total: 0 };
  const ex = extract({ allowUnknownFormat: true } as never);
  ex.on('entry', (header: Header, body, next) => {
    // A refused entry destroys the extractor, and with it this body: its error is the extractor's.
    body.on('error', () => {});
    takeEntry(state, header, body as unknown as Readable).then(
      () => next(),
      (error: unknown) => ex.destroy(error as Error),
    );
  });
  await pipeline(tar, ex as unknown as NodeJS.WritableStream, ...(options.signal === undefined ? [] : [{ signal: options.signal }]));
  return state.pending;
}

async function takeEntry(state: Spooling, header: Header, body: Readable): Promise<void> {
  const type = FROM_TAR[header.type];
  const name = checkOutputEntry(header, 'dest', state.seen);
  if (name === '' || type === undefined) return await drain(body);
  state.seen.add(name);
  const mtime = Math.min(Math.floor((header.mtime?.getTime() ?? 0) / 1000), state.options.sourceDateEpoch);
  const base = { path: name, type, mode: header.mode & 0o7777, uid: 0, gid: 0, size: 0 };
  if (type === 'file') {
    const { spool, size, sha256 } = await spoolFile(state, name, header.size ?? 0, body);
    state.pending.push({ entry: { ...base, size, sha256 }, spool, mtime });
    return;
  }
  await drain(body);
  const target = type === 'symlink' ? (header.linkname ?? '') : type === 'hardlink' ? stripPrefix(header.linkname ?? '', 'dest') : undefined;
  state.pending.push({ entry: target === undefined ? base : { ...base, target }, mtime });
}

/** A file's body into the next spool file, hashed on the way. */
async function spoolFile(state: Spooling, name: string, apparentSize: number, body: Readable): Promise<{ spool: string; size: number; sha256: string }> {
  // Apparent sizes, checked before a byte is spooled: a sparse file costs its full size on the way out.
  state.total += apparentSize;
  const limit = state.options.limitBytes;
  if (limit !== undefined && state.total > limit) throw new OutputTooLarge(limit, name, state.total);
  const spool = join(state.dir, String(state.files++));
  const hash = createHash('sha256');
  let size = 0;
  await pipeline(
    body,
    new Transform({
      transform(chunk: Buffer, _e, cb) {
        hash.update(chunk);
        size += chunk.length;
        cb(null, chunk);
      },
    }),
    createWriteStream(spool),
  );
  return { spool, size, sha256: hash.digest('hex') };
}

async function drain(body: Readable): Promise<void> {
  body.resume();
  await new Promise<void>((r) => body.on('end', () => r()));
}

/** The sorted entries as one tar in tmpDir, hashed as it is written. */
async function packNormalized(pending: readonly Pending[], options: NormalizeOptions): Promise<NormalizedOutput> {
  const tarPath = join(options.tmpDir, 'output.tar');
  const hash = createHash('sha256');
  const out = pack();
  const writing = pipeline(
    out as unknown as Readable,
    new Transform({
      transform(chunk: Buffer, _e, cb) {
        hash.update(chunk);
        cb(null, chunk);
      },
    }),
    createWriteStream(tarPath),
  );
  try {
    for (const p of pending) await packEntry(out, p, options.signal);
  } catch (error) {
    out.destroy(error as Error);
    await writing.catch(() => {});
    throw error;
  }
  out.finalize();
  await writing;
  return { tarPath, sha256: hash.digest('hex'), manifest: pending.map((p) => p.entry as ManifestEntry) };
}

/** One entry into the normalized tar (a file's body from its spool). */
async function packEntry(out: Pack, p: Pending, signal: AbortSignal | undefined): Promise<void> {
  signal?.throwIfAborted();
  const e = p.entry;
  const header: Partial<Header> & { name: string } = {
    name: e.type === 'dir' ? `${e.path}/` : e.path,
    type: TO_TAR[e.type],
    mode: e.mode,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    mtime: new Date(p.mtime * 1000),
  };
  if (e.target !== undefined) header.linkname = e.target;
  if (e.type === 'file' && p.spool !== undefined) {
    header.size = e.size;
    const sink = out.entry(header);
    await pipeline(createReadStream(p.spool), sink as unknown as NodeJS.WritableStream);
  } else {
    await new Promise<void>((resolve, reject) => out.entry(header, (err) => (err ? reject(err) : resolve())));
  }
}

function stripPrefix(name: string, prefix: string): string {
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts[0] === prefix) parts.shift();
  return parts.join('/');
}
