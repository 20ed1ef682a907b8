import { execFile } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { makeTorrent, serveMirror } from '../../farm/mirror/index.js';
import { prerequisite } from '../support/prerequisite.js';
import { exported } from './sources-fixture.js';

// A BitTorrent client (aria2c) downloads an exported mirror: the integration tier.
const exec = promisify(execFile);

async function hasAria2c(): Promise<boolean> {
  const problem = await exec('aria2c', ['--version']).then(
    () => undefined,
    () => 'aria2c is not installed (apt-get install aria2)',
  );
  return prerequisite('the BitTorrent download test', problem);
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
        [
          '--enable-dht=false',
          '--enable-dht6=false',
          '--bt-enable-lpd=false',
          '--enable-peer-exchange=false',
          '--seed-time=0',
          '--bt-stop-timeout=60',
          '--summary-interval=0',
          '--console-log-level=warn',
          `--dir=${out}`,
          t.torrentPath,
        ],
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
