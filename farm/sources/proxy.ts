import { FarmError } from '../errors/index.js';
import { parseProxyUrl } from '../validate/proxy-url.js';
import { bypassesProxy, parseNoProxy, type NoProxyRule } from './no-proxy.js';

/** A proxy as given, and where (an environment variable, a mirror of default.lua), to name it in errors. */
export interface ProxySetting {
  readonly value: string;
  readonly from: string;
}

/** A mirror whose every request goes through its own proxy (default.lua: `{ url = ..., proxy = ... }`). */
export interface MirrorProxy {
  readonly url: string;
  readonly proxy: string;
}

/** Which proxy, if any, each download goes through. */
export interface ProxyRoutes {
  /** For http:// URLs. */
  readonly http: ProxySetting | undefined;
  /** For https:// URLs (tunnelled with CONNECT). */
  readonly https: ProxySetting | undefined;
  readonly noProxy: readonly NoProxyRule[];
  readonly mirrors: readonly MirrorProxy[];
}

/**
 * The routes from an environment (the one the CLI was given) and default.lua's mirror proxies.
 * Lower-case variables win over upper-case ones, as in curl; an empty variable is unset.
 */
export function proxyRoutes(env: Readonly<Record<string, string | undefined>>, mirrors: readonly MirrorProxy[] = []): ProxyRoutes {
  const pick = (name: string): ProxySetting | undefined => {
    for (const from of [name.toLowerCase(), name.toUpperCase()]) {
      const value = env[from]?.trim();
      if (value !== undefined && value !== '') return { value, from };
    }
    return undefined;
  };
  return { http: pick('http_proxy'), https: pick('https_proxy'), noProxy: parseNoProxy(pick('no_proxy')?.value), mirrors };
}

/** Whether any download could go through a proxy. */
export function anyProxy(routes: ProxyRoutes): boolean {
  return routes.http !== undefined || routes.https !== undefined || routes.mirrors.length > 0;
}

/**
 * The proxy `url` goes through, or undefined for a direct connection. A mirror's own proxy
 * covers every URL on the mirror's scheme, host and port (a redirect within the mirror too) and
 * wins over NO_PROXY: it was asked for by name. A proxy variable that is not a plain HTTP proxy
 * fails only a download that would use it (CONFIG_INVALID naming the variable).
 */
export function proxyFor(url: URL, routes: ProxyRoutes): URL | undefined {
  const mirror = routes.mirrors.find((m) => sameOrigin(m.url, url));
  if (mirror !== undefined) return parsed({ value: mirror.proxy, from: `default.lua mirror ${mirror.url}` });
  const setting = url.protocol === 'https:' ? routes.https : url.protocol === 'http:' ? routes.http : undefined;
  if (setting === undefined || bypassesProxy(url, routes.noProxy)) return undefined;
  return parsed(setting);
}

function parsed(setting: ProxySetting): URL {
  const result = parseProxyUrl(setting.value);
  if ('url' in result) return result.url;
  throw new FarmError('CONFIG_INVALID', `${setting.from}: ${JSON.stringify(setting.value)} ${result.why}`, {
    hint: `set ${setting.from} to an HTTP proxy (http://host:port), or unset it`,
  });
}

function sameOrigin(base: string, url: URL): boolean {
  try {
    return new URL(base).origin === url.origin;
  } catch {
    return false;
  }
}
