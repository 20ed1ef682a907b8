import { parse } from 'yaml';
import { FarmError } from '../errors/index.js';
import { describe, FieldReader } from './fields.js';

/**
 * Read a YAML file that holds a list of mappings (an audit allowlist, stage-comparison
 * exclusions). Every problem is reported at once, each naming the file and the entry's
 * field (`allow.yaml: [2].reason: ...`); text that is not YAML is a CONFIG_INVALID naming
 * the file and the parser's line. An empty file is an empty list.
 */
export function readYamlList<T>(
  text: string,
  file: string,
  what: string,
  fields: readonly string[],
  item: (r: FieldReader, entry: Record<string, unknown>, path: string) => T | undefined,
): T[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new FarmError('CONFIG_INVALID', `${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  if (data === null || data === undefined) return [];
  const r = new FieldReader(file, 'CONFIG_INVALID');
  if (!Array.isArray(data)) {
    r.fail('', `expected a list of ${what}, got ${describe(data)}`);
    r.throwIfAny();
  }
  const out: T[] = [];
  (data as unknown[]).forEach((raw, i) => {
    const path = `[${i + 1}]`;
    const entry = r.object(raw, path);
    if (entry === undefined) return;
    r.unknownKeys(entry, fields, path);
    const value = item(r, entry, path);
    if (value !== undefined) out.push(value);
  });
  r.throwIfAny();
  return out;
}
