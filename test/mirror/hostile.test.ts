import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { makeTorrent, serveMirror, verifyMirror } from '../../farm/mirror/index.js';

const SECRET = 'host secret, not a source\n';
const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A mirror directory beside a host file (`<tmp>/secret`) it must never expose. */
async function mirror(entries: readonly Record<string, unknown>[], files: Record<string, string | { link: string }> = {}): Promise<{ dir: string; secret: string }> {
  const base = await mkdtemp(join(tmpdir(), 'mirror-hostile-'));
  const secret = join(base, 'secret');
  await writeFile(secret, SECRET);
  const dir = join(base, 'mirror');
  await mkdir(join(dir, 'sha256'), { recursive: true });
  for (const [name, body] of Object.entries(files)) {
    if (typeof body === 'string') await writeFile(join(dir, name), body);
    else await symlink(body.link, join(dir, name));
  }
  await writeFile(join(dir, 'index.yaml'), stringify({ packages: { evil: entries } }));
  await writeFile(join(dir, 'SHA256SUMS'), '');
  return { dir, secret };
}

const entry = (file: string, sha256 = sha(SECRET)) => ({ file, sha256, url: 'https://example.org/x', size: SECRET.length });

describe('mirror: the index is untrusted input', () => {
  it('refuses an entry that climbs out of the mirror, naming the index file and the entry (verify, serve, torrent)', async () => {
    const { dir } = await mirror([entry('a-1.0.tar.gz', sha('a')), entry('../../../../../../../../etc/hostname')], { 'a-1.0.tar.gz': 'a' });
    const refusal = {
      code: 'MIRROR_INVALID',
      message: expect.stringMatching(/index\.yaml: packages\.evil\[2\]\.file: "\.\.\/.*" is not a plain file name inside the mirror/) as unknown,
    };
    await expect(verifyMirror(dir)).rejects.toMatchObject(refusal);
    await expect(serveMirror(dir, { port: 0 })).rejects.toMatchObject(refusal);
    await expect(makeTorrent(dir, { name: 'x', webSeed: 'http://127.0.0.1/' })).rejects.toMatchObject(refusal);
  });

  it('refuses absolute names, names with a slash and hashes that are not hex', async () => {
    const { dir } = await mirror([entry('/etc/hostname'), entry('sub/x.tar.gz'), entry('ok.tar.gz', '../../secret')]);
    const error = await verifyMirror(dir).catch((e: unknown) => e as Error);
    expect(error).toMatchObject({ code: 'MIRROR_INVALID' });
    expect((error as Error).message).toContain(`${join(dir, 'index.yaml')}: packages.evil[1].file: "/etc/hostname" is not a plain file name`);
    expect((error as Error).message).toContain('packages.evil[2].file: "sub/x.tar.gz" is not a plain file name');
    expect((error as Error).message).toContain('packages.evil[3].sha256: "../../secret" is not 64 lower-case hex digits');
  });

  it('never serves or hashes a file through a link that leaves the mirror', async () => {
    const hex = sha(SECRET);
    const { dir } = await mirror([entry('leak-1.0.tar.gz')], { 'leak-1.0.tar.gz': { link: '../secret' } });
    await symlink('../../secret', join(dir, 'sha256', hex));
    const server = await serveMirror(dir, { port: 0 });
    try {
      for (const path of ['leak-1.0.tar.gz', `sha256/${hex}`]) {
        const res = await fetch(`${server.url}${path}`);
        expect(res.status, path).toBe(404);
        expect(await res.text(), path).not.toContain('host secret');
      }
    } finally {
      await server.close();
    }
    await expect(verifyMirror(dir)).rejects.toMatchObject({
      code: 'MIRROR_INVALID',
      message: expect.stringMatching(/leak-1\.0\.tar\.gz: leads out of the mirror/) as unknown,
    });
  });

  it('a link inside the mirror is fine', async () => {
    const body = 'source bytes';
    const { dir } = await mirror([entry('in-1.0.tar.gz', sha(body))], { 'in-1.0.tar.gz': { link: `sha256/${sha(body)}` } });
    await writeFile(join(dir, 'sha256', sha(body)), body);
    expect(await verifyMirror(dir)).toMatchObject({ ok: true, corrupt: [], missing: [] });
    const server = await serveMirror(dir, { port: 0 });
    try {
      const res = await fetch(`${server.url}in-1.0.tar.gz`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe(body);
    } finally {
      await server.close();
    }
  });
});
