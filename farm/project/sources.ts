import { checkInterrupted, FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import { createFetcher, SourceStore } from '../sources/index.js';
import type { SourceSpec } from '../recipe/types.js';
import type { Project } from './load.js';

export interface SourceItem {
  readonly pkg: string;
  readonly source: SourceSpec;
}

export function sourcesOf(project: Project, packages: readonly string[] = project.order.order): SourceItem[] {
  return packages.flatMap((pkg) => (project.recipes.get(pkg)?.recipe.sources ?? []).map((source) => ({ pkg, source })));
}

/**
 * Make every source of the selected packages present and verified in the store.
 * Offline: list everything missing before anything is fetched or built.
 */
export async function ensureSources(
  project: Project,
  options: {
    readonly store: SourceStore;
    readonly mirrors: readonly string[];
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
  },
): Promise<ReadonlyMap<string, Error>> {
  const items = options.items ?? sourcesOf(project);
  const fetcher = createFetcher({ store: options.store, mirrors: [...options.mirrors], offline: options.offline, sink: options.sink, signal: options.signal });
  if (options.offline && options.collect !== true) {
    const missing = await fetcher.missingOffline(items);
    if (missing.length > 0) {
      throw new FarmError(
        'SOURCE_MISSING',
        `--offline: ${missing.length} source(s) of ${new Set(missing.map((m) => m.pkg)).size} package(s) are neither in the store nor in a directory mirror:\n` +
          missing
            .map((m) => {
              const why = options.why?.get(m.pkg);
              const where = m.source.url === undefined ? 'mirror-only (no upstream download)' : `upstream ${m.source.url}`;
              return `  ${m.pkg}: ${m.source.file} (sha256 ${m.source.sha256})\n    ${where}${why === undefined ? '' : `\n    why: ${why}`}`;
            })
            .join('\n'),
        { hint: 'copy them into a mirror directory (--mirror DIR) or fetch them on a connected machine: stasis-farm mirror export' },
      );
    }
  }
  const errors: unknown[] = [];
  const unavailable = new Map<string, Error>();
  const queue = [...items];
  const worker = async (): Promise<void> => {
    for (let item = queue.shift(); item !== undefined && options.signal?.aborted !== true; item = queue.shift()) {
      try {
        await fetcher.ensure(item.pkg, item.source);
      } catch (error) {
        errors.push(error);
        if (!unavailable.has(item.pkg)) unavailable.set(item.pkg, error instanceof Error ? error : new Error(String(error)));
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  checkInterrupted(options.signal, 'interrupted while fetching sources; nothing partial was stored');
  if (options.collect === true) return unavailable;
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) {
    const first = errors[0];
    throw new FarmError(
      first instanceof FarmError ? first.code : 'FETCH_FAILED',
      `${errors.length} sources failed:\n` + errors.map((e) => `  ${e instanceof Error ? e.message.replace(/\n/g, '\n  ') : String(e)}`).join('\n'),
      { cause: new AggregateError(errors, `${errors.length} sources failed`) },
    );
  }
  return unavailable;
}
