import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { FarmError } from '../errors/index.js';

/**
 * The real path of `rel` in the mirror `root`, links resolved: undefined when it
 * does not exist, MIRROR_INVALID when it resolves outside the mirror (a link a
 * copied mirror brought along must not make the farm read host files).
 */
export async function realPathInside(root: string, rel: string): Promise<string | undefined> {
  const top = await realpath(root);
  let real: string;
  try {
    real = await realpath(join(root, rel));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (real !== top && !real.startsWith(top + sep)) {
    throw new FarmError('MIRROR_INVALID', `${join(root, rel)}: leads out of the mirror (to ${real})`, {
      hint: 'a mirror holds its files itself: replace the link with the file',
    });
  }
  return real;
}
