import { gunzipSync } from 'node:zlib';

export interface ParsedMember {
  readonly name: string;
  readonly ino: number;
  readonly mode: number;
  readonly uid: number;
  readonly gid: number;
  readonly nlink: number;
  readonly mtime: number;
  readonly rdevMajor: number;
  readonly rdevMinor: number;
  readonly data: Buffer;
}

const align4 = (n: number): number => (n + 3) & ~3;

/** Read a gzip'd newc archive back (a test reader, independent of the writer). */
export function parseNewc(gz: Buffer): ParsedMember[] {
  const buf = gunzipSync(gz);
  const out: ParsedMember[] = [];
  let at = 0;
  for (;;) {
    const magic = buf.toString('ascii', at, at + 6);
    if (magic !== '070701') throw new Error(`bad magic at ${at}: ${magic}`);
    const f = (i: number): number => parseInt(buf.toString('ascii', at + 6 + i * 8, at + 14 + i * 8), 16);
    const [ino, mode, uid, gid, nlink, mtime, size, , , rdevMajor, rdevMinor, namesize] = Array.from({ length: 12 }, (_, i) => f(i));
    const name = buf.toString('utf8', at + 110, at + 110 + (namesize as number) - 1);
    at = align4(at + 110 + (namesize as number));
    const data = buf.subarray(at, at + (size as number));
    at = align4(at + (size as number));
    if (name === 'TRAILER!!!') break;
    out.push({
      name,
      ino: ino as number,
      mode: mode as number,
      uid: uid as number,
      gid: gid as number,
      nlink: nlink as number,
      mtime: mtime as number,
      rdevMajor: rdevMajor as number,
      rdevMinor: rdevMinor as number,
      data: Buffer.from(data),
    });
  }
  if (buf.subarray(at).some((b) => b !== 0)) throw new Error('bytes after the trailer');
  return out;
}
