import { FarmError } from '../../farm/errors/index.js';

/** The FarmError `fn` throws; any other outcome fails the test. */
export function farmError(fn: () => unknown): FarmError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FarmError) return error;
    throw error;
  }
  throw new Error('expected a FarmError');
}
