export { SourceStore } from './store.js';
export { createFetcher, defaultHttpGet } from './fetch.js';
export type { Fetcher, FetcherOptions, HttpGet } from './fetch.js';
