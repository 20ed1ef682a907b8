import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { prerequisite } from './prerequisite.js';

/**
 * The shared mirror of real upstream sources: the directory named by STASIS_MIRROR (of a space-
 * or comma-separated list, the one with a SHA256SUMS). CI sets it (.ci/run); no test looks for it
 * beside the checkout. Undefined, with a notice naming `tests`, when it is missing outside CI.
 */
export function sharedMirror(tests: string): string | undefined {
  const listed = (process.env['STASIS_MIRROR'] ?? '').split(/[\s,]+/).filter((m) => m !== '');
  const found = listed.find((m) => existsSync(join(m, 'SHA256SUMS')));
  if (found !== undefined) return found;
  const problem =
    listed.length === 0
      ? 'STASIS_MIRROR is not set; point it at the shared source mirror (a directory with SHA256SUMS)'
      : `no directory in STASIS_MIRROR (${listed.join(', ')}) has a SHA256SUMS`;
  prerequisite(tests, problem);
  return undefined;
}
