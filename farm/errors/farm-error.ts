/**
 * Typed, user-facing errors. The engine throws these; only the CLI renders them.
 * Programmer errors (bugs) stay plain `Error`s and are reported as such.
 */
export type ErrorCode =
  | 'USAGE'
  | 'CONFIG_MISSING'
  | 'CONFIG_INVALID'
  | 'RECIPE_INVALID'
  | 'LUA_ERROR'
  | 'LUA_TIMEOUT'
  | 'UNKNOWN_PACKAGE'
  | 'GRAPH_CYCLE'
  | 'CHECKSUM_MISMATCH'
  | 'SOURCE_MISSING'
  | 'FETCH_FAILED'
  | 'UNSAFE_ARCHIVE'
  | 'ARCHIVE_INVALID'
  | 'ENGINE_UNAVAILABLE'
  | 'IMAGE_MISSING'
  | 'IMAGE_FAILED'
  | 'IMAGE_IN_USE'
  | 'BUILDER_UNUSABLE'
  | 'IMAGE_MISMATCH'
  | 'BUILD_FAILED'
  | 'WORKSPACE_LOCKED'
  | 'AUDIT_FAILED'
  | 'STAGE_MISMATCH'
  | 'MIRROR_INVALID'
  | 'CACHE_CORRUPT'
  | 'KEY_INVALID'
  | 'RELEASE_TAMPERED'
  | 'RELEASE_INCONSISTENT'
  | 'SIGNATURE_INVALID'
  | 'SIGNATURES_INSUFFICIENT'
  | 'CHALLENGE_REFUSED'
  | 'CHALLENGE_DIFFERS'
  | 'DISK_LAYOUT'
  | 'DISK_REFUSED'
  | 'DISK_FAILED'
  | 'INSTALL_REFUSED'
  | 'INTERRUPTED';

/** Process exit code per error code; documented in `stasis-farm --help`. */
export const EXIT_CODES: Readonly<Record<ErrorCode, number>> = {
  USAGE: 2,
  CONFIG_MISSING: 3,
  CONFIG_INVALID: 3,
  RECIPE_INVALID: 3,
  LUA_ERROR: 3,
  LUA_TIMEOUT: 3,
  UNKNOWN_PACKAGE: 3,
  GRAPH_CYCLE: 3,
  CHECKSUM_MISMATCH: 4,
  SOURCE_MISSING: 4,
  FETCH_FAILED: 4,
  UNSAFE_ARCHIVE: 4,
  ARCHIVE_INVALID: 4,
  MIRROR_INVALID: 4,
  ENGINE_UNAVAILABLE: 5,
  IMAGE_MISSING: 5,
  IMAGE_FAILED: 5,
  IMAGE_IN_USE: 5,
  BUILDER_UNUSABLE: 5,
  IMAGE_MISMATCH: 5,
  BUILD_FAILED: 1,
  AUDIT_FAILED: 1,
  STAGE_MISMATCH: 1,
  CACHE_CORRUPT: 1,
  WORKSPACE_LOCKED: 6,
  KEY_INVALID: 3,
  RELEASE_TAMPERED: 20,
  RELEASE_INCONSISTENT: 21,
  SIGNATURE_INVALID: 22,
  SIGNATURES_INSUFFICIENT: 22,
  CHALLENGE_REFUSED: 23,
  CHALLENGE_DIFFERS: 24,
  DISK_LAYOUT: 25,
  DISK_REFUSED: 25,
  DISK_FAILED: 26,
  INSTALL_REFUSED: 27,
  INTERRUPTED: 130,
};

/** Plain JSON data (no undefined, functions, classes): what `--json` prints as an error's `data`. */
export type ErrorData = string | number | boolean | null | readonly ErrorData[] | { readonly [key: string]: ErrorData };

export interface FarmErrorOptions {
  hint?: string | undefined;
  cause?: unknown;
  /**
   * What a program reading `--json` needs to act on the error without parsing the message
   * (SOURCE_MISSING: every missing source). The message says the same for people.
   */
  data?: { readonly [key: string]: ErrorData } | undefined;
}

export class FarmError extends Error {
  readonly code: ErrorCode;
  readonly hint: string | undefined;
  readonly data: { readonly [key: string]: ErrorData } | undefined;

  constructor(code: ErrorCode, message: string, options: FarmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FarmError';
    this.code = code;
    this.hint = options.hint;
    this.data = options.data;
  }

  get exitCode(): number {
    return EXIT_CODES[this.code];
  }
}

export function isFarmError(value: unknown): value is FarmError {
  return value instanceof FarmError;
}
