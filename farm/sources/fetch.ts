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

  const { signal } = options;
  const open = async (origin: string): Promise<{ stream: Readable; bytes: number | undefined }> => {
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
  };

  const fetchOne = async (pkg: string, source: SourceSpec): Promise<string> => {
    const { store } = options;
    if (await store.has(source.sha256)) {
      options.sink({ type: 'fetch-done', pkg, file: source.file, from: 'store', bytes: 0, cached: true });
      return store.pathOf(source.sha256);
    }
    const origins = [...options.mirrors.flatMap((m) => mirrorCandidates(m, source)), ...(options.offline || source.url === undefined ? [] : [source.url])];
    const attempts: string[] = [];
    const failures: unknown[] = [];
    let mismatch: ChecksumMismatch | undefined;
    for (const origin of origins) {
      checkInterrupted(signal, 'interrupted; nothing was stored');
      let opened: { stream: Readable; bytes: number | undefined };
      try {
        opened = await open(origin);
      } catch (error) {
        checkInterrupted(signal, 'interrupted; nothing was stored');
        failures.push(error);
        attempts.push(`${origin}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not there' : (error as Error).message}`);
        continue;
      }
      options.sink({ type: 'fetch-start', pkg, file: source.file, from: origin });
      try {
        const path = await store.put(opened.stream, { sha256: source.sha256, file: source.file, origin });
        options.sink({ type: 'fetch-done', pkg, file: source.file, from: origin, bytes: opened.bytes ?? (await stat(path)).size, cached: false });
        return path;
      } catch (error) {
        checkInterrupted(signal, 'interrupted; nothing was stored');
        failures.push(error);
        if (error instanceof ChecksumMismatch) {
          mismatch = error;
          attempts.push(`${origin}: sha256 mismatch (got ${error.got})`);
          options.sink({ type: 'warn', message: `${pkg}: ${source.file} from ${origin} has the wrong sha256 (got ${error.got}); not stored` });
        } else attempts.push(`${origin}: ${(error as Error).message}`);
      }
    }
    const listing = attempts.map((a) => `    ${a}`).join('\n');
    if (mismatch !== undefined && attempts.every((a) => a.includes('mismatch') || a.includes('not there'))) {
      throw new FarmError('CHECKSUM_MISMATCH', `${pkg}: ${source.file}: no copy with sha256 ${source.sha256}:\n${listing}`, {
        hint: 'nothing was stored; fix the mirror copy or the recipe sha256',
        cause: new AggregateError(failures, `${source.file}: every origin failed`),
      });
    }
    // A proxy that failed (or is set wrong) explains the whole listing better than a generic hint.
    const proxy = failures.find((f): f is FarmError => f instanceof ProxyFailed || (f instanceof FarmError && f.code === 'CONFIG_INVALID'));
    throw new FarmError(options.offline ? 'SOURCE_MISSING' : 'FETCH_FAILED', `${pkg}: ${source.file} (sha256 ${source.sha256}) could not be fetched:\n${listing}`, {
      hint: proxy?.hint ?? (options.offline ? 'offline: add a mirror with --mirror DIR' : undefined),
      cause: failures.length === 0 ? undefined : new AggregateError(failures, `${source.file}: every origin failed`),
      data: options.offline ? { missing: [{ package: pkg, file: source.file, sha256: source.sha256, urls: source.url === undefined ? [] : [source.url] }] } : undefined,
    });
  };

  return {
    ensure(pkg, source) {
      const running = inFlight.get(source.sha256);
      if (running !== undefined) return running;
      const p = fetchOne(pkg, source).finally(() => inFlight.delete(source.sha256));
      inFlight.set(source.sha256, p);
      return p;
    },
    async missingOffline(items) {
      const missing: { pkg: string; source: SourceSpec }[] = [];
      for (const item of items) {
        if (await options.store.has(item.source.sha256)) continue;
        let found = false;
        for (const m of options.mirrors.filter((x) => !isUrl(x))) {
          for (const candidate of mirrorCandidates(m, item.source)) {
            try {
              await access(candidate);
              found = true;
              break;
            } catch {
              // next
            }
          }
          if (found) break;
        }
        if (!found) missing.push({ pkg: item.pkg, source: item.source });
      }
      return missing;
    },
  };
}
