/** Bencoding (BitTorrent): integers, byte strings, lists, dictionaries with sorted keys. */
export type BValue = number | string | Buffer | readonly BValue[] | { readonly [key: string]: BValue };

export function bencode(value: BValue): Buffer {
  const parts: Buffer[] = [];
  const walk = (v: BValue): void => {
    if (typeof v === 'number') {
      if (!Number.isInteger(v)) throw new Error('bencode: integers only');
      parts.push(Buffer.from(`i${v}e`));
    } else if (typeof v === 'string' || Buffer.isBuffer(v)) {
      const b = typeof v === 'string' ? Buffer.from(v) : v;
      parts.push(Buffer.from(`${b.length}:`), b);
    } else if (Array.isArray(v)) {
      parts.push(Buffer.from('l'));
      (v as readonly BValue[]).forEach(walk);
      parts.push(Buffer.from('e'));
    } else {
      const obj = v as { readonly [key: string]: BValue };
      parts.push(Buffer.from('d'));
      for (const key of Object.keys(obj).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)))) {
        walk(key);
        walk(obj[key] as BValue);
      }
      parts.push(Buffer.from('e'));
    }
  };
  walk(value);
  return Buffer.concat(parts);
}
