import { createHash } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { verifyMirror } from '../../farm/mirror/index.js';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A plain source directory as ../shared/sources is: files, SHA256SUMS, and a note it does not list. */
async function plainDirectory(files: Record<string, string>, sums: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sums-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(dir, name), text);
  await writeFile(join(dir, 'SHA256SUMS'), sums);
  return dir;
}

describe('mirror verify of a directory with SHA256SUMS and no index.yaml', () => {
  it('checks every listed file, as sha256sum -c would; a file it does not list is named, not a failure', async () => {
    const dir = await plainDirectory(
      { 'a-1.0.tar.gz': 'aaa', 'b-2.0.tar.xz': 'bbb', 'PROVENANCE.md': 'where' },
      `${sha('aaa')}  a-1.0.tar.gz\n${sha('bbb')} *b-2.0.tar.xz\n`,
    );
    const r = await verifyMirror(dir);
    expect(r).toMatchObject({ kind: 'sums', checked: 2, missing: [], corrupt: [], unlisted: ['PROVENANCE.md'], ok: true });
  });

  it('names a missing and a changed file', async () => {
    const dir = await plainDirectory({ 'a-1.0.tar.gz': 'changed' }, `${sha('aaa')}  a-1.0.tar.gz\n${sha('bbb')}  b-2.0.tar.xz\n`);
    const r = await verifyMirror(dir);
    expect(r.ok).toBe(false);
    expect(r.missing).toEqual(['b-2.0.tar.xz']);
    expect(r.corrupt).toEqual([{ file: 'a-1.0.tar.gz', wanted: sha('aaa'), got: sha('changed') }]);
  });

  it('refuses a line that is not "<sha256>  <file>", naming the line; a directory with neither file is not a mirror', async () => {
    const dir = await plainDirectory({}, `${sha('aaa')}  ../etc/passwd\n`);
    await expect(verifyMirror(dir)).rejects.toMatchObject({ code: 'MIRROR_INVALID', message: expect.stringMatching(/SHA256SUMS: line 1 is not/) as unknown });
    const empty = await mkdtemp(join(tmpdir(), 'sums-'));
    await expect(verifyMirror(empty)).rejects.toMatchObject({ code: 'MIRROR_INVALID', message: expect.stringMatching(/no index\.yaml/) as unknown });
  });
});
