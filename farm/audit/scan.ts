/**
 * What a file is, for the purity rules: a `linked` ELF file (executable or shared object,
 * whose dependencies its program headers and dynamic section state), an `object` (a
 * relocatable ELF object or an `ar` archive of them, linked into programs), or `other`
 * (text, data, and ELF files the audit does not parse: foreign or 32-bit).
 */
export type FileKind = 'linked' | 'object' | 'other';

/** A string whose presence in a file is a purity finding. */
export interface LeakPattern {
  readonly rule: 'build-path' | 'builder-path' | 'glibc-version' | 'host-name' | 'user-name';
  readonly needle: Buffer;
  readonly label: string;
  /** The kinds of file the string is looked for in; absent: every kind. */
  readonly kinds?: readonly FileKind[];
}

/**
 * Find which patterns occur in a file read as chunks. The tail of each chunk is
 * carried into the next so a match across a chunk boundary is found; each byte
 * is read once.
 */
export async function scanChunks(chunks: AsyncIterable<Buffer> | Iterable<Buffer>, patterns: readonly LeakPattern[]): Promise<LeakPattern[]> {
  if (patterns.length === 0) {
    for await (const _ of chunks) void _;
    return [];
  }
  const keep = Math.max(...patterns.map((p) => p.needle.length)) - 1;
  const found = new Set<LeakPattern>();
  let carry: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    const window: Buffer = carry.length === 0 ? chunk : Buffer.concat([carry, chunk]);
    for (const p of patterns) if (!found.has(p) && window.indexOf(p.needle) !== -1) found.add(p);
    carry = window.subarray(Math.max(0, window.length - keep));
  }
  return patterns.filter((p) => found.has(p));
}

export interface PurityOptions {
  readonly buildPaths: readonly string[];
  readonly hostname: string | undefined;
  readonly username: string | undefined;
}

/** Build paths are the farm's container paths; plain `/build` alone would match innocent text. */
export const DEFAULT_BUILD_PATHS = ['/build/src/', '/build/dest', '/build/sysroot', '/build/home'];
export const BUILDER_PATHS = ['/usr/lib/x86_64-linux-gnu', '/usr/lib/gcc/x86_64-linux-gnu', '/usr/include/x86_64-linux-musl'];
/**
 * glibc's loader. In a linked ELF file the loader it runs under is its PT_INTERP, which the
 * ELF check reads (contents.ts); the name elsewhere in its bytes is data, as in gcc's driver,
 * whose `-mglibc` spec names it.
 */
export const GLIBC_LOADER = 'ld-linux-x86-64';

/**
 * The leak patterns. Host and user names shorter than 4 characters, or `root`,
 * are skipped: they occur by chance in any binary and would drown real findings.
 */
export function purityPatterns(options: PurityOptions): LeakPattern[] {
  const out: LeakPattern[] = [];
  for (const p of options.buildPaths) out.push({ rule: 'build-path', needle: Buffer.from(p), label: p });
  for (const p of BUILDER_PATHS) out.push({ rule: 'builder-path', needle: Buffer.from(p), label: p });
  out.push({ rule: 'builder-path', needle: Buffer.from(GLIBC_LOADER), label: GLIBC_LOADER, kinds: ['object', 'other'] });
  // A linked file needs glibc's symbol versions through DT_VERNEED (read by the ELF check); an
  // object refers to one as a versioned symbol name (`memcpy@GLIBC_2.14`). A bare `GLIBC_2.` in
  // either is data, as in binutils' bfd, which handles glibc's versions in what it links.
  out.push({ rule: 'glibc-version', needle: Buffer.from('GLIBC_2.'), label: 'GLIBC_2.', kinds: ['other'] });
  out.push({ rule: 'glibc-version', needle: Buffer.from('@GLIBC_2.'), label: '@GLIBC_2.', kinds: ['object'] });
  const usable = (s: string | undefined): s is string => s !== undefined && s.length >= 4 && s !== 'root' && s !== 'localhost';
  if (usable(options.hostname)) out.push({ rule: 'host-name', needle: Buffer.from(options.hostname), label: options.hostname });
  if (usable(options.username)) out.push({ rule: 'user-name', needle: Buffer.from(options.username), label: options.username });
  return out;
}

/** The patterns looked for in a file of this kind. */
export function patternsFor(patterns: readonly LeakPattern[], kind: FileKind): LeakPattern[] {
  return patterns.filter((p) => p.kinds === undefined || p.kinds.includes(kind));
}

/** One regular expression over all patterns: a single pass per buffer. */
export function compilePatterns(patterns: readonly LeakPattern[]): RegExp | undefined {
  if (patterns.length === 0) return undefined;
  const alternatives = patterns.map((p) => p.needle.toString('latin1').replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  return new RegExp(alternatives.join('|'));
}

/** Which patterns occur in a buffer held whole. */
export function scanBuffer(buf: Buffer, patterns: readonly LeakPattern[], re: RegExp | undefined): LeakPattern[] {
  if (re === undefined) return [];
  const text = buf.toString('latin1');
  if (!re.test(text)) return [];
  return patterns.filter((p) => text.includes(p.needle.toString('latin1')));
}
