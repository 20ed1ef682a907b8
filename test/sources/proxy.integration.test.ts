import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ProxyFailed } from '../../farm/errors/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { createFetcher, createHttpGet, proxyRoutes, SourceStore } from '../../farm/sources/index.js';
import { cli } from '../support/cli.js';
import { prerequisite } from '../support/prerequisite.js';
import { tinyRoot } from '../support/tiny-project.js';

// Downloads through a small HTTP proxy written here (absolute-form GET and CONNECT, counting
// both) from local origins: the integration tier, as it opens sockets and runs openssl.
const exec = promisify(execFile);
afterAll(closeLuaWorkers);

const BODY = randomBytes(64 * 1024);
const SHA = createHash('sha256').update(BODY).digest('hex');
const FILE = 'hello-1.0.tar.gz';

/** Everything a test started, closed after it whatever happened. */
const open: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((close) => close()));
});

function listen(server: Server | ReturnType<typeof createTcpServer>): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

/** Keeps every socket a server accepts, so that closing it ends tunnels and hung answers too. */
function closer(server: Server | ReturnType<typeof createTcpServer>): () => Promise<void> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    });
}

/** The origin: `/files/<FILE>`, a redirect to it from `/moved`, and `/slow`, which sends a little and never ends. */
function originHandler(hits: string[]) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    hits.push(req.url ?? '');
    if (req.url === '/slow') {
      res.writeHead(200);
      res.write(Buffer.alloc(1024));
      return;
    }
    if (req.url === '/moved') {
      res.writeHead(302, { location: `/files/${FILE}` }).end();
      return;
    }
    if (req.url === `/files/${FILE}`) res.writeHead(200, { 'content-length': BODY.length }).end(BODY);
    else res.writeHead(404).end();
  };
}

async function startOrigin(): Promise<{ url: string; hits: string[] }> {
  const hits: string[] = [];
  const server = createServer(originHandler(hits));
  open.push(closer(server));
  return { url: `http://127.0.0.1:${await listen(server)}`, hits };
}

interface TestProxy {
  readonly url: string;
  /** Absolute-form requests, as asked (`http://host:port/path`). */
  readonly forwarded: string[];
  /** CONNECT authorities (`host:port`). */
  readonly tunnels: string[];
}

async function startProxy(): Promise<TestProxy> {
  const forwarded: string[] = [];
  const tunnels: string[] = [];
  const server = createServer((req, res) => {
    forwarded.push(req.url ?? '');
    const target = new URL(req.url ?? '');
    const upstream = request(target, { method: req.method, headers: { host: target.host } }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    upstream.end();
  });
  server.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    tunnels.push(req.url ?? '');
    const [host, port] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
  });
  open.push(closer(server));
  return { url: `http://127.0.0.1:${await listen(server)}`, forwarded, tunnels };
}

