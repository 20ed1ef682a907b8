import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { realPathInside } from './inside.js';
import { INDEX_FILE, SUMS_FILE } from './items.js';
import { kitFiles, readIndex } from './read-index.js';

export interface MirrorServer {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * A read-only HTTP mirror: GET/HEAD of `/<file>`, `/sha256/<hex>`, index.yaml
 * and SHA256SUMS, and a kit's builder archive (also under `/<name>/...` for BitTorrent web seeds). Only files
 * the index names are served — request paths never touch the file system
 * directly — with single Range requests and exact Content-Length. The index is
 * validated (plain names only), and each file's real path must lie inside the
 * mirror: a link leading out of it is answered 404, never followed.
 */
export async function serveMirror(dir: string, options: { readonly host?: string; readonly port?: number; readonly name?: string } = {}): Promise<MirrorServer> {
  const allowed = servedPaths(kitFiles(await readIndex(dir)), options.name);
  const server = createServer((req, res) => {
    handle(dir, allowed, req, res).catch(() => {
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

/** A file the mirror serves: its path in the mirror, and its ETag ('' for none). */
interface Served {
  readonly rel: string;
  readonly etag: string;
}

/** Every request path the mirror answers, and what it serves there. */
function servedPaths(byName: ReadonlyMap<string, string>, name: string | undefined): Map<string, Served> {
  const allowed = new Map<string, Served>();
  for (const [file, sha] of byName) {
    allowed.set(`/${file}`, { rel: file, etag: sha });
    allowed.set(`/sha256/${sha}`, { rel: file, etag: sha });
  }
  for (const meta of [INDEX_FILE, SUMS_FILE]) allowed.set(`/${meta}`, { rel: meta, etag: '' });
  // A web seed asks for `<seed url><torrent name>/<file>`.
  if (name !== undefined) {
    for (const [key, value] of [...allowed]) if (!key.startsWith('/sha256/')) allowed.set(`/${name}${key}`, value);
  }
  return allowed;
}

async function handle(dir: string, allowed: ReadonlyMap<string, Served>, req: IncomingMessage, res: ServerResponse): Promise<void> {
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
}

/** The file, or the one range of it the request asks for. */
async function send(req: IncomingMessage, res: ServerResponse, handle: FileHandle, size: number, etag: string): Promise<void> {
  const headers: Record<string, string | number> = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
  if (etag !== '') headers['ETag'] = `"${etag}"`;
  let start = 0;
  let end = size - 1;
  let status = 200;
  const range = req.headers.range;
  if (range !== undefined) {
    const wanted = satisfiableRange(range, size);
    if (wanted === undefined) {
      res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
      return;
    }
    ({ start, end } = wanted);
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
}

/** A single `bytes=` range (first-last, first-, or -suffix) within the file; undefined when it is not one or not satisfiable. */
function satisfiableRange(range: string, size: number): { start: number; end: number } | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(range.trim());
  if (m === null || (m[1] === '' && m[2] === '')) return undefined;
  let start: number;
  let end = size - 1;
  if (m[1] === '') start = Math.max(0, size - Number(m[2]));
  else {
    start = Number(m[1]);
    if (m[2] !== '') end = Math.min(Number(m[2]), size - 1);
  }
  return start > end || start >= size ? undefined : { start, end };
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
