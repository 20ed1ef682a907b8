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

/** What an entry file holds after its first line: the record and what it was made for. */
interface EntryBody extends EvalRecord {
  readonly format: number;
  readonly farm_version: string;
  readonly path: string;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');
const HEADER = /^stasis-eval-cache ([0-9a-f]{64})\n/;

/** The entry file: a first line with the sha256 of the rest, then the body as JSON. */
export function encodeEntry(body: EntryBody): string {
  // What JSON cannot hold as it is (an infinite number) is refused here, never stored changed.
  canonicalJson(body.value);
  const text = JSON.stringify(body);
  return `stasis-eval-cache ${sha256(text)}\n${text}`;
}

/**
 * The entry in `text` if it is whole and made for `expected` (format, farm version, path);
 * 'corrupt' when it cannot be read or its checksum fails, 'stale' when it is for another farm.
 */
export function decodeEntry(text: string, expected: { readonly farmVersion: string; readonly path: string }): EvalRecord | 'corrupt' | 'stale' {
  const header = HEADER.exec(text);
  if (header === null) return 'corrupt';
  const rest = text.slice(header[0].length);
  if (sha256(rest) !== header[1]) return 'corrupt';
  let body: unknown;
  try {
    body = JSON.parse(rest);
  } catch {
    return 'corrupt';
  }
  if (!isBody(body)) return 'corrupt';
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
