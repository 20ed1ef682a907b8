import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { gzipSync } from 'node:zlib';
import { pack } from 'tar-stream';
import { exportMirror, type MirrorItem } from '../../farm/mirror/index.js';

/** Incompressible bytes, the same every run: a gzip of them is as large as they are. */
function noise(seed: string, length: number): Buffer {
  const out: Buffer[] = [];
  let block = createHash('sha256').update(seed).digest();
  for (let n = 0; n < length; n += block.length) {
    out.push(block);
    block = createHash('sha256').update(block).digest();
  }
  return Buffer.concat(out).subarray(0, length);
}

/** A small upstream-style source tarball: `<name>/README` and `<name>/data` under one top directory. */
async function tarball(name: string): Promise<Buffer> {
  const p = pack();
  p.entry({ name: `${name}/`, type: 'directory', mtime: new Date(0) });
  p.entry({ name: `${name}/README`, mtime: new Date(0) }, `${name}\n`);
  p.entry({ name: `${name}/data`, mtime: new Date(0) }, noise(name, 3000));
  p.finalize();
  return gzipSync(await buffer(p));
}

/**
 * Three source tarballs in a fresh directory, named like the packages' real ones, and the mirror
 * items that list them: what a mirror export starts from.
 */
export async function sourceFiles(): Promise<{ dir: string; list: MirrorItem[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'mirror-src-'));
  const list: MirrorItem[] = [];
  for (const name of ['lpeg-1.0.2', 'libtermkey-0.22', 'less-590']) {
    const file = `${name}.tar.gz`;
    const bytes = await tarball(name);
    await writeFile(join(dir, file), bytes);
    list.push({ pkg: name.split('-')[0] as string, file, sha256: createHash('sha256').update(bytes).digest('hex'), url: `https://example.org/${file}` });
  }
  return { dir, list };
}

/** A mirror exported from those sources into a fresh directory. */
export async function exported(): Promise<{ dir: string; list: MirrorItem[] }> {
  const { dir: src, list } = await sourceFiles();
  const dir = await mkdtemp(join(tmpdir(), 'mirror-out-'));
  await exportMirror(list, { dir, sources: [src] });
  return { dir, list };
}
