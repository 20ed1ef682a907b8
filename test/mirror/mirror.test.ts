import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportMirror, pruneMirror, serveMirror, verifyMirror, type MirrorItem } from '../../farm/mirror/index.js';
import { createFetcher, SourceStore } from '../../farm/sources/index.js';
import { exported } from './sources-fixture.js';

const exec = promisify(execFile);

describe('mirror export / verify / prune', () => {
  it('exports a self-describing mirror that verifies, and a second export copies nothing', async () => {
    const { dir, list } = await exported();
    const report = await verifyMirror(dir);
    expect(report).toMatchObject({ ok: true, missing: [], corrupt: [], unreferenced: [] });
    const sums = await exec('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir });
    expect(sums.stdout.trim().split('\n')).toHaveLength(3);
    expect(await readFile(join(dir, 'index.yaml'), 'utf8')).toMatch(/lpeg:\n\s+- file: lpeg-1\.0\.2\.tar\.gz/);
    const again = await exportMirror(list, { dir, sources: [] });
    expect(again.copied).toEqual([]);
    expect(again.kept).toHaveLength(3);
  });

  it('a flipped byte is named by verify', async () => {
    const { dir } = await exported();
    const file = join(dir, 'less-590.tar.gz');
    const bytes = await readFile(file);
    bytes[500] = (bytes[500] as number) ^ 1;
    await writeFile(file, bytes);
    const report = await verifyMirror(dir);
    expect(report.ok).toBe(false);
    expect(report.corrupt.map((c) => c.file)).toContain('less-590.tar.gz');
  });

  it('prune lists unreferenced files in a dry run and removes them only when told', async () => {
    const { dir, list } = await exported();
    await writeFile(join(dir, 'stale-1.0.tar.gz'), 'old');
    const referenced = new Map(list.map((i) => [i.file, i.sha256]));
    expect(await pruneMirror(dir, referenced, { dryRun: true })).toEqual(['stale-1.0.tar.gz']);
    expect((await verifyMirror(dir)).unreferenced).toEqual(['stale-1.0.tar.gz']);
    await pruneMirror(dir, referenced, { dryRun: false });
    expect((await verifyMirror(dir)).ok).toBe(true);
  });
});

describe('mirror serve', () => {
  it('serves by name and by sha256 with ranges, refuses traversal and writes, and feeds a fetcher', async () => {
    const { dir, list } = await exported();
    const server = await serveMirror(dir, { port: 0 });
    try {
      const lpeg = list.find((i) => i.pkg === 'lpeg') as MirrorItem;
      const whole = await fetch(`${server.url}${lpeg.file}`);
      expect(whole.status).toBe(200);
      const body = Buffer.from(await whole.arrayBuffer());
      expect(whole.headers.get('content-length')).toBe(String(body.length));
      const part = await fetch(`${server.url}sha256/${lpeg.sha256}`, { headers: { Range: 'bytes=10-19' } });
      expect(part.status).toBe(206);
      expect(part.headers.get('content-range')).toBe(`bytes 10-19/${body.length}`);
      expect(Buffer.from(await part.arrayBuffer())).toEqual(body.subarray(10, 20));
      expect((await fetch(`${server.url}x`, { headers: { Range: 'bytes=999999999-' } })).status).toBe(404);
      expect((await fetch(`${server.url}${lpeg.file}`, { headers: { Range: 'bytes=999999999-' } })).status).toBe(416);
      for (const evil of ['..%2f..%2fetc%2fpasswd', '%2e%2e/%2e%2e/etc/passwd', 'sha256/..%2f..%2findex.yaml']) {
        expect((await fetch(`${server.url}${evil}`)).status, evil).toBe(404);
      }
      expect((await fetch(`${server.url}${lpeg.file}`, { method: 'PUT', body: 'x' })).status).toBe(405);
      // Another farm fetches through it into its own store, verifying the hash.
      const store = new SourceStore(await mkdtemp(join(tmpdir(), 'store-')));
      const fetcher = createFetcher({ store, mirrors: [server.url], offline: true, sink: () => {} });
      await fetcher.ensure('lpeg', { url: 'https://unreachable.invalid/lpeg.tar.gz', sha256: lpeg.sha256, file: lpeg.file, extract: true });
      expect(await store.has(lpeg.sha256)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
