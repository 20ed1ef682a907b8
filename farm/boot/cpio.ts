/** One member of a newc ("070701") cpio archive, as the kernel unpacks an initramfs. */
export interface CpioMember {
  readonly name: string;
  /** st_mode: file type bits and permissions. */
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly ino: number;
  readonly nlink: number;
  readonly mtime: number;
  readonly rdevMajor?: number;
  readonly rdevMinor?: number;
  readonly data?: Buffer;
}

export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;
export const S_IFBLK = 0o060000;
export const S_IFIFO = 0o010000;

const TRAILER = 'TRAILER!!!';
const hex = (n: number): string => {
  if (!Number.isInteger(n) || n < 0 || n > 0xffffffff) throw new RangeError(`cpio field out of range: ${n}`);
  return n.toString(16).padStart(8, '0');
};
const pad4 = (n: number): Buffer => Buffer.alloc((4 - (n % 4)) % 4);

/** The header, name and padding of one member (the data follows, padded to 4). */
function header(m: CpioMember, size: number): Buffer {
  const name = Buffer.from(m.name + '\0', 'utf8');
  const fields = [m.ino, m.mode, m.uid, m.gid, m.nlink, m.mtime, size, 0, 0, m.rdevMajor ?? 0, m.rdevMinor ?? 0, name.length, 0];
  const head = Buffer.from('070701' + fields.map(hex).join(''), 'ascii');
  return Buffer.concat([head, name, pad4(head.length + name.length)]);
}

/** One member as bytes: header, name, data, each padded to 4 bytes. */
export function encodeMember(m: CpioMember): Buffer {
  const data = m.data ?? Buffer.alloc(0);
  return Buffer.concat([header(m, data.length), data, pad4(data.length)]);
}

/** The member that ends every archive. */
export const trailer = (): Buffer => encodeMember({ name: TRAILER, mode: 0, uid: 0, gid: 0, ino: 0, nlink: 1, mtime: 0 });
