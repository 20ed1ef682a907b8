import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { firstFile } from '../../farm/tar/first-file.js';

function tarOf(entries: { name: string; body?: string }[]): Readable {
  const p = pack();
  for (const e of entries) {
    if (e.body === undefined) p.entry({ name: e.name, type: 'directory' });
    else p.entry({ name: e.name }, e.body);
  }
  p.finalize();
  return p as unknown as Readable;
}

describe('the first file of a tar stream (an engine archive of one path)', () => {
  it('is the first regular file, whole or cut at the limit; undefined when there is none', async () => {
    expect((await firstFile(tarOf([{ name: 'disk/' }, { name: 'disk/sector0', body: 'MBR' }, { name: 'disk/other', body: 'x' }])))?.toString()).toBe('MBR');
    expect((await firstFile(tarOf([{ name: 'count', body: '3\nmore text' }]), 2))?.toString()).toBe('3\n');
    expect(await firstFile(tarOf([{ name: 'dir/' }]))).toBeUndefined();
  });
});
