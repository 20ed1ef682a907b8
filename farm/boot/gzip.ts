import { Transform } from 'node:stream';
import { createGzip, type Gzip } from 'node:zlib';

/** Header bytes fixed whatever the host: MTIME (4..7) = 0, OS (9) = 3 (Unix). */
const FIXED: ReadonlyMap<number, number> = new Map([
  [4, 0],
  [5, 0],
  [6, 0],
  [7, 0],
  [9, 3],
]);

/**
 * gzip with a fixed header: no file name, mtime 0, OS byte 3, level 9 (so XFL
 * is always 2). deflate's output depends only on the input and these settings,
 * so the same bytes in give the same bytes out.
 */
export function reproducibleGzip(): { readonly gzip: Gzip; readonly fixHeader: Transform } {
  let offset = 0;
  const fixHeader = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (offset < 10) {
        chunk = Buffer.from(chunk);
        for (const [at, value] of FIXED) if (at >= offset && at < offset + chunk.length) chunk[at - offset] = value;
      }
      offset += chunk.length;
      cb(null, chunk);
    },
  });
  return { gzip: createGzip({ level: 9, memLevel: 8, windowBits: 15 }), fixHeader };
}
