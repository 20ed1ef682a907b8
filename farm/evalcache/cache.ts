import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson } from '../encoding/canonical-json.js';
import { tempPathFor } from '../fs/atomic.js';
import { PRELUDE } from '../lua/index.js';
import { FARM_VERSION } from '../version.js';
import { decodeEntry, encodeEntry, ENTRY_FORMAT, type EvalRecord } from './entry.js';
import { valueAtPath } from './lookup-path.js';

/** One Lua file to evaluate: its path (as errors name it), its text and the globals it sees. */
export interface EvalItem {
  readonly path: string;
  readonly source: string;
  readonly globals: Readonly<Record<string, unknown>>;
}

export interface EvalCacheStats {
  hits: number;
  misses: number;
  /** Entries that could not be read or failed their checksum (each also a miss; rewritten when stored). */
  corrupt: number;
  stored: number;
}

export interface EvalCacheOptions {
  /** The farm version entries are made for (default: this farm's). */
  readonly farmVersion?: string;
  /**
   * Globals whose whole value goes into the key rather than being checked read by read (default
   * `farm`: the stage), so the entries of the dev stage and of stages A and B live side by side.
   */
  readonly keyedGlobals?: readonly string[];
}

const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');
/** The sandbox's own code: a change to how reads are recorded makes every entry a miss. */
const SANDBOX = sha256(PRELUDE);

/**
 * The evaluation cache (BitBake's parse cache, for Lua files): `<dir>/<key>.json`, one entry per
 * file, keyed by the file's path and bytes, the farm version and the keyed globals. An entry holds
 * only if every value the evaluation read from the globals is still the same, every path it read as
 * a table is still a table, and every other file it stands for still has the same sha256. Entries are
 * written whole (temp file + rename) and checked by a checksum when read: concurrent runs, a crash
 * or a damaged entry cost an evaluation, never a wrong result. It holds nothing another run needs.
 */
export class EvalCache {
  readonly stats: EvalCacheStats = { hits: 0, misses: 0, corrupt: 0, stored: 0 };
  private readonly farmVersion: string;
  private readonly keyed: readonly string[];

  /** `root`: the project root, which the paths of `files` are relative to. */
  constructor(
    readonly dir: string,
    readonly root: string,
    options: EvalCacheOptions = {},
  ) {
    this.farmVersion = options.farmVersion ?? FARM_VERSION;
    this.keyed = options.keyedGlobals ?? ['farm'];
  }

  /** The entry file of an item. */
  entryPath(item: EvalItem): string {
    const keyed = Object.fromEntries(this.keyed.map((name) => [name, item.globals[name] ?? null]));
    const key = sha256(canonicalJson({ format: ENTRY_FORMAT, farm: this.farmVersion, sandbox: SANDBOX, path: item.path, source: sha256(item.source), keyed }));
    return join(this.dir, `${key}.json`);
  }

  /**
   * The recorded evaluation of `item` if it still holds; undefined (a miss) otherwise. Reads
   * synchronously: a few hundred small files read one after another take a tenth of the time
   * they take through the thread pool (measured: 3 ms against 35-60 ms for 140 entries).
   */
  lookup(item: EvalItem): EvalRecord | undefined {
    const text = readIfThere(this.entryPath(item), 'utf8');
    const entry = text === undefined ? 'absent' : decodeEntry(text, { farmVersion: this.farmVersion, path: item.path });
    if (entry === 'corrupt') this.stats.corrupt++;
    if (typeof entry === 'string' || !this.holds(entry, item.globals)) {
      this.stats.misses++;
      return undefined;
    }
    this.stats.hits++;
    return entry;
  }

  private holds(entry: EvalRecord, globals: Readonly<Record<string, unknown>>): boolean {
    for (const read of entry.reads) {
      const now = valueAtPath(globals, read.path);
      if (now === undefined || !sameJson(now.value, read.value)) return false;
    }
    for (const path of entry.tables) {
      const now = valueAtPath(globals, path);
      if (now === undefined || typeof now.value !== 'object' || now.value === null) return false;
    }
    for (const [path, sum] of Object.entries(entry.files)) {
      const bytes = readIfThere(join(this.root, path));
      if (bytes === undefined || sha256(bytes) !== sum) return false;
    }
    return true;
  }

  /**
   * Record an evaluation of `item`. Best effort: a result JSON cannot hold, or a workspace that
   * cannot be written, leaves the cache as it was (the next run evaluates again).
   */
  async store(item: EvalItem, record: EvalRecord): Promise<void> {
    let text: string;
    try {
      const { value, reads, tables, files } = record;
      text = encodeEntry({ format: ENTRY_FORMAT, farm_version: this.farmVersion, path: item.path, value, reads, tables, files });
    } catch {
      return;
    }
    const target = this.entryPath(item);
    const tmp = tempPathFor(target);
    try {
      await mkdir(this.dir, { recursive: true });
      await writeFile(tmp, text, { flag: 'wx' });
      await rename(tmp, target);
      this.stats.stored++;
    } catch {
      await rm(tmp, { force: true }).catch(() => undefined);
    }
  }
}

function sameJson(value: unknown, recorded: string): boolean {
  try {
    return canonicalJson(value) === recorded;
  } catch {
    return false;
  }
}

function readIfThere(path: string): Buffer | undefined;
function readIfThere(path: string, encoding: 'utf8'): string | undefined;
function readIfThere(path: string, encoding?: 'utf8'): Buffer | string | undefined {
  try {
    return encoding === undefined ? readFileSync(path) : readFileSync(path, encoding);
  } catch {
    return undefined;
  }
}
