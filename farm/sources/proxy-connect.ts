import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { ProxyFailed } from '../errors/index.js';
import { shownProxy } from '../validate/proxy-url.js';

/** How long a proxy may take to accept the TCP connection: an unreachable one fails fast, not after the download's limit. */
const CONNECT_TIMEOUT_MS = 30_000;

/** `Proxy-Authorization` when the proxy URL carries credentials. */
export function proxyHeaders(proxy: URL): Record<string, string> {
  if (proxy.username === '') return {};
  const credentials = `${decodeURIComponent(proxy.username)}:${decodeURIComponent(proxy.password)}`;
  return { 'proxy-authorization': `Basic ${Buffer.from(credentials).toString('base64')}` };
}

/** A TCP connection to the proxy; not reaching it is a ProxyFailed naming the proxy and what it was for. */
export function connectProxy(proxy: URL, target: string, signal: AbortSignal): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortError(signal));
      return;
    }
    const socket = connect({ host: proxy.hostname.replace(/^\[|\]$/g, ''), port: Number(proxy.port === '' ? 80 : proxy.port) });
    const settle = (error?: Error): void => {
      signal.removeEventListener('abort', onAbort);
      socket.off('connect', onConnect);
      socket.off('error', onError);
      socket.off('timeout', onTimeout);
      socket.setTimeout(0);
      if (error === undefined) resolve(socket);
      else {
        socket.destroy();
        reject(error);
      }
    };
    const onConnect = (): void => settle();
    const onError = (error: Error): void => settle(new ProxyFailed(shownProxy(proxy), target, `is unreachable: ${error.message}`, { cause: error }));
    const onTimeout = (): void => settle(new ProxyFailed(shownProxy(proxy), target, `did not accept a connection within ${CONNECT_TIMEOUT_MS / 1000} s`));
    const onAbort = (): void => settle(abortError(signal));
    socket.once('connect', onConnect);
    socket.once('error', onError);
    socket.once('timeout', onTimeout);
    socket.setTimeout(CONNECT_TIMEOUT_MS);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * A tunnel through the proxy to `target`'s host and port (HTTP CONNECT): the socket that
 * comes back carries whatever the caller speaks next (TLS), end to end with the origin.
 */
export async function tunnel(proxy: URL, target: URL, signal: AbortSignal): Promise<Socket> {
  const authority = `${target.hostname}:${target.port === '' ? 443 : target.port}`;
  const socket = await connectProxy(proxy, target.href, signal);
  return new Promise((resolve, reject) => {
    const req = request({
      method: 'CONNECT',
      path: authority,
      headers: { host: authority, ...proxyHeaders(proxy) },
      createConnection: () => socket,
      signal,
    });
    req.once('connect', (res, tunnelled, head) => {
      res.resume();
      if (res.statusCode !== 200) {
        tunnelled.destroy();
        const auth = res.statusCode === 407 ? ' (proxy authentication required)' : '';
        reject(new ProxyFailed(shownProxy(proxy), target.href, `refused CONNECT to ${authority}: HTTP ${res.statusCode}${auth}`));
        return;
      }
      // Bytes the proxy sent after its answer belong to the tunnel (a proxy should send none before the client speaks).
      if (head.length > 0) tunnelled.unshift(head);
      resolve(tunnelled);
    });
    req.on('error', (error) => {
      socket.destroy();
      reject(signal.aborted ? abortError(signal) : new ProxyFailed(shownProxy(proxy), target.href, `failed while opening a tunnel: ${error.message}`, { cause: error }));
    });
    req.end();
  });
}

function abortError(signal: AbortSignal): Error {
  return signal.reason instanceof Error ? signal.reason : new Error('aborted');
}
