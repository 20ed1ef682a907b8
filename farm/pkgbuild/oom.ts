import type { Readable } from 'node:stream';
import { extract } from 'tar-stream';
import type { Container } from '../runtime/port.js';
import { OOM_KILLS_PATH } from './deadline.js';

/**
 * How many processes the kernel's OOM killer ended in a stopped build container: the count the
 * deadline shell left (withDeadline), 0 when it left none (an image without sed, an engine that
 * hides the cgroup files). Read only after a failed build.
 */
export async function oomKills(container: Container): Promise<number> {
  const archive = await container.getArchive(OOM_KILLS_PATH).catch(() => undefined);
  if (archive === undefined) return 0;
  const text = await firstFileText(archive, 256).catch(() => '');
  const count = Number.parseInt(text.trim().split('\n')[0] ?? '', 10);
  return Number.isInteger(count) && count > 0 ? count : 0;
}

/** The text of the first regular file in a tar stream, at most `limit` bytes of it. */
async function firstFileText(archive: Readable, limit: number): Promise<string> {
  const ex = extract();
  let text: string | undefined;
  const done = new Promise<void>((resolve, reject) => {
    ex.on('entry', (header, body, next) => {
      const chunks: Buffer[] = [];
      body.on('data', (d: unknown) => {
        if (text === undefined && header.type === 'file') chunks.push(Buffer.from(d as Uint8Array));
      });
      body.on('end', () => {
        if (text === undefined && header.type === 'file') text = Buffer.concat(chunks).subarray(0, limit).toString('utf8');
        next();
      });
      body.on('error', reject);
    });
    ex.on('finish', resolve);
    ex.on('error', reject);
    archive.on('error', reject);
  });
  archive.pipe(ex);
  await done;
  return text ?? '';
}
