import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import { INDEX_FILE, SUMS_FILE } from './items.js';
import { expectedFiles, readIndex } from './verify.js';

export interface MirrorServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A read-only HTTP mirror: GET/HEAD of `/<file>`, `/sha256/<hex>`, index.yaml
 * and SHA256SUMS (also under `/<name>/...` for BitTorrent web seeds). Only files
 * the index names are served — request paths never touch the file system
 * directly — with single Range requests and exact Content-Length.
 */
export async function serveMirror(dir: string, options: { readonly host?: string; readonly port?: number; readonly name?: string } = {}): Promise<MirrorServer> {
  const index = await readIndex(dir);
  const byName = expectedFiles(index);
  const allowed = new Map<string, { path: string; etag: string }>();
  for (const [file, sha] of byName) {
    allowed.set(`/${file}`, { path: join(dir, file), etag: sha });
    allowed.set(`/sha256/${sha}`, { path: join(dir, file), etag: sha });
  }
  for (const meta of [INDEX_FILE, SUMS_FILE]) allowed.set(`/${meta}`, { path: join(dir, meta), etag: '' });
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
    if (hit === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not in this mirror\n');
      return;
    }
    const size = (await stat(hit.path)).size;
    const headers: Record<string, string | number> = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
    if (hit.etag !== '') headers['ETag'] = `"${hit.etag}"`;
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
    createReadStream(hit.path, { start, end }).on('error', () => res.destroy()).pipe(res);
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
