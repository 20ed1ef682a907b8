/** What the audit needs to know of an ELF file. */
export interface ElfInfo {
  readonly class64: boolean;
  readonly machine: number;
  readonly interp: boolean;
  /** The loader PT_INTERP names (undefined when there is none). */
  readonly interpPath: string | undefined;
  readonly needed: number;
  /** The symbol versions the file needs from its libraries (DT_VERNEED), e.g. `GLIBC_2.14`. */
  readonly versionNeeds: readonly string[];
  readonly textrel: boolean;
  /** PT_GNU_STACK with PF_X. */
  readonly execStack: boolean;
  readonly hasDynamic: boolean;
  readonly type: number;
  /** Has a symbol table section (SHT_SYMTAB, `.symtab`): not stripped. */
  readonly symtab: boolean;
}

export const EM_X86_64 = 62;
/** e_machine of 32-bit x86 (i386). */
export const EM_386 = 3;
/** e_type of an executable and of a shared object (or PIE): files that are linked, not linked into. */
export const ET_EXEC = 2;
export const ET_DYN = 3;
const PT_LOAD = 1;
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const PT_GNU_STACK = 0x6474e551;
const PF_X = 1;
const DT_NEEDED = 1;
const DT_TEXTREL = 22;
const DT_FLAGS = 30;
const DF_TEXTREL = 4;
const DT_STRTAB = 5;
const DT_STRSZ = 10;
const DT_VERNEED = 0x6ffffffe;
const DT_VERNEEDNUM = 0x6fffffff;
/** Version needs read at most (a file with more is not one the farm built). */
const MAX_VERNEED = 4096;
const SHT_SYMTAB = 2;
const SHDR_SIZE = 64;

export function isElf(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46;
}

/** Reads `length` bytes at `offset` (a buffer slice or a positional file read). */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

/**
 * Parse the parts of an ELF file that decide linkage: program headers and the
 * dynamic section. Only little-endian ELF64 is parsed fully; anything else
 * reports its machine so the audit can call it foreign.
 */
export async function parseElf(readAt: ReadAt, size: number): Promise<ElfInfo | undefined> {
  const h = await readAt(0, 64);
  if (!isElf(h) || h.length < 20) return undefined;
  const class64 = h[4] === 2;
  const le = h[5] === 1;
  const machine = le ? h.readUInt16LE(18) : h.readUInt16BE(18);
  const type = le ? h.readUInt16LE(16) : h.readUInt16BE(16);
  const base = {
    class64,
    machine,
    type,
    interp: false,
    interpPath: undefined,
    needed: 0,
    versionNeeds: [],
    textrel: false,
    execStack: false,
    hasDynamic: false,
    symtab: false,
  };
  if (!class64 || !le || h.length < 64) return base;
  const symtab = await hasSymtab(readAt, h, size);
  const phoff = Number(h.readBigUInt64LE(32));
  const phentsize = h.readUInt16LE(54);
  const phnum = h.readUInt16LE(56);
  if (phentsize < 56 || phoff + phentsize * phnum > size) return { ...base, symtab };
  const ph = await readAt(phoff, phentsize * phnum);
  let interp: { off: number; size: number } | undefined;
  let stack: number | undefined;
  let dyn: { off: number; size: number } | undefined;
  const loads: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const o = i * phentsize;
    const ptype = ph.readUInt32LE(o);
    const flags = ph.readUInt32LE(o + 4);
    const off = Number(ph.readBigUInt64LE(o + 8));
    const filesz = Number(ph.readBigUInt64LE(o + 32));
    if (ptype === PT_INTERP) interp = { off, size: filesz };
    if (ptype === PT_GNU_STACK) stack = flags;
    if (ptype === PT_DYNAMIC) dyn = { off, size: filesz };
    if (ptype === PT_LOAD) loads.push({ off, vaddr: Number(ph.readBigUInt64LE(o + 16)), size: filesz });
  }
  const interpPath =
    interp !== undefined && interp.size > 0 && interp.size < 4096 && interp.off + interp.size <= size ? cString(await readAt(interp.off, interp.size), 0) : undefined;
  const tags = dyn !== undefined && dyn.off + dyn.size <= size ? dynamicTags(await readAt(dyn.off, dyn.size)) : [];
  const needed = tags.filter(([t]) => t === DT_NEEDED).length;
  const textrel = tags.some(([t, v]) => t === DT_TEXTREL || (t === DT_FLAGS && (v & DF_TEXTREL) !== 0));
  const execStack = stack !== undefined && (stack & PF_X) !== 0;
  const versionNeeds = await readVersionNeeds(readAt, size, new Map(tags), loads);
  return { ...base, interp: interp !== undefined, interpPath, needed, versionNeeds, textrel, execStack, hasDynamic: dyn !== undefined, symtab };
}

