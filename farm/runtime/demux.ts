/**
 * Docker's attach stream (no TTY) frames output as
 * [stream type, 0, 0, 0, size (u32 BE)] + payload. This splits frames across
 * arbitrary chunk boundaries without buffering more than one frame.
 */
export function createDemuxer(onPayload: (payload: Buffer, stream: 'stdout' | 'stderr') => void): (chunk: Buffer) => void {
  let pending: Buffer = Buffer.alloc(0);
  return (chunk: Buffer) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    while (pending.length >= 8) {
      const size = pending.readUInt32BE(4);
      if (pending.length < 8 + size) break;
      const type = pending[0];
      onPayload(pending.subarray(8, 8 + size), type === 2 ? 'stderr' : 'stdout');
      pending = pending.subarray(8 + size);
    }
  };
}
