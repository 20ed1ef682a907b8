import { request as httpRequest, type IncomingMessage, type ClientRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { addAbortSignal } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';
import { ProxyFailed } from '../errors/index.js';
import { shownProxy } from '../validate/proxy-url.js';
import type { HttpGet } from './fetch.js';
import { proxyFor, type ProxyRoutes } from './proxy.js';
import { connectProxy, proxyHeaders, tunnel } from './proxy-connect.js';

export interface HttpGetOptions {
  readonly routes: ProxyRoutes;
  /** Certificates trusted besides the system's. Tests only: a self-signed local origin. */
  readonly ca?: string | Buffer;
  /** The whole download's limit (default ten minutes, as the default client's). */
  readonly timeoutMs?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
/** Some origins refuse a request without one; no Accept-Encoding, so a .tar.gz arrives as stored. */
const HEADERS = { 'user-agent': 'stasis-farm', accept: '*/*' };

/**
 * An HttpGet over node:http/https that goes through the proxies `routes` names: http:// URLs
 * as absolute-form requests to the proxy, https:// URLs through a CONNECT tunnel with TLS end to
 * end with the origin (the proxy sees only the host name). Redirects are followed, each hop
 * routed on its own (a redirect to a NO_PROXY host goes direct). `signal` stops it at any point.
 */
export function createHttpGet(options: HttpGetOptions): HttpGet {
  const timeoutMs = options.timeoutMs ?? 600_000;
  return async (url, signal) => {
    const limit = AbortSignal.timeout(timeoutMs);
    const stop = signal === undefined ? limit : AbortSignal.any([signal, limit]);
    try {
      let target = new URL(url);
      for (let hop = 0; ; hop++) {
        const proxy = proxyFor(target, options.routes);
        const res = await get(target, proxy, stop, options.ca);
        const status = res.statusCode ?? 0;
        const via = proxy === undefined ? '' : ` (through proxy ${shownProxy(proxy)})`;
        if (REDIRECTS.has(status) && res.headers.location !== undefined) {
          res.destroy();
          if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects${via}`);
          target = new URL(res.headers.location, target);
          continue;
        }
        if (status === 407 && proxy !== undefined) {
          res.destroy();
          throw new ProxyFailed(shownProxy(proxy), target.href, 'asks for authentication (HTTP 407)');
        }
        if (status < 200 || status >= 300) {
          res.destroy();
          throw new Error(`HTTP ${status}${via}`);
        }
        addAbortSignal(stop, res);
        return res;
      }
    } catch (error) {
      if (limit.aborted && signal?.aborted !== true) throw new Error(`no complete answer within ${timeoutMs / 1000} s`, { cause: error });
      throw error;
    }
  };
}

/** One request, direct or through `proxy`; resolves with the response head. */
async function get(target: URL, proxy: URL | undefined, signal: AbortSignal, ca: string | Buffer | undefined): Promise<IncomingMessage> {
  if (target.protocol !== 'http:' && target.protocol !== 'https:') throw new Error(`${target.protocol}// downloads are not supported`);
  const secure = target.protocol === 'https:';
  if (proxy === undefined) {
    return answer(secure ? httpsRequest(target, { headers: HEADERS, signal, ...(ca === undefined ? {} : { ca }) }) : httpRequest(target, { headers: HEADERS, signal }));
  }
  if (!secure) {
    // Absolute-form: the proxy makes the request to the origin itself.
    const socket = await connectProxy(proxy, target.href, signal);
    return answer(
      httpRequest({
        path: target.href,
        headers: { ...HEADERS, host: target.host, ...proxyHeaders(proxy) },
        createConnection: () => socket,
        signal,
      }),
    );
  }
  const raw = await tunnel(proxy, target, signal);
  const host = target.hostname.replace(/^\[|\]$/g, '');
  // The certificate is checked against the origin's name (`host`), exactly as without a proxy.
  const tls = tlsConnect({ socket: raw, host, ...(isIP(host) === 0 ? { servername: host } : {}), ...(ca === undefined ? {} : { ca }) });
  raw.on('error', (error) => tls.destroy(error));
  tls.once('close', () => raw.destroy());
  return answer(httpsRequest(target, { headers: HEADERS, createConnection: () => tls, signal }));
}

function answer(req: ClientRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    req.once('response', resolve);
    // Kept after the answer: a later socket error reaches the response, not the process.
    req.on('error', reject);
    req.end();
  });
}
