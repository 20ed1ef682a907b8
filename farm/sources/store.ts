import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { access, mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ChecksumMismatch } from '../errors/index.js';

const SHA = /^[0-9a-f]{64}$/;

/**
 * The content-addressed source store: `<dir>/sha256/<hex>`. A file appears only
 * after it was hashed while being written and matched; a mismatch leaves nothing.
 */
export class SourceStore {
  constructor(readonly dir: string) {}

  pathOf(sha256: string): string {
    if (!SHA.test(sha256)) throw new Error(`not a sha256: ${sha256}`);
    return join(this.dir, 'sha256', sha256);
  }

  async has(sha256: string): Promise<boolean> {
    try {
      await access(this.pathOf(sha256));
      return true;
    } catch {
      return false;
    }
  }

  /** Write `data` into the store if its sha256 is `sha256`; returns the stored path. */
  async put(data: Readable, meta: { readonly sha256: string; readonly file: string; readonly origin: string }): Promise<string> {
    const final = this.pathOf(meta.sha256);
    await mkdir(join(this.dir, 'sha256'), { recursive: true });
    const tmp = join(this.dir, 'sha256', `.tmp-${randomBytes(6).toString('hex')}`);
    const hash = createHash('sha256');
    const handle = await open(tmp, 'wx', 0o644);
    try {
      for await (const chunk of data) {
        const buf = chunk as Buffer;
        hash.update(buf);
        await handle.write(buf);
      }
      await handle.sync();
    } catch (error) {
      await handle.close();
      await rm(tmp, { force: true });
      throw error;
    }
    await handle.close();
    const got = hash.digest('hex');
    if (got !== meta.sha256) {
      await rm(tmp, { force: true });
      throw new ChecksumMismatch(meta.file, meta.origin, meta.sha256, got);
    }
    await rename(tmp, final);
    return final;
  }

  /** Re-hash a stored file. */
  async verify(sha256: string): Promise<boolean> {
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(this.pathOf(sha256))) hash.update(chunk as Buffer);
    return hash.digest('hex') === sha256;
  }
}
