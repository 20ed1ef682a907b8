/** What the audit needs to know of an ELF file. */
export interface ElfInfo {
  readonly class64: boolean;
  readonly machine: number;
  readonly interp: boolean;
  readonly needed: number;
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
const PT_DYNAMIC = 2;
const PT_INTERP = 3;
const PT_GNU_STACK = 0x6474e551;
const PF_X = 1;
const DT_NEEDED = 1;
const DT_TEXTREL = 22;
const DT_FLAGS = 30;
const DF_TEXTREL = 4;
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
  const base = { class64, machine, type, interp: false, needed: 0, textrel: false, execStack: false, hasDynamic: false, symtab: false };
  if (!class64 || !le || h.length < 64) return base;
  const symtab = await hasSymtab(readAt, h, size);
  const phoff = Number(h.readBigUInt64LE(32));
  const phentsize = h.readUInt16LE(54);
  const phnum = h.readUInt16LE(56);
  if (phentsize < 56 || phoff + phentsize * phnum > size) return { ...base, symtab };
  const ph = await readAt(phoff, phentsize * phnum);
  let interp = false;
  let stack: number | undefined;
  let dyn: { off: number; size: number } | undefined;
  for (let i = 0; i < phnum; i++) {
    const o = i * phentsize;
    const ptype = ph.readUInt32LE(o);
    const flags = ph.readUInt32LE(o + 4);
    if (ptype === PT_INTERP) interp = true;
    if (ptype === PT_GNU_STACK) stack = flags;
    if (ptype === PT_DYNAMIC) dyn = { off: Number(ph.readBigUInt64LE(o + 8)), size: Number(ph.readBigUInt64LE(o + 32)) };
  }
  let needed = 0;
  let textrel = false;
  if (dyn !== undefined && dyn.off + dyn.size <= size) {
    const d = await readAt(dyn.off, dyn.size);
    for (let o = 0; o + 16 <= d.length; o += 16) {
      const tag = Number(d.readBigInt64LE(o));
      const val = Number(d.readBigUInt64LE(o + 8));
      if (tag === 0) break;
      if (tag === DT_NEEDED) needed++;
      if (tag === DT_TEXTREL) textrel = true;
      if (tag === DT_FLAGS && (val & DF_TEXTREL) !== 0) textrel = true;
    }
  }
  const execStack = stack !== undefined && (stack & PF_X) !== 0;
  return { ...base, interp, needed, textrel, execStack, hasDynamic: dyn !== undefined, symtab };
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
