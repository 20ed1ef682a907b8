export { SourceStore } from './store.js';
export { createFetcher, defaultHttpGet } from './fetch.js';
export type { Fetcher, FetcherOptions, HttpGet } from './fetch.js';
export { createHttpGet } from './http-get.js';
export type { HttpGetOptions } from './http-get.js';
export { anyProxy, proxyFor, proxyRoutes } from './proxy.js';
export type { MirrorProxy, ProxyRoutes, ProxySetting } from './proxy.js';
