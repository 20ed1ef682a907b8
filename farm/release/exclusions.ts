import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { FarmError } from '../errors/index.js';
import type { Exclusion } from './compare.js';

/**
 * Parse a stage-comparison exclusion file:
 *   - package: busybox
 *     path: usr/share/doc/**     # optional; the whole package when absent
 *     reason: why this difference is acceptable
 */
export function parseExclusions(text: string, file: string): Exclusion[] {
  let data: unknown;
  try {
    data = parse(text);
  } catch (error) {
    throw new FarmError('CONFIG_INVALID', `${file}: not valid YAML: ${(error as Error).message}`);
  }
  if (data === null || data === undefined) return [];
  if (!Array.isArray(data)) throw new FarmError('CONFIG_INVALID', `${file}: expected a list of exclusions`);
  return data.map((raw: unknown, i): Exclusion => {
    const where = `${file}: [${i + 1}]`;
    if (typeof raw !== 'object' || raw === null) throw new FarmError('CONFIG_INVALID', `${where}: expected a mapping`);
    const r = raw as Record<string, unknown>;
    for (const k of Object.keys(r)) {
      if (!['package', 'path', 'reason'].includes(k)) throw new FarmError('CONFIG_INVALID', `${where}.${k}: unknown field (package, path, reason)`);
    }
    if (typeof r['package'] !== 'string' || r['package'] === '') throw new FarmError('CONFIG_INVALID', `${where}.package: a package name is required`);
    if (r['path'] !== undefined && typeof r['path'] !== 'string') throw new FarmError('CONFIG_INVALID', `${where}.path: expected a string`);
    if (typeof r['reason'] !== 'string' || r['reason'].trim().length < 3)
      throw new FarmError('CONFIG_INVALID', `${where}.reason: every exclusion needs a reason`);
    return { package: r['package'], path: r['path'] as string | undefined, reason: r['reason'].trim() };
  });
}

export async function loadExclusions(file: string | undefined): Promise<Exclusion[]> {
  if (file === undefined) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new FarmError('CONFIG_INVALID', `${file}: cannot read the exclusion file`);
  }
  return parseExclusions(text, file);
}
