import PQueue from 'p-queue';
import { checkInterrupted, FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import { createFetcher, type Fetcher, type HttpGet, SourceStore } from '../sources/index.js';
import type { SourceSpec } from '../recipe/types.js';
import type { Project } from './load.js';

export interface SourceItem {
  readonly pkg: string;
  readonly source: SourceSpec;
}

export function sourcesOf(project: Project, packages: readonly string[] = project.order.order): SourceItem[] {
  return packages.flatMap((pkg) => (project.recipes.get(pkg)?.recipe.sources ?? []).map((source) => ({ pkg, source })));
}

/** How many sources are fetched (or copied from a mirror and verified) at once. */
const FETCH_CONCURRENCY = 3;

export interface EnsureSourcesOptions {
  readonly store: SourceStore;
  readonly mirrors: readonly string[];
  /** The HTTP client (the CLI's, with its proxies); the fetcher's default when undefined. */
  readonly httpGet?: HttpGet | undefined;
  readonly offline: boolean;
  readonly sink: EventSink;
  readonly items?: readonly SourceItem[];
  readonly signal?: AbortSignal;
  /** Why a package's sources are not obtainable here (docs/status-notes.yaml), shown with --offline's list. */
  readonly why?: ReadonlyMap<string, string>;
  /**
   * Do not throw for sources that cannot be had (`build --keep-going`): return each such
   * package's error instead, so that only it and its dependents fail (a cached package
   * needs no sources). An interruption still throws.
   */
  readonly collect?: boolean;
}

/**
 * Make every source of the selected packages present and verified in the store.
 * Offline: list everything missing before anything is fetched or built.
 */
export async function ensureSources(project: Project, options: EnsureSourcesOptions): Promise<ReadonlyMap<string, Error>> {
  const items = options.items ?? sourcesOf(project);
  const fetcher = createFetcher({
    store: options.store,
    mirrors: [...options.mirrors],
    offline: options.offline,
    sink: options.sink,
    signal: options.signal,
    httpGet: options.httpGet,
  });
  if (options.offline && options.collect !== true) {
    const missing = await fetcher.missingOffline(items);
    if (missing.length > 0) throw offlineMissing(missing, options.why);
  }
  const errors = await fetchAll(fetcher, items, options.signal);
  checkInterrupted(options.signal, 'interrupted while fetching sources; nothing partial was stored');
  const unavailable = new Map<string, Error>();
  for (const { pkg, error } of errors) if (!unavailable.has(pkg)) unavailable.set(pkg, error);
  if (options.collect !== true && errors.length > 0) throw combined(errors.map((e) => e.error));
  return unavailable;
}

/**
 * Every item through a p-queue, a few at a time, each failure kept with its package.
 * An abort drops what has not started; a fetch under way stops on the fetcher's own signal.
 */
async function fetchAll(fetcher: Fetcher, items: readonly SourceItem[], signal: AbortSignal | undefined): Promise<{ pkg: string; error: Error }[]> {
  const errors: { pkg: string; error: Error }[] = [];
  const queue = new PQueue({ concurrency: FETCH_CONCURRENCY });
  const stop = (): void => queue.clear();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    for (const item of items) {
      void queue.add(() =>
        fetcher.ensure(item.pkg, item.source).catch((error: unknown) => {
          errors.push({ pkg: item.pkg, error: error instanceof Error ? error : new Error(String(error)) });
        }),
      );
    }
    await queue.onIdle();
  } finally {
    signal?.removeEventListener('abort', stop);
  }
  return errors;
}

/** The --offline failure: every missing source, where it would come from, and why it is not here. */
function offlineMissing(missing: readonly SourceItem[], why: ReadonlyMap<string, string> | undefined): FarmError {
  const lines = missing.map((m) => {
    const reason = why?.get(m.pkg);
    const where = m.source.url === undefined ? 'mirror-only (no upstream download)' : `upstream ${m.source.url}`;
    return `  ${m.pkg}: ${m.source.file} (sha256 ${m.source.sha256})\n    ${where}${reason === undefined ? '' : `\n    why: ${reason}`}`;
  });
  const packages = new Set(missing.map((m) => m.pkg)).size;
  // The same list as data, for --json: a program must not have to parse the lines above.
  const data = missing.map((m) => {
    const reason = why?.get(m.pkg);
    return {
      package: m.pkg,
      file: m.source.file,
      sha256: m.source.sha256,
      urls: m.source.url === undefined ? [] : [m.source.url],
      ...(reason === undefined ? {} : { why: reason }),
    };
  });
  return new FarmError(
    'SOURCE_MISSING',
    `--offline: ${missing.length} source(s) of ${packages} package(s) are neither in the store nor in a directory mirror:\n${lines.join('\n')}`,
    {
      hint: 'copy them into a mirror directory (--mirror DIR) or fetch them on a connected machine: stasis-farm mirror export',
      data: { missing: data },
    },
  );
}

/** One failure as it is; several as one error that lists them (code of the first) and keeps them all as cause. */
function combined(errors: readonly Error[]): Error {
  const first = errors[0] as Error;
  if (errors.length === 1) return first;
  return new FarmError(
    first instanceof FarmError ? first.code : 'FETCH_FAILED',
    `${errors.length} sources failed:\n` + errors.map((e) => `  ${e.message.replace(/\n/g, '\n  ')}`).join('\n'),
    // The first hint stays: a proxy that is down fails every source, and says so once.
    {
      cause: new AggregateError(errors, `${errors.length} sources failed`),
      hint: errors.find((e): e is FarmError => e instanceof FarmError && e.hint !== undefined)?.hint,
    },
  );
}
