import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { PassThrough, type Readable } from 'node:stream';
import { pack, type Header } from 'tar-stream';
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
  const stream = new PassThrough();
  out.on('error', () => {});
  out.on('data', (chunk) => {
    if (!stream.write(chunk)) out.pause();
  });
  stream.on('drain', () => out.resume());
  out.on('end', () => stream.end());
  let settle!: { resolve: (v: string | undefined) => void; reject: (e: unknown) => void };
  const topDir = new Promise<string | undefined>((resolve, reject) => (settle = { resolve, reject }));
  topDir.catch(() => {});
  const fail = (error: unknown): void => {
    settle.reject(error);
    stream.destroy(error as Error);
    out.destroy();
  };

  if (!source.extract) {
    void (async () => {
      const size = (await stat(path)).size;
      const sink = out.entry({ name: `src/${source.file}`, size, mode: 0o644, mtime: FIXED_MTIME, uid: 0, gid: 0 }, (err) => {
        if (err) return fail(err);
        out.finalize();
        settle.resolve(undefined);
      });
      const file = createReadStream(path).on('error', fail);
      signal?.addEventListener('abort', () => file.destroy(signal.reason as Error), { once: true });
      file.pipe(sink);
    })().catch(fail);
    return { stream, topDir };
  }

  const seen = new Set<string>();
  const tops = new Set<string>();
  const repackEntry = async (header: Header, body: Readable): Promise<void> => {
    if (isMetaEntry(header) || header.name === 'pax_global_header') return;
    const name = checkEntry(source.file, header, seen);
    if (name === '') return;
    seen.add(name);
    const first = name.split('/')[0] as string;
    tops.add(header.type === 'directory' || name.includes('/') ? first : `file:${first}`);
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
    const isFile = header.type === 'file' || header.type === 'contiguous-file';
    if (isFile) {
      clean.type = 'file';
      clean.size = header.size;
    }
    await new Promise<void>((resolve, reject) => {
      const sink = out.entry(clean, (err) => (err ? reject(err) : resolve()));
      sink.on('error', reject);
      if (isFile) {
        body.once('error', reject);
        body.pipe(sink);
      }
    });
  };
  readTar(path, repackEntry, { name: `${source.file} (${path})`, hint: BAD_SOURCE, signal })
    .then(() => {
      out.finalize();
      const only = [...tops];
      settle.resolve(only.length === 1 && !(only[0] as string).startsWith('file:') ? only[0] : undefined);
    })
    .catch(fail);
  return { stream, topDir };
}
