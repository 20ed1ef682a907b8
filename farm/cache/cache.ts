import { copyFile, lstat, mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { checkInterrupted } from '../errors/index.js';
import { sha256File } from '../fs/hash.js';
import { CutoffIndex } from './cutoff-index.js';
import { FailureRecords, type FailureRecord } from './failures.js';

/** What the cache remembers of one built package. */
export interface CacheMeta {
  readonly key: string;
  readonly pkg: string;
  readonly version: string;
  readonly stage: string;
  /** sha256 of the normalized, uncompressed output tar. */
  readonly outputSha256: string;
  /** Hash of the key inputs without the dependencies' keys (early cutoff). */
  readonly selfHash: string;
  /** Output hash of every package that was in the sysroot. */
  readonly depOutputs: Readonly<Record<string, string>>;
  readonly files: number;
  readonly bytes: number;
  readonly durationMs: number;
  /** The key's inputs, for `why` and diffs. */
  readonly inputs: unknown;
  /** When the entry was stored (ms since the epoch); set by `put`, absent in entries of older farms. */
  readonly storedMs?: number;
}

/** One entry directory as `list` sees it (its meta may be unreadable). */
export interface CacheListing {
  readonly key: string;
  readonly pkg: string | undefined;
  readonly version: string | undefined;
  /** When it was stored: the meta's record, else meta.json's (or the directory's) mtime. */
  readonly storedMs: number;
  /** Bytes of its files. */
  readonly bytes: number;
}

export interface CacheEntry {
  readonly meta: CacheMeta;
  readonly dir: string;
  readonly tarPath: string;
  readonly manifestPath: string;
  readonly logPath: string;
}

export interface NewEntry {
  readonly meta: CacheMeta;
  /** Normalized output tar (moved into the cache). */
  readonly tarPath: string;
  /** The file manifest as JSON text. */
  readonly manifestJson: string;
  /** Build log file (copied). */
  readonly logPath: string | undefined;
  /** Once aborted, the entry is not made (checked just before the rename that makes it). */
  readonly signal?: AbortSignal;
}

/**
 * Content-addressed build cache: `<dir>/<key>/{output.tar,manifest.json,meta.json,build.log}`.
 * Entries appear by a single rename of a fully written temp directory, so an
 * interrupted build never leaves a partial entry. Early-cutoff aliases live in
 * `<dir>/alias/<key>` and name the entry whose output can be reused; packages
 * whose last build failed are recorded in `<dir>/failed/<pkg>.json`.
 */
export class BuildCache {
  private readonly index: CutoffIndex;
  private readonly failed: FailureRecords;
  private readonly now: () => number;

  constructor(
    readonly dir: string,
    options: { readonly now?: () => number } = {},
  ) {
    this.index = new CutoffIndex(dir);
    this.failed = new FailureRecords(dir);
    this.now = options.now ?? Date.now;
  }

  private entryDir(key: string): string {
    return join(this.dir, key);
  }

  async has(key: string): Promise<boolean> {
    return (await this.get(key)) !== undefined;
  }

  async get(key: string): Promise<CacheEntry | undefined> {
    const direct = await this.readEntry(key);
    if (direct !== undefined) return direct;
    const target = await this.index.aliasTarget(key);
    return target === undefined ? undefined : this.readEntry(target);
  }

  /** The key of the entry directory holding `key`'s output: `key` itself, or the entry it is an alias of. */
  async holder(key: string): Promise<string | undefined> {
    if (await this.exists(key)) return key;
    const target = await this.index.aliasTarget(key);
    return target !== undefined && (await this.exists(target)) ? target : undefined;
  }

  private async exists(key: string): Promise<boolean> {
    if (!/^[0-9a-f]{64}$/.test(key)) return false;
    return stat(this.entryDir(key)).then(
      (s) => s.isDirectory(),
      () => false,
    );
  }

  private async readEntry(key: string): Promise<CacheEntry | undefined> {
    if (!/^[0-9a-f]{64}$/.test(key)) return undefined;
    const dir = this.entryDir(key);
    try {
      const meta = JSON.parse(await readFile(join(dir, 'meta.json'), 'utf8')) as CacheMeta;
      return {
        meta,
        dir,
        tarPath: join(dir, 'output.tar'),
        manifestPath: join(dir, 'manifest.json'),
        logPath: join(dir, 'build.log'),
      };
    } catch {
      return undefined;
    }
  }

  /** Store an entry atomically; returns the stored entry. */
  async put(entry: NewEntry): Promise<CacheEntry> {
    await mkdir(this.dir, { recursive: true });
    const tmp = join(this.dir, `.tmp-${entry.meta.key.slice(0, 16)}-${randomBytes(4).toString('hex')}`);
    await mkdir(tmp);
    try {
      await moveFile(entry.tarPath, join(tmp, 'output.tar'));
      await writeFile(join(tmp, 'manifest.json'), entry.manifestJson);
      if (entry.logPath !== undefined) await copyFile(entry.logPath, join(tmp, 'build.log'));
      else await writeFile(join(tmp, 'build.log'), '');
      await writeFile(join(tmp, 'meta.json'), JSON.stringify({ ...entry.meta, storedMs: this.now() }, null, 1));
      const final = this.entryDir(entry.meta.key);
      await rm(final, { recursive: true, force: true });
      checkInterrupted(entry.signal, 'interrupted; nothing was cached');
      await rename(tmp, final);
    } catch (error) {
      await rm(tmp, { recursive: true, force: true });
      throw error;
    }
    await this.index.add(entry.meta.selfHash, entry.meta.key);
    const stored = await this.readEntry(entry.meta.key);
    if (stored === undefined) throw new Error(`cache entry ${entry.meta.key} vanished after writing`);
    return stored;
  }

  /**
   * Early cutoff: an entry built from the same inputs (apart from dependency keys)
   * against dependency outputs identical to `depOutputs`.
   */
  async findCutoff(selfHash: string, depOutputs: Readonly<Record<string, string>>): Promise<CacheEntry | undefined> {
    const wanted = canonicalOutputs(depOutputs);
    for (const key of await this.index.candidates(selfHash)) {
      const entry = await this.readEntry(key);
      if (entry !== undefined && canonicalOutputs(entry.meta.depOutputs) === wanted) return entry;
    }
    return undefined;
  }

  /** Record that `key` reuses the output stored under `target`. */
  async alias(key: string, target: string): Promise<void> {
    await this.index.alias(key, target);
  }

  /** Remove leftovers of interrupted writes; returns their names. */
  async cleanTemp(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return [];
    }
    const stale = names.filter((n) => n.startsWith('.tmp-'));
    await Promise.all(stale.map((n) => rm(join(this.dir, n), { recursive: true, force: true })));
    return stale.map((n) => `cache/${n}`);
  }

  /** The key of every entry directory, readable or not. */
  async keys(): Promise<string[]> {
    const names = await readdir(this.dir).catch(() => [] as string[]);
    return names.filter((n) => /^[0-9a-f]{64}$/.test(n)).sort();
  }

  /**
   * Re-read one entry: undefined when it is whole, else what is wrong (its
   * output.tar no longer has the recorded sha256, a file is missing or unreadable).
   */
  async check(key: string): Promise<string | undefined> {
    const entry = await this.readEntry(key);
    if (entry === undefined) return 'meta.json is missing or unreadable';
    try {
      JSON.parse(await readFile(entry.manifestPath, 'utf8'));
    } catch {
      return 'manifest.json is missing or unreadable';
    }
    const got = await sha256File(entry.tarPath).catch((error: NodeJS.ErrnoException) => `unreadable (${error.code ?? error.message})`);
    return got === entry.meta.outputSha256 ? undefined : `output.tar sha256 ${got}, recorded ${entry.meta.outputSha256}`;
  }

  /**
   * Every entry directory with when it was stored and its size, by key
   * (an entry whose meta is unreadable is listed too, without package).
   */
  async list(): Promise<CacheListing[]> {
    const out: CacheListing[] = [];
    for (const key of await this.keys()) {
      const dir = this.entryDir(key);
      const meta = (await this.readEntry(key))?.meta;
      const names = await readdir(dir).catch(() => [] as string[]);
      let bytes = 0;
      for (const name of names)
        bytes += await lstat(join(dir, name)).then(
          (s) => (s.isFile() ? s.size : 0),
          () => 0,
        );
      const mtime = await stat(join(dir, 'meta.json'))
        .catch(() => stat(dir))
        .then(
          (s) => s.mtimeMs,
          () => 0,
        );
      out.push({ key, pkg: meta?.pkg, version: meta?.version, storedMs: typeof meta?.storedMs === 'number' ? meta.storedMs : mtime, bytes });
    }
    return out;
  }

  /** The newest readable entry of each package (by when it was stored). */
  async newest(): Promise<Map<string, CacheEntry>> {
    const latest = new Map<string, CacheListing>();
    for (const listing of await this.list()) {
      if (listing.pkg === undefined) continue;
      const seen = latest.get(listing.pkg);
      if (seen === undefined || seen.storedMs < listing.storedMs) latest.set(listing.pkg, listing);
    }
    const out = new Map<string, CacheEntry>();
    for (const [pkg, listing] of latest) {
      const entry = await this.readEntry(listing.key);
      if (entry !== undefined) out.set(pkg, entry);
    }
    return out;
  }

  /** Record that the last build of `pkg` (for `key`) failed, and why. */
  async recordFailure(pkg: string, key: string, reason: string): Promise<void> {
    await this.failed.record({ pkg, key, reason, failedMs: this.now() });
  }

  /** Forget a recorded failure of `pkg` (it was built). */
  async clearFailure(pkg: string): Promise<void> {
    await this.failed.clear(pkg);
  }

  /** The packages whose last build failed, with why. */
  async failures(): Promise<Map<string, FailureRecord>> {
    return this.failed.all();
  }

  /**
   * Remove an entry and every index record naming it (aliases to it then
   * miss, so their packages are rebuilt; early cutoff no longer offers it).
   */
  async evict(key: string): Promise<void> {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new Error(`not a cache key: ${key}`);
    const selfHash = (await this.readEntry(key))?.meta.selfHash;
    const doomed = join(this.dir, `.tmp-evict-${key.slice(0, 16)}-${randomBytes(4).toString('hex')}`);
    await rename(this.entryDir(key), doomed).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rm(doomed, { recursive: true, force: true });
    await this.index.forget(key, selfHash);
  }

  /** Drop index records naming entries that are gone (left by older farms' evictions); returns how many. */
  async tidyIndex(): Promise<number> {
    return this.index.tidy((key) => this.exists(key));
  }

  async size(): Promise<number> {
    try {
      const names = await readdir(this.dir);
      let total = 0;
      for (const n of names) {
        if (/^[0-9a-f]{64}$/.test(n)) total += (await stat(join(this.dir, n, 'output.tar'))).size;
      }
      return total;
    } catch {
      return 0;
    }
  }
}

function canonicalOutputs(outputs: Readonly<Record<string, string>>): string {
  return JSON.stringify(
    Object.keys(outputs)
      .sort()
      .map((k) => [k, outputs[k]]),
  );
}

async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    await copyFile(from, to);
    await rm(from, { force: true });
  }
}
