import { createWriteStream } from 'node:fs';
import { lstat, mkdir, mkdtemp, readFile, readdir, readlink, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { extractTar } from '../../farm/tar/index.js';

/** A tar of `entries` (written in this order) in a fresh directory. */
async function tarOf(entries: readonly { name: string; type?: 'directory' | 'symlink' | 'link'; mode?: number; linkname?: string; data?: string | Buffer }[]) {
  const p = pack();
  for (const { data, ...header } of entries) p.entry({ mode: header.type === 'directory' ? 0o755 : 0o644, ...header }, data ?? '');
  p.finalize();
  const dir = await mkdtemp(join(tmpdir(), 'extract-'));
  const file = join(dir, 'out.tar');
  await pipeline(p, createWriteStream(file));
  return { dir, file };
}

describe('extractTar (files and links written side by side)', () => {
  it('writes every entry of a wide tree as one by one would: contents, modes, links, a large file streamed, directory modes last', async () => {
    const files = Array.from({ length: 200 }, (_, i) => ({ name: `usr/include/h${i}.h`, data: `/* ${i} */\n`, mode: i % 2 === 0 ? 0o644 : 0o600 }));
    const large = Buffer.alloc(5 * 1024 * 1024, 7);
    const { dir, file } = await tarOf([
      { name: 'usr/', type: 'directory' },
      { name: 'usr/include/', type: 'directory' },
      ...files,
      { name: 'usr/bin/', type: 'directory' },
      { name: 'usr/bin/busybox', data: 'elf', mode: 0o755 },
      ...Array.from({ length: 50 }, (_, i) => ({ name: `usr/bin/applet${i}`, type: 'symlink' as const, linkname: 'busybox' })),
      { name: 'usr/bin/hard', type: 'link', linkname: 'usr/bin/busybox' },
      { name: 'usr/lib/libbig.a', data: large },
      { name: 'usr/share/', type: 'directory', mode: 0o555 },
      { name: 'usr/share/doc', data: 'read-only parent' },
    ]);
    const root = join(dir, 'root');
    await extractTar(file, root);
    expect((await readdir(join(root, 'usr/include'))).length).toBe(200);
    for (const [i, f] of files.entries()) {
      expect(await readFile(join(root, f.name), 'utf8')).toBe(`/* ${i} */\n`);
      expect((await stat(join(root, f.name))).mode & 0o777).toBe(f.mode);
    }
    expect(await readlink(join(root, 'usr/bin/applet49'))).toBe('busybox');
    expect((await stat(join(root, 'usr/bin/hard'))).ino).toBe((await stat(join(root, 'usr/bin/busybox'))).ino);
    expect((await readFile(join(root, 'usr/lib/libbig.a'))).equals(large)).toBe(true);
    expect((await stat(join(root, 'usr/share'))).mode & 0o777).toBe(0o555);
    expect(await readFile(join(root, 'usr/share/doc'), 'utf8')).toBe('read-only parent');
  });

  it('a symlink in the way fails the unpacking, and nothing is still being written when it returns', async () => {
    const { dir, file } = await tarOf(Array.from({ length: 100 }, (_, i) => ({ name: `etc/f${i}`, data: String(i) })));
    const root = join(dir, 'root');
    await mkdir(root);
    const outside = join(dir, 'outside');
    await mkdir(outside);
    await symlink(outside, join(root, 'etc'));
    await expect(extractTar(file, root)).rejects.toThrow(/etc is a symlink/);
    expect(await readdir(outside)).toEqual([]);
    expect((await lstat(join(root, 'etc'))).isSymbolicLink()).toBe(true);
  });
});
