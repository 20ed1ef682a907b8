/** The SSH wire encoding (RFC 4251 §5): uint32 big-endian, and strings prefixed by their uint32 length. */

export function sshString(data: string | Uint8Array): Buffer {
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(body.length);
  return Buffer.concat([len, body]);
}

export function sshUint32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

/** Reads a wire buffer front to back; `fail` names what was being read when the data ran out. */
export class SshReader {
  private offset = 0;

  constructor(
    private readonly buf: Buffer,
    private readonly fail: (why: string) => Error,
  ) {}

  bytes(n: number, what: string): Buffer {
    if (n < 0 || this.offset + n > this.buf.length) throw this.fail(`truncated at ${what}`);
    const out = this.buf.subarray(this.offset, this.offset + n);
    this.offset += n;
    return out;
  }

  uint32(what: string): number {
    return this.bytes(4, what).readUInt32BE(0);
  }

  string(what: string): Buffer {
    return this.bytes(this.uint32(what), what);
  }

  text(what: string): string {
    return this.string(what).toString('utf8');
  }

  get rest(): number {
    return this.buf.length - this.offset;
  }
}
