import { FarmError } from './farm-error.js';

/** A downloaded or mirrored file whose sha256 is not the one the recipe names. */
export class ChecksumMismatch extends FarmError {
  constructor(
    readonly file: string,
    readonly origin: string,
    readonly wanted: string,
    readonly got: string,
  ) {
    super('CHECKSUM_MISMATCH', `${file} from ${origin}: sha256 mismatch\n  wanted ${wanted}\n  got    ${got}`, {
      hint: 'the file was not stored; fix the mirror copy or the recipe sha256',
    });
  }
}

/** A package build that exited non-zero, was OOM-killed or timed out. */
export class BuildFailed extends FarmError {
  constructor(
    readonly pkg: string,
    readonly reason: string,
    readonly containerExit: number | null,
    readonly logTail: string[],
    readonly logFile: string | undefined,
    hint?: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super('BUILD_FAILED', `${pkg}: build failed (${reason})`, {
      hint: hint ?? (logFile === undefined ? undefined : `full log: ${logFile}`),
      cause: options.cause,
    });
  }
}

/** A package output whose files (apparent sizes, as their tar headers say) pass the limit. */
export class OutputTooLarge extends FarmError {
  constructor(
    readonly limitBytes: number,
    readonly entry: string,
    readonly reachedBytes: number,
  ) {
    super('BUILD_FAILED', `output larger than its limit of ${limitBytes / MIB} MiB: ${reachedBytes} bytes with ${entry}`);
  }
}

const MIB = 1024 * 1024;

/** An archive entry that would escape its target or is not allowed there. */
export class UnsafeArchive extends FarmError {
  constructor(
    readonly archive: string,
    readonly entry: string,
    readonly why: string,
  ) {
    super('UNSAFE_ARCHIVE', `${archive}: refusing entry "${entry}": ${why}`);
  }
}

/**
 * A name in a tree the farm writes (rootfs, stage, initramfs, dist) that would
 * be resolved through a symlink, or onto something that is not what it must be.
 */
export class UnsafePath extends FarmError {
  constructor(
    readonly root: string,
    readonly path: string,
    readonly why: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super('BUILD_FAILED', `${root}: refusing "${path}": ${why}`, {
      hint: 'the farm never follows a symlink inside a tree it writes; a package must not ship a symlink where files are put beneath it',
      cause: options.cause,
    });
  }
}

/** A file that is not a whole, readable tar archive (truncated, corrupt, or no tar at all). */
export class ArchiveInvalid extends FarmError {
  readonly kind: 'empty' | 'truncated' | 'not-an-archive' | 'corrupt';

  constructor(
    readonly archive: string,
    readonly why: string,
    options: { readonly hint?: string | undefined; readonly kind?: ArchiveInvalid['kind']; readonly cause?: unknown } = {},
  ) {
    super('ARCHIVE_INVALID', `${archive}: not a readable tar archive: ${why}`, {
      hint: options.hint ?? 'a release tarball is a .tar (optionally gzip, bzip2 or xz compressed) written whole; make it again',
      cause: options.cause,
    });
    this.kind = options.kind ?? 'corrupt';
  }
}

/** A cache entry whose stored output no longer is what was recorded (a flipped byte, a truncated or missing file). */
export class CacheCorrupt extends FarmError {
  constructor(
    readonly pkg: string,
    readonly key: string,
    readonly why: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super('CACHE_CORRUPT', `${pkg}: cache entry ${key.slice(0, 16)} is corrupt: ${why}`, {
      hint: 'stasis-farm cache verify --evict removes corrupt entries; the next build rebuilds them',
      cause: options.cause,
    });
  }
}

/**
 * A download that could not go through its HTTP proxy: the proxy did not answer, or refused
 * the request (a CONNECT answered with anything but 200, a 407). `proxy` is shown without
 * its password.
 */
export class ProxyFailed extends FarmError {
  constructor(
    readonly proxy: string,
    readonly target: string,
    readonly why: string,
    options: { readonly cause?: unknown } = {},
  ) {
    super('FETCH_FAILED', `proxy ${proxy} ${why} (for ${target})`, {
      hint: "check HTTPS_PROXY / HTTP_PROXY / NO_PROXY (or the mirror's proxy in default.lua); the proxy must be a plain HTTP proxy (http://host:port)",
      cause: options.cause,
    });
  }
}
