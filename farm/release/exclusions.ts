import { readFile } from 'node:fs/promises';
import { FarmError } from '../errors/index.js';
import { readYamlList } from '../validate/yaml-list.js';
import type { Exclusion } from './compare.js';

/**
 * Parse a stage-comparison exclusion file:
 *   - package: busybox
 *     path: usr/share/doc/**     # optional; the whole package when absent
 *     reason: why this difference is acceptable
 */
export function parseExclusions(text: string, file: string): Exclusion[] {
  return readYamlList(text, file, 'exclusions', ['package', 'path', 'reason'], (r, o, at): Exclusion | undefined => {
    const pkg = r.string(o, 'package', at, { pattern: /./, what: 'a package name' });
    const path = r.string(o, 'path', at, { optional: true });
    const reason = typeof o['reason'] === 'string' ? o['reason'].trim() : undefined;
    if (reason === undefined || reason.length < 3) r.fail(`${at}.reason`, 'every exclusion needs a reason (a few words)');
    if (pkg === undefined || reason === undefined || reason.length < 3) return undefined;
    return { package: pkg, path, reason };
  });
}

export async function loadExclusions(file: string | undefined): Promise<Exclusion[]> {
  if (file === undefined) return [];
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new FarmError('CONFIG_INVALID', `${file}: cannot read the exclusion file`, { cause: error });
  }
  return parseExclusions(text, file);
}
