import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';

/**
 * The bytes of the first regular file in a tar stream (an engine's archive of one path of a
 * container), at most `limit` of them; undefined when it holds none. The rest is drained.
 */
export async function firstFile(archive: Readable, limit = Number.POSITIVE_INFINITY): Promise<Buffer | undefined> {
  const ex = extract();
  let body: Buffer | undefined;
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, stream, next) => {
      const take = body === undefined && header.type === 'file';
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (d: unknown) => {
        if (!take || size >= limit) return;
        const chunk = Buffer.from(d as Uint8Array);
        chunks.push(chunk);
        size += chunk.length;
      });
      stream.on('end', () => {
        if (take) body = Buffer.concat(chunks).subarray(0, limit);
        next();
      });
      stream.on('error', reject);
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
    archive.on('error', reject);
  });
  archive.pipe(ex);
  await done;
  return body;
}