/** A port nothing listens on (a server's, closed again). */
async function closedPort(): Promise<number> {
  const server = createTcpServer();
  const port = await listen(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const recipe = (url: string): string =>
  `return { name = "hello", version = "1", description = "test", license = "MIT", sources = { { url = "${url}", sha256 = "${SHA}", file = "${FILE}" } }, build = "true" }\n`;

async function stored(root: string): Promise<Buffer> {
  return readFile(join(root, 'workspace', 'sources', 'sha256', SHA));
}

function drain(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

describe('stasis-farm fetch through an HTTP proxy', () => {
  it('HTTP_PROXY from the CLI environment: an http:// source goes to the proxy in absolute form, redirects too', async () => {
    const origin = await startOrigin();
    const proxy = await startProxy();
    const root = await tinyRoot({ hello: recipe(`${origin.url}/moved`) });
    const r = await cli(root, ['fetch', '--profile', 'test'], { HTTP_PROXY: proxy.url });
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0);
    expect(proxy.forwarded).toEqual([`${origin.url}/moved`, `${origin.url}/files/${FILE}`]);
    expect(origin.hits).toEqual(['/moved', `/files/${FILE}`]);
    expect(await stored(root)).toEqual(BODY);
  });

  it('NO_PROXY sends a matching host direct: the proxy sees nothing', async () => {
    const origin = await startOrigin();
    const proxy = await startProxy();
    const root = await tinyRoot({ hello: recipe(`${origin.url}/files/${FILE}`) });
    const r = await cli(root, ['fetch', '--profile', 'test'], { http_proxy: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
    expect(r.code).toBe(0);
    expect(proxy.forwarded).toEqual([]);
    expect(origin.hits).toEqual([`/files/${FILE}`]);
  });

  it("a mirror's own proxy from default.lua is used for that mirror, with no proxy in the environment", async () => {
    const origin = await startOrigin();
    const proxy = await startProxy();
    // Upstream has no such file: only the mirror, through its proxy, can supply it.
    const root = await tinyRoot({ hello: recipe(`${origin.url}/gone/${FILE}`) }, `, mirrors = { { url = "${origin.url}/files/", proxy = "${proxy.url}" } }`);
    const r = await cli(root, ['fetch', '--profile', 'test'], {});
    expect(r.code).toBe(0);
    expect(proxy.forwarded).toEqual([`${origin.url}/files/${FILE}`]);
    expect(await stored(root)).toEqual(BODY);
  });

  it('a proxy that does not answer is FETCH_FAILED naming the proxy, with its hint once for all sources (--json)', async () => {
    const origin = await startOrigin();
    const port = await closedPort();
    const world = `return { name = "world", version = "1", description = "test", license = "MIT", sources = { { url = "${origin.url}/files/world-1.tar.gz", sha256 = "${'c'.repeat(64)}" } }, build = "true" }\n`;
    const root = await tinyRoot({ hello: recipe(`${origin.url}/files/${FILE}`), world });
    const r = await cli(root, ['fetch', '--profile', 'test', '--json'], { HTTP_PROXY: `http://127.0.0.1:${port}` });
    expect(r.code).toBe(4);
    const error = JSON.parse(r.err.trim().split('\n').at(-1) as string) as { code: string; message: string; hint: string };
    expect(error.code).toBe('FETCH_FAILED');
    expect(error.message).toMatch(/^2 sources failed/);
    expect(error.message).toContain(
      `hello-1.0.tar.gz (sha256 ${SHA}) could not be fetched:\n      ${origin.url}/files/${FILE}: proxy http://127.0.0.1:${port} is unreachable`,
    );
    expect(error.hint).toMatch(/HTTPS_PROXY \/ HTTP_PROXY \/ NO_PROXY/);
    expect(origin.hits).toEqual([]);
  });

  it('the client itself: an unreachable proxy is a ProxyFailed that names it (no password) and the URL', async () => {
    const port = await closedPort();
    const get = createHttpGet({ routes: proxyRoutes({ HTTP_PROXY: `http://farm:secret@127.0.0.1:${port}` }) });
    const error = await get('http://origin.invalid/x.tar.gz').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ProxyFailed);
    expect(error).toMatchObject({ proxy: `http://farm@127.0.0.1:${port}`, target: 'http://origin.invalid/x.tar.gz' });
    expect((error as Error).message).not.toContain('secret');
  });

  it('a proxy that refuses the tunnel is a ProxyFailed saying what it answered', async () => {
    const refusing = createServer((_req, res) => res.writeHead(403).end());
    refusing.on('connect', (_req: IncomingMessage, client: Socket) => client.end('HTTP/1.1 403 Forbidden\r\n\r\n'));
    open.push(closer(refusing));
    const port = await listen(refusing);
    const get = createHttpGet({ routes: proxyRoutes({ HTTPS_PROXY: `127.0.0.1:${port}` }) });
    await expect(get('https://origin.invalid:8443/x.tar.gz')).rejects.toThrow(
      `proxy http://127.0.0.1:${port} refused CONNECT to origin.invalid:8443: HTTP 403 (for https://origin.invalid:8443/x.tar.gz)`,
    );
  });

  it('an abort stops a download under way through the proxy, and one waiting for a proxy that never answers', async () => {
    const origin = await startOrigin();
    const proxy = await startProxy();
    const get = createHttpGet({ routes: proxyRoutes({ HTTP_PROXY: proxy.url }) });
    const controller = new AbortController();
    const body = await get(`${origin.url}/slow`, controller.signal);
    const reading = drain(body);
    controller.abort(new Error('stop'));
    await expect(reading).rejects.toThrow();

    // A proxy that takes the connection and says nothing.
    const silent = createTcpServer(() => {});
    open.push(closer(silent));
    const mute = createHttpGet({ routes: proxyRoutes({ HTTPS_PROXY: `http://127.0.0.1:${await listen(silent)}` }) });
    const waiting = new AbortController();
    const started = Date.now();
    const pending = mute('https://origin.invalid/x.tar.gz', waiting.signal);
    setTimeout(() => waiting.abort(new Error('stop')), 100);
    await expect(pending).rejects.toThrow('stop');
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe('https through a CONNECT tunnel', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'proxy-tls-'));
  const problem = await exec('openssl', [
    'req',
    '-x509',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:prime256v1',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=127.0.0.1',
    '-addext',
    'subjectAltName=IP:127.0.0.1',
    '-keyout',
    join(dir, 'key.pem'),
    '-out',
    join(dir, 'cert.pem'),
  ]).then(
    () => undefined,
    () => 'openssl is not installed or cannot make a self-signed certificate (apt-get install openssl)',
  );
  const tls = prerequisite('the https-through-a-proxy test', problem);

  it.skipIf(!tls)('an https:// source is fetched through CONNECT, TLS end to end, verified against the trusted certificate', async () => {
    const [key, cert] = await Promise.all([readFile(join(dir, 'key.pem')), readFile(join(dir, 'cert.pem'))]);
    const hits: string[] = [];
    const server = createHttpsServer({ key, cert }, originHandler(hits));
    open.push(closer(server));
    const origin = `https://127.0.0.1:${await listen(server)}`;
    const proxy = await startProxy();
    const store = new SourceStore(await mkdtemp(join(tmpdir(), 'store-')));
    const fetcher = createFetcher({
      store,
      mirrors: [],
      offline: false,
      sink: () => {},
      // Tests only: the self-signed origin's certificate is trusted; production passes no `ca`.
      httpGet: createHttpGet({ routes: proxyRoutes({ HTTPS_PROXY: proxy.url, HTTP_PROXY: 'http://127.0.0.1:9' }), ca: cert }),
    });
    await fetcher.ensure('hello', { url: `${origin}/moved`, sha256: SHA, file: FILE, extract: true });
    expect(await readFile(store.pathOf(SHA))).toEqual(BODY);
    expect(proxy.tunnels).toEqual([`127.0.0.1:${origin.split(':').at(-1)}`, `127.0.0.1:${origin.split(':').at(-1)}`]);
    expect(proxy.forwarded).toEqual([]);
    expect(hits).toEqual(['/moved', `/files/${FILE}`]);

    // Without the certificate trusted, the tunnel still opens but TLS refuses the origin.
    const untrusted = createHttpGet({ routes: proxyRoutes({ HTTPS_PROXY: proxy.url }) });
    await expect(untrusted(`${origin}/files/${FILE}`)).rejects.toThrow(/self[- ]signed|certificate/i);
  });
});
