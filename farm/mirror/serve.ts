import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { realPathInside } from './inside.js';
import { INDEX_FILE, SUMS_FILE } from './items.js';
import { expectedFiles, readIndex } from './read-index.js';

export interface MirrorServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A read-only HTTP mirror: GET/HEAD of `/<file>`, `/sha256/<hex>`, index.yaml
 * and SHA256SUMS (also under `/<name>/...` for BitTorrent web seeds). Only files
 * the index names are served — request paths never touch the file system
 * directly — with single Range requests and exact Content-Length. The index is
 * validated (plain names only), and each file's real path must lie inside the
 * mirror: a link leading out of it is answered 404, never followed.
 */
export async function serveMirror(dir: string, options: { readonly host?: string; readonly port?: number; readonly name?: string } = {}): Promise<MirrorServer> {
  const index = await readIndex(dir);
  const byName = expectedFiles(index);
  const allowed = new Map<string, { rel: string; etag: string }>();
  for (const [file, sha] of byName) {
    allowed.set(`/${file}`, { rel: file, etag: sha });
    allowed.set(`/sha256/${sha}`, { rel: file, etag: sha });
  }
  for (const meta of [INDEX_FILE, SUMS_FILE]) allowed.set(`/${meta}`, { rel: meta, etag: '' });
  if (options.name !== undefined) {
    for (const [key, value] of [...allowed]) if (!key.startsWith('/sha256/')) allowed.set(`/${options.name}${key}`, value);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://mirror').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const hit = allowed.get(path);
    const file = hit === undefined ? undefined : await openInside(dir, hit.rel);
    if (hit === undefined || file === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not in this mirror\n');
      return;
    }
    try {
      await send(req, res, file.handle, file.size, hit.etag);
    } finally {
      await file.handle.close();
    }
  };

  const send = async (req: IncomingMessage, res: ServerResponse, handle: FileHandle, size: number, etag: string): Promise<void> => {
    const headers: Record<string, string | number> = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
    if (etag !== '') headers['ETag'] = `"${etag}"`;
    let start = 0;
    let end = size - 1;
    let status = 200;
    const range = req.headers.range;
    if (range !== undefined) {
      const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
      if (m === null || (m[1] === '' && m[2] === '')) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      if (m[1] === '') start = Math.max(0, size - Number(m[2]));
      else {
        start = Number(m[1]);
        if (m[2] !== '') end = Math.min(Number(m[2]), size - 1);
      }
      if (start > end || start >= size) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    }
    headers['Content-Length'] = size === 0 ? 0 : end - start + 1;
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || size === 0) {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = handle.createReadStream({ start, end, autoClose: false });
      stream.on('error', () => res.destroy());
      res.on('close', resolve);
      stream.pipe(res);
    });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, resolve);
  });
  const address = server.address() as { port: number };
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A regular file of the mirror, opened at its real path inside it (no link followed at open); undefined otherwise. */
async function openInside(dir: string, rel: string): Promise<{ handle: FileHandle; size: number } | undefined> {
  let real: string | undefined;
  try {
    real = await realPathInside(dir, rel);
  } catch {
    return undefined;
  }
  if (real === undefined) return undefined;
  const handle = await open(real, constants.O_RDONLY | constants.O_NOFOLLOW);
  const st = await handle.stat();
  if (!st.isFile()) {
    await handle.close();
    return undefined;
  }
  return { handle, size: st.size };
}
