import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { auditTree, openTreeFromTarball } from '../../farm/audit/index.js';
import { extractTar, repackSource } from '../../farm/tar/index.js';
import type { SourceSpec } from '../../farm/recipe/types.js';
import { cli } from '../support/cli.js';

/** Whole archives, then the ways a file can fail to be one. */
async function badArchives(): Promise<Record<string, { file: string; kind: string }>> {
  const dir = await mkdtemp(join(tmpdir(), 'bad-archives-'));
  const p = pack();
  p.entry({ name: 'pkg-1.0/', type: 'directory' });
  p.entry({ name: 'pkg-1.0/README' }, 'r'.repeat(30_000));
  p.entry({ name: 'pkg-1.0/data' }, Buffer.from(Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251)));
  p.finalize();
  const tar = join(dir, 'whole.tar');
  await pipeline(p, createWriteStream(tar));
  const gz = join(dir, 'whole.tar.gz');
  await pipeline((await import('node:fs')).createReadStream(tar), createGzip(), createWriteStream(gz));
  const tarBytes = await readFile(tar);
  const gzBytes = await readFile(gz);
  const headerFlipped = Buffer.from(tarBytes);
  headerFlipped[100] = (headerFlipped[100] as number) ^ 0x55; // the first header's mode field
  const method = Buffer.from(gzBytes);
  method[2] = 7; // a compression method gzip does not know
  const files: Record<string, [Buffer | string, string]> = {
    'truncated.tar.gz': [gzBytes.subarray(0, Math.floor(gzBytes.length / 2)), 'truncated'],
    'truncated.tar': [tarBytes.subarray(0, 20_000), 'truncated'],
    'text.tar.gz': ['this is a README, not a tarball\n'.repeat(40), 'not-an-archive'],
    'short-text.tar': ['hello\n', 'truncated'],
    'method.tar.gz': [method, 'corrupt'],
    'header.tar': [headerFlipped, 'not-an-archive'],
    'empty.tar.gz': ['', 'empty'],
  };
  const out: Record<string, { file: string; kind: string }> = {};
  for (const [name, [body, kind]] of Object.entries(files)) {
    await writeFile(join(dir, name), body);
    out[name] = { file: join(dir, name), kind };
  }
  return out;
}

const source = (file: string): SourceSpec => ({ file, sha256: '0'.repeat(64), extract: true });

async function failure(work: Promise<unknown>): Promise<unknown> {
  return work.then(
    () => undefined,
    (e: unknown) => e,
  );
}

describe('every archive the farm reads goes through one reader with typed errors', () => {
  it('a source being repacked: ARCHIVE_INVALID naming the source file and what is wrong, no stream error', async () => {
    for (const [name, { file, kind }] of Object.entries(await badArchives())) {
      const repacked = repackSource(file, source(name));
      const error = await failure(pipeline(repacked.stream, new Writable({ write: (_c, _e, cb) => cb() })));
      expect(error, name).toMatchObject({ name: 'FarmError', code: 'ARCHIVE_INVALID', kind, message: expect.stringContaining(name) as unknown });
      expect((error as Error).message, name).toContain(file);
      expect(await failure(repacked.topDir), name).toBe(error);
    }
  });

  it('a cache entry being unpacked: ARCHIVE_INVALID naming the file', async () => {
    for (const [name, { file, kind }] of Object.entries(await badArchives())) {
      const error = await failure(extractTar(file, await mkdtemp(join(tmpdir(), 'bad-extract-'))));
      expect(error, name).toMatchObject({ name: 'FarmError', code: 'ARCHIVE_INVALID', kind, message: expect.stringContaining(file) as unknown });
    }
  });

  it('a release tarball under audit: ARCHIVE_INVALID naming the file', async () => {
    for (const [name, { file, kind }] of Object.entries(await badArchives())) {
      const error = await failure(auditTree(openTreeFromTarball(file)));
      expect(error, name).toMatchObject({ name: 'FarmError', code: 'ARCHIVE_INVALID', kind, message: expect.stringContaining(file) as unknown });
    }
  });

  it('`stasis-farm tests` on a truncated and a non-archive .tar.gz: exit 4 naming the file', async () => {
    const files = await badArchives();
    for (const name of ['truncated.tar.gz', 'text.tar.gz', 'method.tar.gz']) {
      const { file } = files[name] as { file: string };
      const r = await cli(await mkdtemp(join(tmpdir(), 'audit-cli-')), ['tests', file]);
      expect(r.err, name).toContain(`[ARCHIVE_INVALID] ${file}`);
      expect(r.err, name).not.toContain('internal error');
      expect(r.code, name).toBe(4);
    }
  });

  it('reads a whole archive and reports its sha256', async () => {
    const p = pack();
    p.entry({ name: 'a' }, 'hello');
    p.finalize();
    const dir = await mkdtemp(join(tmpdir(), 'good-'));
    const file = join(dir, 'out.tar');
    await pipeline(p, createWriteStream(file));
    const summary = await extractTar(file, join(dir, 'root'));
    expect(summary.sha256).toBe(
      (await import('node:crypto'))
        .createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    );
    expect(await readFile(join(dir, 'root', 'a'), 'utf8')).toBe('hello');
  });
});
