import type { BuildDefaults } from '../config/types.js';
import { anyProxy, createHttpGet, proxyRoutes, type HttpGet } from '../sources/index.js';
import type { CliContext } from './io.js';

/** Mirrors in priority order: --mirror / STASIS_MIRROR, then default.lua. */
export function mirrorsFor(ctx: CliContext, fromDefaults: readonly string[]): string[] {
  return [...ctx.mirrors, ...fromDefaults];
}

/**
 * The HTTP client downloads use: through the proxies of the CLI's environment (HTTPS_PROXY,
 * HTTP_PROXY, NO_PROXY, lower case too) and of default.lua's mirrors. Undefined when no proxy is
 * set anywhere, so the fetcher keeps its default client.
 */
export function httpGetFor(ctx: CliContext, defaults: BuildDefaults): HttpGet | undefined {
  const routes = proxyRoutes(ctx.env, defaults.mirrorProxies);
  return anyProxy(routes) ? createHttpGet({ routes }) : undefined;
}
