import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { PassThrough, Readable, Transform } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import unbzip2 from 'unbzip2-stream';
import xz from 'xz-decompress';

export type Compression = 'gzip' | 'bzip2' | 'xz' | 'none';

/** Compression by magic bytes, not by file name. */
export function detectCompression(head: Uint8Array): Compression {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head[0] === 0x42 && head[1] === 0x5a && head[2] === 0x68) return 'bzip2';
  if (head[0] === 0xfd && head[1] === 0x37 && head[2] === 0x7a && head[3] === 0x58 && head[4] === 0x5a && head[5] === 0x00) return 'xz';
  return 'none';
}

/** The uncompressed tar bytes of an archive on disk (gzip, bzip2, xz or plain). */
export async function openArchive(path: string): Promise<Readable> {
  const handle = await open(path, 'r');
  const head = Buffer.alloc(6);
  try {
    await handle.read(head, 0, 6, 0);
  } finally {
    await handle.close();
  }
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  switch (detectCompression(head)) {
    case 'gzip':
      return forward(raw, raw.pipe(createGunzip()));
    case 'bzip2':
      return forward(raw, raw.pipe(unbzip2()).pipe(new PassThrough({ highWaterMark: 1 << 20 })));
    case 'xz': {
      const web = new xz.XzReadableStream(Readable.toWeb(raw) as unknown as ReadableStream<Uint8Array>);
      // The WASM decoder reuses its output buffer: copy every chunk before handing it on.
      const copy = new Transform({
        transform(chunk: Uint8Array, _enc, cb) {
          cb(null, Buffer.from(chunk));
        },
      });
      const decoded = Readable.fromWeb(web as unknown as WebReadableStream<Uint8Array>);
      decoded.on('error', (error) => copy.destroy(error));
      return forward(raw, decoded.pipe(copy));
    }
    case 'none':
      return raw;
  }
}

/** Errors of the file stream reach the decompressed stream's readers. */
function forward(source: Readable, out: Readable): Readable {
  source.on('error', (error) => out.destroy(error));
  return out;
}
