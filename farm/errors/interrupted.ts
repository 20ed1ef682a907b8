import { FarmError } from './farm-error.js';

/** The error every step throws once the run was interrupted (SIGINT/SIGTERM); `cause`: what the interruption broke off. */
export function interrupted(what = 'interrupted', cause?: unknown): FarmError {
  return new FarmError('INTERRUPTED', what, { cause });
}

/** Throw INTERRUPTED when `signal` was aborted: called between steps that must not start after a Ctrl-C. */
export function checkInterrupted(signal: AbortSignal | undefined, what?: string): void {
  if (signal?.aborted === true) throw interrupted(what);
}

/**
 * `work`, or INTERRUPTED as soon as `signal` aborts, for steps that cannot be
 * stopped themselves and own nothing to clean up (evaluating Lua, an engine
 * ping): the work is abandoned, its outcome ignored.
 */
export async function untilInterrupted<T>(work: Promise<T>, signal: AbortSignal | undefined, what?: string): Promise<T> {
  if (signal === undefined) return work;
  work.catch(() => {});
  checkInterrupted(signal, what);
  let onAbort = (): void => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(interrupted(what));
  });
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
