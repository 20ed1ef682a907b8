/**
 * A proxy as the farm accepts it: a plain HTTP proxy, `http://host:port` (credentials allowed,
 * `http://user:password@host:port`), or `host:port` as curl takes it. The i2p and Tor HTTP
 * proxies, squid and the like all speak this; an https:// or socks proxy is refused here rather
 * than misused later.
 */
export function parseProxyUrl(value: string): { readonly url: URL } | { readonly why: string } {
  const text = value.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    return { why: 'is not a proxy address (http://host:port)' };
  }
  if (url.protocol !== 'http:') return { why: `is a ${url.protocol}// proxy; only a plain HTTP proxy (http://host:port) is supported` };
  if (url.hostname === '') return { why: 'names no host (http://host:port)' };
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') return { why: 'has a path; a proxy is only http://host:port' };
  return { url };
}

/** The proxy as it may be shown: no password. */
export function shownProxy(url: URL): string {
  return `http://${url.username === '' ? '' : `${url.username}@`}${url.host}`;
}
