import { createHash } from 'node:crypto';
import { canonicalJson } from '../encoding/canonical-json.js';
import type { RecordedRead } from '../lua/index.js';

/** Bump when an entry's fields change meaning; older entries are then misses. */
export const ENTRY_FORMAT = 1;

/** What one evaluation left: its result and everything the result depends on beyond the file's bytes. */
export interface EvalRecord {
  readonly value: unknown;
  /** Every value read from the globals (path and canonical JSON), as the sandbox recorded them. */
  readonly reads: readonly RecordedRead[];
  /** Paths read as tables. */
  readonly tables: readonly string[];
  /** sha256 of other files the result stands for (a recipe's patches and files), by path under the project root. */
  readonly files: Readonly<Record<string, string>>;
}

/** An entry file: the record, what it was made for, and a checksum over all of it. */
interface EntryBody extends EvalRecord {
  readonly format: number;
  readonly farm_version: string;
  readonly path: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

export function encodeEntry(body: EntryBody): string {
  const text = canonicalJson(body);
  return `${JSON.stringify({ sha256: sha256(text), body })}\n`;
}

/**
 * The entry in `text` if it is whole and made for `expected` (format, farm version, path);
 * 'corrupt' when it cannot be read or its checksum fails, 'stale' when it is for another farm.
 */
export function decodeEntry(text: string, expected: { readonly farmVersion: string; readonly path: string }): EvalRecord | 'corrupt' | 'stale' {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'corrupt';
  }
  if (typeof parsed !== 'object' || parsed === null) return 'corrupt';
  const { sha256: sum, body } = parsed as { sha256?: unknown; body?: unknown };
  if (typeof sum !== 'string' || !isBody(body)) return 'corrupt';
  let canonical: string;
  try {
    canonical = canonicalJson(body);
  } catch {
    return 'corrupt';
  }
  if (sha256(canonical) !== sum) return 'corrupt';
  if (body.format !== ENTRY_FORMAT || body.farm_version !== expected.farmVersion || body.path !== expected.path) return 'stale';
  return { value: body.value, reads: body.reads, tables: body.tables, files: body.files };
}

function isBody(v: unknown): v is EntryBody {
  if (typeof v !== 'object' || v === null) return false;
  const b = v as Record<string, unknown>;
  const reads = b['reads'];
  const tables = b['tables'];
  const files = b['files'];
  return (
    typeof b['format'] === 'number' &&
    typeof b['farm_version'] === 'string' &&
    typeof b['path'] === 'string' &&
    'value' in b &&
    Array.isArray(reads) &&
    reads.every((r: unknown) => typeof r === 'object' && r !== null && typeof (r as RecordedRead).path === 'string' && typeof (r as RecordedRead).value === 'string') &&
    Array.isArray(tables) &&
    tables.every((t: unknown) => typeof t === 'string') &&
    typeof files === 'object' &&
    files !== null &&
    !Array.isArray(files) &&
    Object.values(files).every((s: unknown) => typeof s === 'string')
  );
}
