import { readFile, rename, writeFile } from 'node:fs/promises';
import { FarmError } from '../errors/index.js';

/**
 * One package's build as `status --write` recorded it (docs/status-record.json, beside the
 * table it writes): what a later run, on this machine or another one whose cache does not hold
 * the package, shows as a recorded build while the recipe is unchanged.
 */
export interface RecordedBuild {
  readonly version: string;
  /** recipeFingerprint of the recipe that was built (keys/compute.ts). */
  readonly recipe: string;
  /** sha256 of the normalized output tar; empty for a build carried over from a table that did not keep it (see `from`). */
  readonly output: string;
  readonly bytes: number;
  readonly ms: number;
  /** The audit column as it was: `clean (N ELF)`, `N finding(s): ...`, or the builder tool's line. */
  readonly audit: string;
  /** The day it was recorded, YYYY-MM-DD (UTC). */
  readonly date: string;
  /**
   * Where a build recorded before this record existed comes from: the status table (docs/status.md
   * at a commit) that a `--write` on another machine generated from its cache. Absent for a build
   * this record took from a cache.
   */
  readonly from?: string;
}

export type StatusRecord = Readonly<Record<string, RecordedBuild>>;

const FIELDS: Readonly<Record<Exclude<keyof RecordedBuild, 'from'>, 'string' | 'number'>> = {
  version: 'string',
  recipe: 'string',
  output: 'string',
  bytes: 'number',
  ms: 'number',
  audit: 'string',
  date: 'string',
};

/** The record (empty when the file is absent); a malformed one is CONFIG_INVALID naming the file and the entry. */
export async function readStatusRecord(file: string): Promise<StatusRecord> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new FarmError('CONFIG_INVALID', `${file}: cannot read the status record`, { cause: error });
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new FarmError('CONFIG_INVALID', `${file}: not JSON`, { cause: error, hint: 'regenerate it with `stasis-farm status --write docs/status.md`' });
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new FarmError('CONFIG_INVALID', `${file}: expected an object of packages`);
  for (const [pkg, entry] of Object.entries(data as Record<string, unknown>)) {
    const bad = badField(entry);
    if (bad !== undefined) throw new FarmError('CONFIG_INVALID', `${file}: ${pkg}: ${bad}`);
  }
  return data as StatusRecord;
}

function badField(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return 'expected an object';
  const o = entry as Record<string, unknown>;
  for (const [field, type] of Object.entries(FIELDS)) if (typeof o[field] !== type) return `${field}: expected a ${type}`;
  if (o['from'] !== undefined && typeof o['from'] !== 'string') return 'from: expected a string';
  return undefined;
}

/** Written whole (a temporary file renamed over it), packages in name order. */
export async function writeStatusRecord(file: string, record: StatusRecord): Promise<void> {
  const sorted = Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(sorted, null, 1)}\n`);
  await rename(tmp, file);
}
