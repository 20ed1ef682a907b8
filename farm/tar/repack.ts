import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { extract, pack, type Header } from 'tar-stream';
import type { SourceSpec } from '../recipe/types.js';
import { openArchive } from './open.js';
import { checkEntry, isMetaEntry } from './safety.js';

export interface RepackedSource {
  /** A tar whose entries live under `src/`. */
  readonly stream: Readable;
  /** The single top-level directory of the source, once the stream has ended. */
  readonly topDir: Promise<string | undefined>;
}

const FIXED_MTIME = new Date(0);

/**
 * Re-pack a verified source archive for a build container: every entry checked
 * (see safety.ts), owners dropped, setuid/setgid/sticky bits cleared, names put
 * under `src/`. A source with `extract = false` becomes the single file `src/<file>`.
 */
export function repackSource(path: string, source: SourceSpec): RepackedSource {
  const out = pack();
  let settle!: { resolve: (v: string | undefined) => void; reject: (e: unknown) => void };
  const topDir = new Promise<string | undefined>((resolve, reject) => (settle = { resolve, reject }));
  topDir.catch(() => {});
  const fail = (error: unknown): void => {
    settle.reject(error);
    out.destroy(error as Error);
  };

  if (!source.extract) {
    void (async () => {
      const size = (await stat(path)).size;
      const sink = out.entry({ name: `src/${source.file}`, size, mode: 0o644, mtime: FIXED_MTIME, uid: 0, gid: 0 }, (err) => {
        if (err) return fail(err);
        out.finalize();
        settle.resolve(undefined);
      });
      createReadStream(path).on('error', fail).pipe(sink as unknown as NodeJS.WritableStream);
    })().catch(fail);
    return { stream: out as unknown as Readable, topDir };
  }

  const seen = new Set<string>();
  const tops = new Set<string>();
  // Some release tarballs (coreutils) are old V7 tars without the ustar magic.
  const ex = extract({ allowUnknownFormat: true } as never);
  ex.on('entry', (header: Header, body, next) => {
    const done = (error?: unknown): void => {
      if (error !== undefined) {
        body.resume();
        fail(error);
        return;
      }
      next();
    };
    try {
      if (isMetaEntry(header) || header.name === 'pax_global_header') {
        body.on('end', () => next());
        body.resume();
        return;
      }
      const name = checkEntry(source.file, header, seen);
      if (name === '') {
        body.on('end', () => next());
        body.resume();
        return;
      }
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
      if (header.type === 'link') clean.linkname = `src/${(header.linkname ?? '').split('/').filter((p) => p !== '' && p !== '.').join('/')}`;
      if (header.type === 'file' || header.type === 'contiguous-file') {
        clean.type = 'file';
        clean.size = header.size;
        const sink = out.entry(clean, (err) => done(err ?? undefined));
        body.pipe(sink as unknown as NodeJS.WritableStream);
      } else {
        out.entry(clean, (err) => {
          if (err) return done(err);
          body.on('end', () => next());
          body.resume();
        });
      }
    } catch (error) {
      done(error);
    }
  });
  ex.on('finish', () => {
    out.finalize();
    const only = [...tops];
    settle.resolve(only.length === 1 && !(only[0] as string).startsWith('file:') ? only[0] : undefined);
  });
  ex.on('error', fail);
  openArchive(path)
    .then((tar) => {
      tar.on('error', fail);
      tar.pipe(ex as unknown as NodeJS.WritableStream);
    })
    .catch(fail);
  return { stream: out as unknown as Readable, topDir };
}
