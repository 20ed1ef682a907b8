import { FarmError, type ErrorCode } from '../errors/index.js';
import { nearestName } from '../errors/suggest.js';

/**
 * A small reader over plain data that produces errors naming the file and the
 * dotted field path. Used by the config and recipe validators.
 */
export class FieldReader {
  constructor(
    readonly file: string,
    readonly code: ErrorCode,
    readonly errors: string[] = [],
  ) {}

  fail(path: string, message: string): void {
    this.errors.push(`${this.file}: ${path === '' ? '' : `${path}: `}${message}`);
  }

  /** Report keys of `obj` not in `known`, with the nearest known name. */
  unknownKeys(obj: Record<string, unknown>, known: readonly string[], path: string): void {
    for (const key of Object.keys(obj)) {
      if (known.includes(key)) continue;
      const near = nearestName(key, known);
      this.fail(join(path, key), `unknown ${path === '' ? 'option' : 'field'}${near === undefined ? '' : ` (did you mean "${near}"?)`}`);
    }
  }

  object(value: unknown, path: string): Record<string, unknown> | undefined {
    if (Array.isArray(value) && value.length === 0) return {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    this.fail(path, `expected a table of named fields, got ${describe(value)}`);
    return undefined;
  }

  string(obj: Record<string, unknown>, key: string, path: string, opts: { optional?: boolean; pattern?: RegExp; what?: string } = {}): string | undefined {
    const value = obj[key];
    const p = join(path, key);
    if (value === undefined || value === null) {
      if (opts.optional !== true) this.fail(p, 'missing (required)');
      return undefined;
    }
    if (typeof value !== 'string') {
      this.fail(p, `expected a string, got ${describe(value)}`);
      return undefined;
    }
    if (opts.pattern !== undefined && !opts.pattern.test(value)) {
      this.fail(p, `${JSON.stringify(value)} is not ${opts.what ?? `of the form ${opts.pattern}`}`);
      return undefined;
    }
    return value;
  }

  boolean(obj: Record<string, unknown>, key: string, path: string, fallback: boolean): boolean {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.fail(join(path, key), `expected true or false, got ${describe(value)}`);
      return fallback;
    }
    return value;
  }

  /** An integer >= `min`; above `max.value` is an error that says the maximum in words (`max.what`). */
  integer(obj: Record<string, unknown>, key: string, path: string, fallback: number, min = 0, max?: { readonly value: number; readonly what: string }): number {
    const value = obj[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
      this.fail(join(path, key), `expected an integer >= ${min}, got ${describe(value)}`);
      return fallback;
    }
    if (max !== undefined && value > max.value) {
      this.fail(join(path, key), `${value} is more than the maximum, ${max.what}`);
      return fallback;
    }
    return value;
  }

  list(obj: Record<string, unknown>, key: string, path: string): unknown[] {
    const value = obj[key];
    if (value === undefined || value === null) return [];
    if (!Array.isArray(value)) {
      this.fail(join(path, key), `expected a list, got ${describe(value)}`);
      return [];
    }
    return value;
  }

  stringList(obj: Record<string, unknown>, key: string, path: string, opts: { pattern?: RegExp; what?: string } = {}): string[] {
    const out: string[] = [];
    this.list(obj, key, path).forEach((v, i) => {
      const p = `${join(path, key)}[${i + 1}]`;
      if (typeof v !== 'string') this.fail(p, `expected a string, got ${describe(v)}`);
      else if (opts.pattern !== undefined && !opts.pattern.test(v)) this.fail(p, `${JSON.stringify(v)} is not ${opts.what ?? `of the form ${opts.pattern}`}`);
      else out.push(v);
    });
    return out;
  }

  /** Throw one FarmError listing every problem found. */
  throwIfAny(): void {
    if (this.errors.length === 1) throw new FarmError(this.code, this.errors[0] as string);
    if (this.errors.length > 1) throw new FarmError(this.code, `${this.errors.length} problems:\n  ${this.errors.join('\n  ')}`);
  }
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a table';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return `${typeof value} ${String(value)}`;
  // Symbols and functions are not data: their kind is enough.
  return typeof value;
}
