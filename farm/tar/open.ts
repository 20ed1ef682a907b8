import { spawn } from 'node:child_process';
import { constants, createReadStream } from 'node:fs';
import { join } from 'node:path';
import { access, open } from 'node:fs/promises';
import { PassThrough, Readable, Transform } from 'node:stream';
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
  const compression = detectCompression(head);
  if (compression === 'xz' || compression === 'bzip2') {
    // The host's decoder is faster and handles every xz filter; the bundled
    // JS/WASM decoders are the fallback on hosts without one. The input was
    // already verified by sha256, so which decoder runs does not matter.
    const tool = compression === 'xz' ? 'xz' : 'bzip2';
    if (await onPath(tool)) return spawnDecoder(tool, path);
  }
  const raw = createReadStream(path, { highWaterMark: 1 << 20 });
  switch (compression) {
    case 'gzip':
      return forward(raw, raw.pipe(createGunzip()));
    case 'bzip2':
      return forward(raw, raw.pipe(unbzip2()).pipe(new PassThrough({ highWaterMark: 1 << 20 })));
    case 'xz': {
      const web = new xz.XzReadableStream(Readable.toWeb(raw));
      // The WASM decoder reuses its output buffer: copy every chunk before handing it on.
      const copy = new Transform({
        transform(chunk: Uint8Array, _enc, cb) {
          cb(null, Buffer.from(chunk));
        },
      });
      const decoded = Readable.fromWeb(web);
      decoded.on('error', (error) => copy.destroy(error));
      return forward(raw, decoded.pipe(copy));
    }
    case 'none':
      return raw;
  }
}

const found = new Map<string, boolean>();

async function onPath(tool: string): Promise<boolean> {
  const cached = found.get(tool);
  if (cached !== undefined) return cached;
  const dirs = (process.env['PATH'] ?? '').split(':').filter((d) => d !== '');
  let ok = false;
  for (const dir of dirs) {
    try {
      await access(join(dir, tool), constants.X_OK);
      ok = true;
      break;
    } catch {
      // not here
    }
  }
  found.set(tool, ok);
  return ok;
}

/** `<tool> -dc <path>` as a stream; a non-zero exit becomes a stream error. */
function spawnDecoder(tool: string, path: string): Readable {
  const child = spawn(tool, ['-dc', path], { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout.pipe(out, { end: false });
  child.on('error', (error) => out.destroy(error));
  child.on('close', (code) => {
    if (code === 0) out.end();
    else out.destroy(new Error(`${tool} -dc ${path}: exit ${code}: ${stderr.trim()}`));
  });
  out.on('close', () => child.kill());
  return out;
}

/** Errors of the file stream reach the decompressed stream's readers. */
function forward(source: Readable, out: Readable): Readable {
  source.on('error', (error) => out.destroy(error));
  return out;
}
