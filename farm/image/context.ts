import { readFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pack } from 'tar-stream';

/** A build context holding just a Dockerfile (the builder steps need no other files). */
export async function dockerfileContext(dockerfilePath: string): Promise<Readable> {
  const body = await readFile(dockerfilePath);
  const p = pack();
  p.entry({ name: 'Dockerfile', size: body.length, mode: 0o644, mtime: new Date(0) }, body);
  p.finalize();
  return p as unknown as Readable;
}