interface Segment {
  readonly off: number;
  readonly vaddr: number;
  readonly size: number;
}

/** The dynamic section's (tag, value) pairs up to DT_NULL. */
function dynamicTags(d: Buffer): [number, number][] {
  const out: [number, number][] = [];
  for (let o = 0; o + 16 <= d.length; o += 16) {
    const tag = Number(d.readBigInt64LE(o));
    if (tag === 0) break;
    out.push([tag, Number(d.readBigUInt64LE(o + 8))]);
  }
  return out;
}

/** The file offset of a virtual address, through the PT_LOAD segment that maps it. */
function fileOffset(vaddr: number, loads: readonly Segment[]): number | undefined {
  const seg = loads.find((s) => vaddr >= s.vaddr && vaddr < s.vaddr + s.size);
  return seg === undefined ? undefined : seg.off + (vaddr - seg.vaddr);
}

function cString(buf: Buffer, at: number): string {
  const end = buf.indexOf(0, at);
  return buf.toString('latin1', at, end === -1 ? buf.length : end);
}

/**
 * The version names of DT_VERNEED (Elf64_Verneed entries, each with its Elf64_Vernaux list),
 * found through the dynamic section and the PT_LOAD segments, so a file without section
 * headers is read too. Anything out of bounds ends the walk.
 */
async function readVersionNeeds(readAt: ReadAt, size: number, tags: ReadonlyMap<number, number>, loads: readonly Segment[]): Promise<string[]> {
  const strAddr = tags.get(DT_STRTAB);
  const strSize = tags.get(DT_STRSZ);
  const needAddr = tags.get(DT_VERNEED);
  const count = Math.min(tags.get(DT_VERNEEDNUM) ?? 0, MAX_VERNEED);
  if (strAddr === undefined || strSize === undefined || needAddr === undefined || count === 0) return [];
  const strOff = fileOffset(strAddr, loads);
  let at = fileOffset(needAddr, loads);
  if (strOff === undefined || at === undefined || strOff + strSize > size) return [];
  const strings = await readAt(strOff, strSize);
  const names: string[] = [];
  for (let i = 0; i < count && at + 16 <= size; i++) {
    const vn = await readAt(at, 16);
    const cnt = vn.readUInt16LE(2);
    let aux = at + vn.readUInt32LE(8);
    for (let j = 0; j < Math.min(cnt, MAX_VERNEED) && aux + 16 <= size; j++) {
      const a = await readAt(aux, 16);
      const name = a.readUInt32LE(8);
      if (name < strings.length) names.push(cString(strings, name));
      const next = a.readUInt32LE(12);
      if (next === 0) break;
      aux += next;
    }
    const next = vn.readUInt32LE(12);
    if (next === 0) break;
    at += next;
  }
  return names;
}

/** Whether the section header table (little-endian ELF64 header `h`) lists an SHT_SYMTAB section. */
async function hasSymtab(readAt: ReadAt, h: Buffer, size: number): Promise<boolean> {
  const shoff = Number(h.readBigUInt64LE(40));
  const shentsize = h.readUInt16LE(58);
  const shnum = h.readUInt16LE(60);
  if (shoff === 0 || shnum === 0 || shentsize < SHDR_SIZE || shoff + shentsize * shnum > size) return false;
  const sh = await readAt(shoff, shentsize * shnum);
  for (let i = 0; i < shnum; i++) if (sh.readUInt32LE(i * shentsize + 4) === SHT_SYMTAB) return true;
  return false;
}
