/**
 * Canonical JSON: object keys sorted (by UTF-16 code units), no whitespace, arrays in
 * order, strings and numbers as JSON.stringify writes them. Only strings, finite numbers,
 * booleans, null, arrays and plain objects are accepted; an object property whose value
 * is `undefined` is left out (as JSON does), so a value survives a JSON round trip with
 * the same encoding. Anything else (undefined in an array, NaN, bigint, Map, Date,
 * class instances, cycles) is a programmer error and throws.
 */
export function canonicalJson(value: unknown): string {
  return encode(value, '$', new Set());
}

function encode(value: unknown, path: string, open: Set<object>): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${String(value)}`);
      return JSON.stringify(value);
    case 'object':
      return encodeObject(value, path, open);
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}`);
  }
}

function encodeObject(value: object, path: string, open: Set<object>): string {
  if (open.has(value)) throw new TypeError(`canonicalJson: ${path} refers to itself`);
  open.add(value);
  try {
    if (Array.isArray(value)) return `[${Array.from(value as unknown[], (v, i) => encode(v, `${path}[${i}]`, open)).join(',')}]`;
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) throw new TypeError(`canonicalJson: ${path} is not a plain object`);
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${encode(v, `${path}.${key}`, open)}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    open.delete(value);
  }
}
