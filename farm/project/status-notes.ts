import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/** docs/status-notes.yaml: why a package is not built here, by package name (empty when the file is absent). */
export async function readStatusNotes(root: string): Promise<ReadonlyMap<string, string>> {
  const text = await readFile(join(root, 'docs', 'status-notes.yaml'), 'utf8').catch(() => '');
  const data: unknown = parse(text) ?? {};
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return new Map();
  return new Map(Object.entries(data).filter((e): e is [string, string] => typeof e[1] === 'string'));
}
