import { EM_386, EM_X86_64, ET_DYN, ET_EXEC, isElf, parseElf, type ElfInfo, type ReadAt } from './elf.js';
import type { Rule } from './rules.js';
import { compilePatterns, patternsFor, scanBuffer, scanChunks, type FileKind, type LeakPattern } from './scan.js';
import type { FileContent, TreeEntry } from './tree.js';

/** Files up to this size are read in one piece; larger ones are streamed in chunks. */
const WHOLE_FILE_LIMIT = 16 * 1024 * 1024;
/** Files read at once, so that reading one and scanning another overlap. */
const IN_FLIGHT = 8;

const SUCKS = /^sucks(\/|$)/;
/**
 * GRUB's BIOS platform: its kernel and modules are 32-bit x86 code that the firmware's boot
 * path runs before any Stasis kernel, so ELF32 i386 is their right machine (only there).
 */
const BIOS_BOOT_CODE = /^usr\/lib\/grub\/i386-pc\//;
const ET_REL = 1;
const AR_MAGIC = Buffer.from('!<arch>\n');
/** A loader of glibc's (x86_64's ld-linux-x86-64.so.2, i386's ld-linux.so.2). */
const GLIBC_INTERP = /(^|\/)ld-linux[^/]*$/;

/** Where a check reports what it found. */
export type AddFinding = (rule: Rule, entry: TreeEntry, detail: string) => void;

/** A regular file of the tree with something to read. */
export interface FileToRead {
  readonly entry: TreeEntry;
  readonly content: FileContent;
}

export interface ContentRules {
  readonly patterns: readonly LeakPattern[];
  /** Packages allowed to be dynamic under /sucks. */
  readonly sucks: ReadonlySet<string>;
}

/**
 * The checks of file contents: ELF linkage, and purity leaks. Each file is read once.
 * Returns how many of the files are ELF files.
 */
export async function checkContents(files: readonly FileToRead[], rules: ContentRules, add: AddFinding): Promise<number> {
  const scans = new Map<FileKind, Scan>((['linked', 'object', 'other'] as const).map((k) => [k, scanOf(patternsFor(rules.patterns, k))]));
  let elfFiles = 0;
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const item = files[next++];
      if (item !== undefined && (await checkFile(item, rules.sucks, scans, add))) elfFiles++;
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return elfFiles;
}

/** The patterns for one kind of file, with their regular expression compiled once. */
interface Scan {
  readonly patterns: readonly LeakPattern[];
  readonly re: RegExp | undefined;
}

function scanOf(patterns: readonly LeakPattern[]): Scan {
  return { patterns, re: compilePatterns(patterns) };
}

/** Check one file; true when it is an ELF file. */
async function checkFile({ entry, content }: FileToRead, sucks: ReadonlySet<string>, scans: ReadonlyMap<FileKind, Scan>, add: AddFinding): Promise<boolean> {
  const whole = entry.size <= WHOLE_FILE_LIMIT && content.readAll !== undefined ? await content.readAll() : undefined;
  const readAt: ReadAt = whole === undefined ? content.readAt : (o, l) => Promise.resolve(whole.subarray(o, o + l));
  const head = await readAt(0, 64);
  const elf = isElf(head);
  const info = elf ? await parseElf(readAt, entry.size) : undefined;
  if (info !== undefined) checkElf(info, entry, sucks, add);
  const kind = kindOf(head, info);
  const scan = scans.get(kind) as Scan;
  const leaks = whole !== undefined ? scanBuffer(whole, scan.patterns, scan.re) : await scanChunks(content.chunks(), scan.patterns);
  for (const p of leaks) add(p.rule, entry, `contains "${p.label}"`);
  return elf;
}

/** Linked: an x86_64 ELF executable or shared object, read whole by parseElf; object: ET_REL or an ar archive. */
function kindOf(head: Buffer, info: ElfInfo | undefined): FileKind {
  if (info?.class64 === true && info.machine === EM_X86_64 && (info.type === ET_EXEC || info.type === ET_DYN)) return 'linked';
  if (info?.type === ET_REL || head.subarray(0, AR_MAGIC.length).equals(AR_MAGIC)) return 'object';
  return 'other';
}

/**
 * Linkage: static x86_64 (but under /sucks, for the packages allowed there), no TEXTREL, no exec
 * stack, stripped (executables and shared objects: a relocatable object keeps its symbols to be
 * linked); and what a linked file's dynamic data says of glibc: its loader, its symbol versions.
 */
function checkElf(elf: ElfInfo, entry: TreeEntry, sucks: ReadonlySet<string>, add: AddFinding): void {
  const biosCode = BIOS_BOOT_CODE.test(entry.path) && !elf.class64 && elf.machine === EM_386;
  if ((!elf.class64 || elf.machine !== EM_X86_64) && !biosCode)
    add('elf-foreign-arch', entry, `machine ${elf.machine}, ${elf.class64 ? 'ELF64' : 'ELF32'} (only x86_64 is a Stasis target)`);
  const dynamic = elf.interp || elf.needed > 0;
  const mayBeDynamic = SUCKS.test(entry.path) && (entry.package === undefined || sucks.has(entry.package));
  if (dynamic && !mayBeDynamic)
    add('elf-dynamic', entry, elf.interp ? `has an interpreter (PT_INTERP)${elf.needed > 0 ? ` and ${elf.needed} DT_NEEDED` : ''}` : `${elf.needed} DT_NEEDED`);
  if (elf.interpPath !== undefined && GLIBC_INTERP.test(elf.interpPath)) add('builder-path', entry, `its loader (PT_INTERP) is glibc's ${elf.interpPath}`);
  const glibc = elf.versionNeeds.filter((v) => v.startsWith('GLIBC_'));
  if (glibc.length > 0) add('glibc-version', entry, `needs glibc's symbol version${glibc.length > 1 ? 's' : ''} ${glibc.join(', ')} (DT_VERNEED)`);
  if (elf.textrel) add('elf-textrel', entry, 'text relocations (DT_TEXTREL)');
  if (elf.execStack) add('elf-execstack', entry, 'executable stack (PT_GNU_STACK has PF_X)');
  if (elf.symtab && (elf.type === ET_EXEC || elf.type === ET_DYN))
    add('elf-unstripped', entry, 'not stripped: has a symbol table (.symtab); the recipe sets strip = false or its build strips nothing');
}
