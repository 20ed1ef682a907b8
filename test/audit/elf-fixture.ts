/** Minimal ELF64 files for audit fixtures, written byte by byte. */
export interface ElfSpec {
  readonly machine?: number;
  readonly interp?: boolean;
  /** The loader PT_INTERP names (default: musl's, when `interp`). */
  readonly interpPath?: string;
  /** Symbol versions needed (DT_VERNEED, one Verneed entry for libc.so.6), e.g. `GLIBC_2.14`. */
  readonly versionNeeds?: readonly string[];
  /** e_type (default 2, ET_EXEC). */
  readonly type?: number;
  readonly needed?: number;
  readonly textrel?: boolean;
  readonly stackFlags?: number;
  readonly extra?: string;
  readonly class32?: boolean;
  /** A section header table with a null section and this section type (2: SHT_SYMTAB, 11: SHT_DYNSYM). */
  readonly sectionType?: number;
}

export function makeElf(spec: ElfSpec = {}): Buffer {
  const phdrs: { type: number; flags: number; data?: Buffer }[] = [];
  if (spec.interp === true || spec.interpPath !== undefined) phdrs.push({ type: 3, flags: 4, data: Buffer.from(`${spec.interpPath ?? '/lib/ld-musl-x86_64.so.1'}\0`) });
  const needs = spec.versionNeeds ?? [];
  // Version needs: a string table and the Verneed chain ride in PT_NOTE segments; one PT_LOAD
  // maps the whole file at address 0, so an address in the dynamic section is a file offset.
  const fixed = phdrs.length + (needs.length > 0 ? 3 : 0) + ((spec.needed ?? 0) > 0 || spec.textrel === true || needs.length > 0 ? 1 : 0) + 1;
  const at = 64 + 56 * fixed + phdrs.reduce((n, p) => n + (p.data?.length ?? 0), 0);
  const dyn: [number, number][] = [];
  for (let i = 0; i < (spec.needed ?? 0); i++) dyn.push([1, 1]);
  if (spec.textrel === true) dyn.push([22, 0]);
  if (needs.length > 0) {
    const strtab = Buffer.from(`\0libc.so.6\0${needs.map((n) => `${n}\0`).join('')}`);
    const verneed = Buffer.alloc(16 + 16 * needs.length);
    verneed.writeUInt16LE(1, 0);
    verneed.writeUInt16LE(needs.length, 2);
    verneed.writeUInt32LE(1, 4);
    verneed.writeUInt32LE(16, 8);
    let name = 11;
    needs.forEach((n, i) => {
      const o = 16 + 16 * i;
      verneed.writeUInt32LE(name, o + 8);
      verneed.writeUInt32LE(i + 1 < needs.length ? 16 : 0, o + 12);
      name += n.length + 1;
    });
    phdrs.push({ type: 1, flags: 4 });
    phdrs.push({ type: 4, flags: 4, data: strtab });
    phdrs.push({ type: 4, flags: 4, data: verneed });
    dyn.push([5, at], [10, strtab.length], [0x6ffffffe, at + strtab.length], [0x6fffffff, 1]);
  }
  if (dyn.length > 0) {
    const b = Buffer.alloc((dyn.length + 1) * 16);
    dyn.forEach(([t, v], i) => {
      b.writeBigInt64LE(BigInt(t), i * 16);
      b.writeBigUInt64LE(BigInt(v), i * 16 + 8);
    });
    phdrs.push({ type: 2, flags: 6, data: b });
  }
  phdrs.push({ type: 0x6474e551, flags: spec.stackFlags ?? 6 });
  const header = Buffer.alloc(64);
  Buffer.from([0x7f, 0x45, 0x4c, 0x46, spec.class32 === true ? 1 : 2, 1, 1]).copy(header);
  header.writeUInt16LE(spec.type ?? 2, 16);
  header.writeUInt16LE(spec.machine ?? 62, 18);
  header.writeUInt32LE(1, 20);
  header.writeBigUInt64LE(64n, 32);
  header.writeUInt16LE(64, 52);
  header.writeUInt16LE(56, 54);
  header.writeUInt16LE(phdrs.length, 56);
  const table = Buffer.alloc(56 * phdrs.length);
  let offset = 64 + table.length;
  const bodies: Buffer[] = [];
  phdrs.forEach((p, i) => {
    const o = i * 56;
    table.writeUInt32LE(p.type, o);
    table.writeUInt32LE(p.flags, o + 4);
    if (p.type === 1) table.writeBigUInt64LE(1n << 20n, o + 32);
    if (p.data !== undefined) {
      table.writeBigUInt64LE(BigInt(offset), o + 8);
      table.writeBigUInt64LE(BigInt(p.data.length), o + 32);
      table.writeBigUInt64LE(BigInt(p.data.length), o + 40);
      bodies.push(p.data);
      offset += p.data.length;
    }
  });
  const code = Buffer.from(spec.extra ?? 'static code\0');
  if (spec.sectionType === undefined) return Buffer.concat([header, table, ...bodies, code]);
  const shoff = offset + code.length;
  const sections = Buffer.alloc(2 * 64);
  sections.writeUInt32LE(spec.sectionType, 64 + 4);
  header.writeBigUInt64LE(BigInt(shoff), 40);
  header.writeUInt16LE(64, 58);
  header.writeUInt16LE(2, 60);
  return Buffer.concat([header, table, ...bodies, code, sections]);
}
