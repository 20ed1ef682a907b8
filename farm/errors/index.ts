export { FarmError, EXIT_CODES, isFarmError } from './farm-error.js';
export type { ErrorCode, ErrorData, FarmErrorOptions } from './farm-error.js';
export { ArchiveInvalid, CacheCorrupt, ChecksumMismatch, BuildFailed, OutputTooLarge, ProxyFailed, UnsafeArchive, UnsafePath } from './kinds.js';
export { checkInterrupted, interrupted, untilInterrupted } from './interrupted.js';
export { didYouMean, editDistance, nearestName } from './suggest.js';
