declare module 'unbzip2-stream' {
  import type { Duplex } from 'node:stream';
  function unbzip2(): Duplex;
  export default unbzip2;
}

declare module 'xz-decompress' {
  const pkg: { XzReadableStream: new (input: ReadableStream<Uint8Array>) => ReadableStream<Uint8Array> };
  export default pkg;
}
