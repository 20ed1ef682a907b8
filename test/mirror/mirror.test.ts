import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { exportMirror, makeTorrent, pruneMirror, serveMirror, verifyMirror, type MirrorItem } from '../../farm/mirror/index.js';
import { createFetcher, SourceStore } from '../../farm/sources/index.js';

const exec = promisify(execFile);
const MIRROR = process.env['STASIS_MIRROR'] ?? resolve(import.meta.dirname, '..', '..', '..', 'shared', 'sources');
const FILES: Record<string, string> = {
  'lpeg-1.0.2.tar.gz': '48d66576051b6c78388faad09b70493093264588fcd0f258ddaab1cdd4a15ffe',
  'libtermkey-0.22.tar.gz': '6945bd3c4aaa83da83d80a045c5563da4edd7d0374c62c0d35aec09eb3014600',
  'less-590.tar.gz': '6aadf54be8bf57d0e2999a3c5d67b1de63808bb90deb8f77b028eafae3a08e10',
};

async function items(): Promise<MirrorItem[]> {
  const sums = await readFile(join(MIRROR, 'SHA256SUMS'), 'utf8');
  return Object.keys(FILES).map((file) => {
    const line = sums.split('\n').find((l) => l.endsWith(`  ${file}`));
    if (line === undefined) throw new Error(`${file} not in the mirror's SHA256SUMS`);
    return { pkg: file.split('-')[0] as string, file, sha256: line.split(' ')[0] as string, url: `https://example.org/${file}` };
  });
}

async function exported(): Promise<{ dir: string; list: MirrorItem[] }> {
  const src = await mkdtemp(join(tmpdir(), 'mirror-src-'));
  for (const f of Object.keys(FILES)) await copyFile(join(MIRROR, f), join(src, f));
  const dir = await mkdtemp(join(tmpdir(), 'mirror-out-'));
  const list = await items();
  await exportMirror(list, { dir, sources: [src] });
  return { dir, list };
}

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

async function hasAria2c(): Promise<boolean> {
  try {
    await exec('aria2c', ['--version']);
    return true;
  } catch {
    if (process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false') throw new Error('aria2c is required in CI (apt-get install aria2)');
    console.warn('\n[skipped] aria2c not installed: the BitTorrent download test did not run\n');
    return false;
  }
}

describe('mirror torrent', async () => {
  const aria = await hasAria2c();
  it.skipIf(!aria)('aria2c downloads the mirror from the .torrent and the web seed alone; sha256sum -c passes', async () => {
    const { dir } = await exported();
    const server = await serveMirror(dir, { port: 0, name: 'stasis-sources' });
    try {
      const t = await makeTorrent(dir, { name: 'stasis-sources', webSeed: server.url, pieceLength: 1 << 16 });
      expect(t.magnet).toMatch(/^magnet:\?xt=urn:btih:[0-9a-f]{40}&dn=stasis-sources&ws=/);
      const again = await makeTorrent(dir, { name: 'stasis-sources', webSeed: server.url, pieceLength: 1 << 16 });
      expect(again.infoHash).toBe(t.infoHash);
      const out = await mkdtemp(join(tmpdir(), 'aria-'));
      await mkdir(out, { recursive: true });
      await exec(
        'aria2c',
        ['--enable-dht=false', '--enable-dht6=false', '--bt-enable-lpd=false', '--enable-peer-exchange=false', '--seed-time=0', '--bt-stop-timeout=60', '--summary-interval=0', '--console-log-level=warn', `--dir=${out}`, t.torrentPath],
        { timeout: 120_000 },
      );
      const sums = await exec('sha256sum', ['-c', 'SHA256SUMS'], { cwd: join(out, 'stasis-sources') });
      expect(sums.stdout).toMatch(/lpeg-1\.0\.2\.tar\.gz: OK/);
      expect(sums.stdout.trim().split('\n')).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});
