import { createWriteStream } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import type { CacheEntry } from '../../farm/cache/cache.js';
import { renderContextFor } from '../../farm/rootfs/context.js';

/** A cache entry whose output tar holds these paths (files unless they end in /). */
async function entryWith(paths: readonly string[]): Promise<CacheEntry> {
  const dir = await mkdtemp(join(tmpdir(), 'ctx-'));
  const p = pack();
  for (const name of paths) {
    if (name.endsWith('/')) p.entry({ name, type: 'directory' });
    else p.entry({ name }, 'x');
  }
  p.finalize();
  const tarPath = join(dir, 'output.tar');
  await pipeline(p, createWriteStream(tarPath));
  return { dir, tarPath, manifestPath: join(dir, 'manifest.json'), logPath: join(dir, 'build.log'), meta: {} as CacheEntry['meta'] };
}

describe('what the assembly learns from the built packages', () => {
  it("kbd's keymaps: every usr/share/keymaps/.../NAME.map[.gz] file; none without kbd", async () => {
    const kbd = await entryWith([
      'usr/share/keymaps/',
      'usr/share/keymaps/i386/qwerty/us.map.gz',
      'usr/share/keymaps/i386/qwertz/de-latin1.map.gz',
      'usr/share/keymaps/mac/all/mac-fr.map',
      'usr/share/keymaps/i386/include/compose.inc',
      'usr/bin/loadkeys',
    ]);
    const ctx = await renderContextFor([{ pkg: 'kbd', entry: kbd }], 0);
    expect([...(ctx.keymaps ?? [])].sort()).toEqual(['de-latin1', 'mac-fr', 'us']);
    const without = await renderContextFor([{ pkg: 'busybox', entry: kbd }], 0);
    expect(without.keymaps?.size).toBe(0);
  });
});
