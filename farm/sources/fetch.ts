import { createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { addAbortSignal, Readable } from 'node:stream';
import { checkInterrupted, ChecksumMismatch, FarmError, ProxyFailed } from '../errors/index.js';
import type { SourceSpec } from '../recipe/types.js';
import type { EventSink } from '../report/events.js';
import type { SourceStore } from './store.js';

export type HttpGet = (url: string, signal?: AbortSignal) => Promise<Readable>;

/** The default HTTP client: global fetch, redirects followed, a time limit; `signal` stops the download. */
export const defaultHttpGet: HttpGet = async (url, signal) => {
  const limit = AbortSignal.timeout(600_000);
  const response = await fetch(url, { redirect: 'follow', signal: signal === undefined ? limit : AbortSignal.any([signal, limit]) });
  if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
  return Readable.fromWeb(response.body);
};

export interface FetcherOptions {
  readonly store: SourceStore;
  /** Directories or http(s) base URLs, tried in order before upstream. */
  readonly mirrors: readonly string[];
  readonly offline: boolean;
  readonly sink: EventSink;
  readonly httpGet?: HttpGet;
  /** Aborting stops a download or copy at once (nothing is stored). */
  readonly signal?: AbortSignal;
}

export interface Fetcher {
  ensure(pkg: string, source: SourceSpec): Promise<string>;
  missingOffline(items: readonly { readonly pkg: string; readonly source: SourceSpec }[]): Promise<{ pkg: string; source: SourceSpec }[]>;
}

const isUrl = (m: string): boolean => /^https?:\/\//.test(m);

function mirrorCandidates(mirror: string, source: SourceSpec): string[] {
  if (isUrl(mirror)) {
    const base = mirror.replace(/\/+$/, '');
    return [`${base}/${encodeURIComponent(source.file)}`, `${base}/sha256/${source.sha256}`];
  }
  return [join(mirror, source.file), join(mirror, 'sha256', source.sha256)];
}

export function createFetcher(options: FetcherOptions): Fetcher {
  const httpGet = options.httpGet ?? defaultHttpGet;
  const inFlight = new Map<string, Promise<string>>();
  return {
    // One download per sha256 at a time: a second asker waits for the first.
    ensure(pkg, source) {
      const running = inFlight.get(source.sha256);
      if (running !== undefined) return running;
      const p = fetchOne(options, httpGet, pkg, source).finally(() => inFlight.delete(source.sha256));
      inFlight.set(source.sha256, p);
      return p;
    },
    async missingOffline(items) {
      const missing: { pkg: string; source: SourceSpec }[] = [];
      for (const item of items) if (!(await presentOffline(options, item.source))) missing.push({ pkg: item.pkg, source: item.source });
      return missing;
    },
  };
}

interface Opened {
  readonly stream: Readable;
  readonly bytes: number | undefined;
}

/** A stream of one origin: a download (URL) or a file in a directory mirror. */
async function openOrigin(origin: string, httpGet: HttpGet, signal: AbortSignal | undefined): Promise<Opened> {
  // An abort before the store reads a stream: the store's read loop gets the error from the stream's state.
  if (isUrl(origin) || /^ftp:\/\//.test(origin)) {
    const download = await httpGet(origin, signal);
    download.on('error', () => {});
    return { stream: download, bytes: undefined };
  }
  await access(origin);
  const file = createReadStream(origin);
  if (signal !== undefined) addAbortSignal(signal, file);
  file.on('error', () => {});
  return { stream: file, bytes: (await stat(origin)).size };
}

/** What the origins of one source answered, in order (for the error when none had it). */
interface Attempts {
  readonly lines: string[];
  readonly failures: unknown[];
  mismatch: ChecksumMismatch | undefined;
}

/** The store's copy of a source: already there, or from the first origin (mirrors, then upstream) whose bytes verify. */
async function fetchOne(options: FetcherOptions, httpGet: HttpGet, pkg: string, source: SourceSpec): Promise<string> {
  const { store, signal } = options;
  if (await store.has(source.sha256)) {
    options.sink({ type: 'fetch-done', pkg, file: source.file, from: 'store', bytes: 0, cached: true });
    return store.pathOf(source.sha256);
  }
  const origins = [...options.mirrors.flatMap((m) => mirrorCandidates(m, source)), ...(options.offline || source.url === undefined ? [] : [source.url])];
  const attempts: Attempts = { lines: [], failures: [], mismatch: undefined };
  for (const origin of origins) {
    checkInterrupted(signal, 'interrupted; nothing was stored');
    const path = await tryOrigin(options, httpGet, { pkg, source, origin }, attempts);
    if (path !== undefined) return path;
  }
  throw notFetched(options.offline, pkg, source, attempts);
}

/** One origin: its stored path, or undefined with the reason added to `attempts`. */
async function tryOrigin(
  options: FetcherOptions,
  httpGet: HttpGet,
  { pkg, source, origin }: { pkg: string; source: SourceSpec; origin: string },
  attempts: Attempts,
): Promise<string | undefined> {
  const { signal } = options;
  let opened: Opened;
  try {
    opened = await openOrigin(origin, httpGet, signal);
  } catch (error) {
    checkInterrupted(signal, 'interrupted; nothing was stored');
    attempts.failures.push(error);
    attempts.lines.push(`${origin}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not there' : (error as Error).message}`);
    return undefined;
  }
  options.sink({ type: 'fetch-start', pkg, file: source.file, from: origin });
  try {
    const path = await options.store.put(opened.stream, { sha256: source.sha256, file: source.file, origin });
    options.sink({ type: 'fetch-done', pkg, file: source.file, from: origin, bytes: opened.bytes ?? (await stat(path)).size, cached: false });
    return path;
  } catch (error) {
    checkInterrupted(signal, 'interrupted; nothing was stored');
    attempts.failures.push(error);
    if (error instanceof ChecksumMismatch) {
      attempts.mismatch = error;
      attempts.lines.push(`${origin}: sha256 mismatch (got ${error.got})`);
      options.sink({ type: 'warn', message: `${pkg}: ${source.file} from ${origin} has the wrong sha256 (got ${error.got}); not stored` });
    } else attempts.lines.push(`${origin}: ${(error as Error).message}`);
    return undefined;
  }
}

/** No origin had the source: a checksum error when every copy found was wrong, else missing (offline) or failed. */
function notFetched(offline: boolean, pkg: string, source: SourceSpec, attempts: Attempts): FarmError {
  const listing = attempts.lines.map((a) => `    ${a}`).join('\n');
  const cause = attempts.failures.length === 0 ? undefined : new AggregateError(attempts.failures, `${source.file}: every origin failed`);
  if (attempts.mismatch !== undefined && attempts.lines.every((a) => a.includes('mismatch') || a.includes('not there'))) {
    return new FarmError('CHECKSUM_MISMATCH', `${pkg}: ${source.file}: no copy with sha256 ${source.sha256}:\n${listing}`, {
      hint: 'nothing was stored; fix the mirror copy or the recipe sha256',
      cause,
    });
  }
  // A proxy that failed (or is set wrong) explains the whole listing better than a generic hint.
  const proxy = attempts.failures.find((f): f is FarmError => f instanceof ProxyFailed || (f instanceof FarmError && f.code === 'CONFIG_INVALID'));
  return new FarmError(offline ? 'SOURCE_MISSING' : 'FETCH_FAILED', `${pkg}: ${source.file} (sha256 ${source.sha256}) could not be fetched:\n${listing}`, {
    hint: proxy?.hint ?? (offline ? 'offline: add a mirror with --mirror DIR' : undefined),
    cause,
    data: offline ? { missing: [{ package: pkg, file: source.file, sha256: source.sha256, urls: source.url === undefined ? [] : [source.url] }] } : undefined,
  });
}

/** Whether an --offline run would find a source: in the store or in a directory mirror (by name or by hash). */
async function presentOffline(options: FetcherOptions, source: SourceSpec): Promise<boolean> {
  if (await options.store.has(source.sha256)) return true;
  for (const m of options.mirrors.filter((x) => !isUrl(x))) {
    for (const candidate of mirrorCandidates(m, source)) {
      const there = await access(candidate).then(
        () => true,
        () => false,
      );
      if (there) return true;
    }
  }
  return false;
}
