import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CacheEntry } from '../../farm/cache/cache.js';
import { renderContextFor } from '../../farm/rootfs/context.js';

/** A cache entry whose file manifest lists these paths (files unless they end in /). */
async function entryWith(paths: readonly string[]): Promise<CacheEntry> {
  const dir = await mkdtemp(join(tmpdir(), 'ctx-'));
  const manifest = paths.map((p) =>
    p.endsWith('/') ? { path: p.slice(0, -1), type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 } : { path: p, type: 'file', mode: 0o644, uid: 0, gid: 0, size: 1 },
  );
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return { dir, tarPath: join(dir, 'output.tar'), manifestPath: join(dir, 'manifest.json'), logPath: join(dir, 'build.log'), meta: {} as CacheEntry['meta'] };
}

describe('what the assembly learns from the built packages', () => {
  it("kbd's keymaps: every usr/share/keymaps/.../NAME.map[.gz] file of its manifest; none without kbd", async () => {
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
