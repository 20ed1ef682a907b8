import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import { FarmError } from '../errors/index.js';

/** Bytes to put over the image at an offset as it is written (boot sectors, a swap header). */
export interface Patch {
  readonly offset: number;
  readonly bytes: Buffer;
}

const isZero = (b: Buffer): boolean => {
  for (let i = 0; i < b.length; i++) if (b[i] !== 0) return false;
  return true;
};

function applyPatches(chunk: Buffer, at: number, patches: readonly Patch[]): Buffer {
  let out = chunk;
  for (const p of patches) {
    const from = Math.max(p.offset, at);
    const to = Math.min(p.offset + p.bytes.length, at + chunk.length);
    if (from >= to) continue;
    if (out === chunk) out = Buffer.from(chunk);
    p.bytes.copy(out, from - at, from - p.offset, to - p.offset);
  }
  return out;
}

/**
 * Write the one file of a tar stream (the engine's archive of the image) to `file`, patched,
 * as a sparse file (zero runs are not written), and return the sha256 of its bytes. The file
 * must be exactly `bytes` long.
 */
export async function writeImageFromTar(tar: Readable, file: string, bytes: number, patches: readonly Patch[]): Promise<string> {
  const handle = await open(file, 'wx', 0o644);
  const hash = createHash('sha256');
  let at = 0;
  let seen = 0;
  try {
    const ex = extract();
    const done = new Promise<void>((resolve, reject) => {
      ex.on('entry', (header, body, next) => {
        seen++;
        if (seen > 1 || header.type !== 'file') {
          body.resume();
          reject(new FarmError('DISK_FAILED', `the engine's archive of the image holds more than the image (${header.name})`));
          return;
        }
        void (async () => {
          for await (const raw of body) {
            const chunk = applyPatches(raw as Buffer, at, patches);
            hash.update(chunk);
            if (!isZero(chunk)) await handle.write(chunk, 0, chunk.length, at);
            at += chunk.length;
          }
          next();
        })().catch(reject);
      });
      ex.on('finish', resolve);
      ex.on('error', reject);
    });
    tar.pipe(ex);
    await done;
    if (at !== bytes) throw new FarmError('DISK_FAILED', `the image came out ${at} bytes long, not ${bytes}`);
    await handle.truncate(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}
