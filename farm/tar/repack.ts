import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { pack, type Header, type Pack } from 'tar-stream';
import type { SourceSpec } from '../recipe/types.js';
import { readTar } from './read.js';
import { checkEntry, isMetaEntry } from './safety.js';

export interface RepackedSource {
  /** A tar whose entries live under `src/`. */
  readonly stream: Readable;
  /** The single top-level directory of the source, once the stream has ended. */
  readonly topDir: Promise<string | undefined>;
}

const FIXED_MTIME = new Date(0);
const BAD_SOURCE =
  'the file in the source store has the sha256 the recipe names, so the recipe names a damaged file: fix the file in the mirror and its sha256 in the recipe';

/**
 * Re-pack a verified source archive for a build container: every entry checked
 * (see safety.ts), owners dropped, setuid/setgid/sticky bits cleared, names put
 * under `src/`. A source with `extract = false` becomes the single file `src/<file>`.
 */
export function repackSource(path: string, source: SourceSpec, signal?: AbortSignal): RepackedSource {
  const out = pack();
  // The consumer reads `stream`: a failing entry inside the pack never reaches it
  // as a raw stream error; only `fail` ends it, with the typed error.
  const stream = forwardPack(out);
  let settle!: { resolve: (v: string | undefined) => void; reject: (e: unknown) => void };
  const topDir = new Promise<string | undefined>((resolve, reject) => (settle = { resolve, reject }));
  topDir.catch(() => {});
  const end: PackEnd = {
    done: (top) => {
      out.finalize();
      settle.resolve(top);
    },
    fail: (error) => {
      settle.reject(error);
      stream.destroy(error as Error);
      out.destroy();
    },
  };
  if (source.extract) packEntries(out, path, source, signal, end);
  else packWholeFile(out, path, source, signal, end);
  return { stream, topDir };
}

/** How packing ends: `done` finalizes the pack with the top directory, `fail` ends the stream with the error. */
interface PackEnd {
  readonly done: (topDir: string | undefined) => void;
  readonly fail: (error: unknown) => void;
}

/** A stream fed from `out` with backpressure; the pack's own errors stay inside it. */
function forwardPack(out: Pack): PassThrough {
  const stream = new PassThrough();
  out.on('error', () => {});
  out.on('data', (chunk) => {
    if (!stream.write(chunk)) out.pause();
  });
  stream.on('drain', () => out.resume());
  out.on('end', () => stream.end());
  return stream;
}

/** `extract = false`: the archive itself becomes `src/<file>`. */
function packWholeFile(out: Pack, path: string, source: SourceSpec, signal: AbortSignal | undefined, end: PackEnd): void {
  void (async () => {
    const size = (await stat(path)).size;
    const sink = out.entry({ name: `src/${source.file}`, size, mode: 0o644, mtime: FIXED_MTIME, uid: 0, gid: 0 }, (err) => {
      if (err) return end.fail(err);
      end.done(undefined);
    });
    const file = createReadStream(path).on('error', end.fail);
    signal?.addEventListener('abort', () => file.destroy(signal.reason as Error), { once: true });
    file.pipe(sink);
  })().catch(end.fail);
}

/** Every entry of the archive, checked and cleaned, under `src/`; done with the single top directory, if there is one. */
function packEntries(out: Pack, path: string, source: SourceSpec, signal: AbortSignal | undefined, end: PackEnd): void {
  const seen = new Set<string>();
  const tops = new Set<string>();
  const repackEntry = async (header: Header, body: Readable): Promise<void> => {
    if (isMetaEntry(header) || header.name === 'pax_global_header') return;
    const name = checkEntry(source.file, header, seen);
    if (name === '') return;
    seen.add(name);
    const first = name.split('/')[0] as string;
    tops.add(header.type === 'directory' || name.includes('/') ? first : `file:${first}`);
    await packEntry(out, cleanHeader(header, name), body);
  };
  readTar(path, repackEntry, { name: `${source.file} (${path})`, hint: BAD_SOURCE, signal })
    .then(() => end.done(soleTopDir(tops)))
    .catch(end.fail);
}

/** The entry's header as the build sees it: under `src/`, owned by root, no special mode bits. */
function cleanHeader(header: Header, name: string): Partial<Header> & { name: string } {
  const clean: Partial<Header> & { name: string } = {
    name: `src/${name}${header.type === 'directory' ? '/' : ''}`,
    type: header.type,
    mode: header.mode & 0o777,
    uid: 0,
    gid: 0,
    uname: '',
    gname: '',
    mtime: header.mtime ?? FIXED_MTIME,
  };
  if (header.type === 'symlink') clean.linkname = header.linkname ?? '';
  if (header.type === 'link')
    clean.linkname = `src/${(header.linkname ?? '')
      .split('/')
      .filter((p) => p !== '' && p !== '.')
      .join('/')}`;
  if (header.type === 'file' || header.type === 'contiguous-file') {
    clean.type = 'file';
    clean.size = header.size;
  }
  return clean;
}

/** One cleaned entry into the pack; a file's body follows its header. */
async function packEntry(out: Pack, clean: Partial<Header> & { name: string }, body: Readable): Promise<void> {
  // cleanHeader made every regular file (contiguous ones too) a 'file'.
  const isFile = clean.type === 'file';
  await new Promise<void>((resolve, reject) => {
    const sink = out.entry(clean, (err) => (err ? reject(err) : resolve()));
    sink.on('error', reject);
    if (isFile) {
      body.once('error', reject);
      body.pipe(sink);
    }
  });
}

/** The archive's single top-level directory, or undefined when it has several, or files at its top. */
function soleTopDir(tops: ReadonlySet<string>): string | undefined {
  const only = [...tops];
  return only.length === 1 && !(only[0] as string).startsWith('file:') ? only[0] : undefined;
}
