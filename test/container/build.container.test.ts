import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { pack } from 'tar-stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditTree, openTreeFromDirectory } from '../../farm/audit/index.js';
import type { RootfsEntry } from '../../farm/rootfs/merge.js';
import { serveMirror } from '../../farm/mirror/index.js';
import { containerCreates, containerTierReady, editRecipe, makeRoot, MIRROR, runFarm, summaryOf, workspaceContainers } from '../support/farm.js';
import { dumpDom, findChromium, PNG_MAGIC, screenshot } from '../support/chromium.js';
import { CI_PACKAGES, copyRoot, FIXTURE_MS, sharedCiBuild, type SharedBuild } from '../support/shared.js';

const ready = await containerTierReady();
const LPEG_SHA = '48d66576051b6c78388faad09b70493093264588fcd0f258ddaab1cdd4a15ffe';

async function cacheEntries(root: string): Promise<string[]> {
  return (await readdir(join(root, 'workspace', 'cache')).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{64}$/.test(n) || n.startsWith('.tmp')).sort();
}

describe.skipIf(!ready)('stasis-farm build (real containers, real sources)', () => {
  // The cold ci build is made once per test run (sigint.container.test.ts starts from it too);
  // this file checks that run and goes on in a copy of its tree.
  let cold: SharedBuild;
  let root: string;
  beforeAll(async () => {
    cold = await sharedCiBuild();
    root = await copyRoot(cold.root);
  }, FIXTURE_MS);

  it('builds the ci profile (17 packages, lua -> lpeg, ncurses -> less) into static musl binaries that pass the audit', async () => {
    const r = cold.run;
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    const s = summaryOf(r.stdout);
    expect([...s.built].sort()).toEqual(CI_PACKAGES);
    const preview = join(cold.root, 'workspace', 'preview');
    for (const bin of ['usr/bin/lua', 'usr/bin/less', 'usr/bin/xz', 'usr/bin/file', 'usr/bin/getent', 'usr/bin/getconf']) {
      const head = (await readFile(join(preview, bin))).subarray(0, 4);
      expect(head.toString('latin1'), bin).toBe('\x7fELF');
    }
    const manifest = JSON.parse(await readFile(join(cold.root, 'workspace', 'preview.manifest.json'), 'utf8')) as RootfsEntry[];
    const report = await auditTree(openTreeFromDirectory(preview, manifest));
    expect(report.elfFiles).toBeGreaterThan(10);
    expect(report.findings).toEqual([]);
    // config.lua rendered at assembly: the example's services became s6-rc definitions.
    expect(await readFile(join(preview, 'etc/s6-rc/source/default/contents'), 'utf8')).toBe('dhcpcd\nopenntpd\ndropbear\ngetty-tty1\ngetty-tty2\ngetty-tty3\n');
    expect(await readFile(join(preview, 'etc/hostname'), 'utf8')).toBe('stasis\n');
    // The local layout package: os-release through its /etc link, sticky /tmp, private /root.
    expect(await readFile(join(preview, 'etc/os-release'), 'utf8')).toMatch(/^NAME="Stasis"/);
    // The local trust store: the bundle and the path most programs open.
    expect((await readFile(join(preview, 'etc/ssl/certs/ca-certificates.crt'), 'utf8')).match(/BEGIN CERTIFICATE/g)?.length).toBeGreaterThan(100);
    const modes = new Map((manifest as { path: string; mode: number }[]).map((e) => [e.path, e.mode]));
    expect([modes.get('tmp'), modes.get('var/tmp'), modes.get('root')]).toEqual([0o1777, 0o1777, 0o700]);
    const audit = await runFarm(cold.root, ['tests']);
    expect(audit.code, audit.stdout).toBe(0);
    expect(await workspaceContainers(cold.root)).toEqual([]);
  });

  it('report: the cold build as one page, a bar per ci package in headless Chromium, its logs linked', async (ctx) => {
    const chromium = await findChromium('the report of the cold ci build');
    if (chromium === undefined) return ctx.skip();
    // Read-only: the page is written outside the shared root.
    const dir = await mkdtemp(join(tmpdir(), 'ci-report-'));
    const page = join(dir, 'report.html');
    const r = await runFarm(cold.root, ['report', '--out', page]);
    expect(r.code, r.stderr).toBe(0);
    const dom = await dumpDom(chromium, page);
    const chart = /<svg [^>]*class="gantt" data-stage="dev"[\s\S]*?<\/svg>/.exec(dom)?.[0] ?? '';
    expect([...chart.matchAll(/<rect class="bar built[^"]*" data-pkg="([^"]+)"/g)].map((m) => m[1]).sort()).toEqual(CI_PACKAGES);
    expect(chart).toContain('class="bar built critical"');
    const href = /<a href="([^"]+)">lua\.log<\/a>/.exec(dom)?.[1];
    expect(href).toBeDefined();
    expect(await readFile(join(dir, decodeURIComponent(href as string)), 'utf8')).not.toBe('');
    const png = join(dir, 'report.png');
    const shot = await screenshot(chromium, page, png, 1280, 1800);
    expect(shot.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    console.info(`ci build report: ${page}, screenshot ${png} (${shot.length} bytes)`);
  });

  it('a second run creates no container and rebuilds nothing', async () => {
    const since = Math.floor(Date.now() / 1000);
    const started = Date.now();
    const r = await runFarm(root, ['build', '--profile', 'ci', '--mirror', MIRROR, '--json']);
    const ms = Date.now() - started;
    expect(r.code).toBe(0);
    const s = summaryOf(r.stdout);
    expect(s.built).toEqual([]);
    expect(s.cached).toHaveLength(17);
    expect(await containerCreates(root, since, Math.floor(Date.now() / 1000) + 1)).toBe(0);
    // Wall time is reported, not asserted (bench/build.ts measures it).
    console.info(`no-op rebuild: ${ms} ms`);
  });

  it('an edit that leaves the output identical stops at that package (early cutoff)', async () => {
    await editRecipe(root, 'lua', (t) => t.replace('build = [[', 'build = [[\n# a comment changes the recipe, not the output'));
    const r = await runFarm(root, ['build', '--profile', 'ci', '--mirror', MIRROR, '--json']);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const s = summaryOf(r.stdout);
    expect(s.built).toEqual(['lua']);
    expect(s.cutoff).toEqual(['lpeg']);
  });

  it('an edit that changes the output rebuilds that package and its dependents only', async () => {
    await editRecipe(root, 'lua', (t) => t.replace('build = [[', 'build = [[\nmkdir -p "$DESTDIR/usr/share/doc/lua"\necho stasis > "$DESTDIR/usr/share/doc/lua/NOTE"'));
    const r = await runFarm(root, ['build', '--profile', 'ci', '--mirror', MIRROR, '--json']);
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const s = summaryOf(r.stdout);
    expect([...s.built].sort()).toEqual(['lpeg', 'lua']);
    expect(s.cached).toHaveLength(15);
    const why = await runFarm(root, ['why', 'lpeg', '--profile', 'ci']);
    expect(why.stdout).toMatch(/unchanged since the last build/);
  });

  it('a corrupted mirror file fails with wanted/got, stores nothing and leaves the cache untouched', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'bad-mirror-'));
    const good = await readFile(join(MIRROR, 'lpeg-1.0.2.tar.gz'));
    good[1000] = (good[1000] as number) ^ 0xff;
    await writeFile(join(bad, 'lpeg-1.0.2.tar.gz'), good);
    await rm(join(root, 'workspace', 'sources', 'sha256', LPEG_SHA));
    await editRecipe(root, 'lpeg', (t) => t.replace('build = [[', 'build = [[\n# force a rebuild'));
    const before = await cacheEntries(root);
    const r = await runFarm(root, ['build', '--profile', 'ci', '--mirror', bad, '--offline']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/lpeg-1\.0\.2\.tar\.gz/);
    expect(r.stderr).toMatch(/sha256 mismatch \(got [0-9a-f]{64}\)/);
    expect(r.stderr).toContain(LPEG_SHA);
    expect(await readdir(join(root, 'workspace', 'sources', 'sha256'))).not.toContain(LPEG_SHA);
    expect(await cacheEntries(root)).toEqual(before);
  });

  it('--offline fails before any build, listing every missing source', async () => {
    const before = await cacheEntries(root);
    const since = Math.floor(Date.now() / 1000);
    const r = await runFarm(root, ['build', '--profile', 'ci', '--offline']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/--offline: 1 source\(s\)/);
    expect(r.stderr).toMatch(/lpeg: lpeg-1\.0\.2\.tar\.gz \(sha256 48d66576/);
    expect(await containerCreates(root, since, Math.floor(Date.now() / 1000) + 1)).toBe(0);
    expect(await cacheEntries(root)).toEqual(before);
  });

  it('a source tarball with a ../ entry is refused, naming the entry; nothing is cached', async () => {
    const mirror = await mkdtemp(join(tmpdir(), 'evil-mirror-'));
    const p = pack();
    p.entry({ name: 'evil-1.0/README' }, 'hello');
    p.entry({ name: 'evil-1.0/../../etc/owned' }, 'gotcha');
    p.finalize();
    const file = join(mirror, 'evil-1.0.tar.gz');
    await pipeline(p, createGzip(), createWriteStream(file));
    const sha = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    await mkdir(join(root, 'system', 'evil'));
    await writeFile(
      join(root, 'system', 'evil', 'pkg.lua'),
      `return { name = "evil", version = "1.0", description = "a tarball that escapes", license = "MIT",\n  sources = { { url = "https://example.org/evil-1.0.tar.gz", sha256 = "${sha}" } },\n  build = "cp README $DESTDIR/" }\n`,
    );
    const before = await cacheEntries(root);
    // By name, not through a profile: this tree's config.lua (the example) names services only the ci profile has,
    // and a profile without them is refused before any fetch (test/cli/preflight.test.ts).
    const r = await runFarm(root, ['build', 'evil', '--mirror', mirror, '--mirror', MIRROR]);
    expect(r.code, r.stderr).toBe(4);
    expect(r.stdout + r.stderr).toMatch(/evil-1\.0\.tar\.gz: refusing entry "evil-1\.0\/\.\.\/\.\.\/etc\/owned": path contains "\.\."/);
    expect(await cacheEntries(root)).toEqual(before);
    expect(await workspaceContainers(root)).toEqual([]);
    await rm(join(root, 'system', 'evil'), { recursive: true });
  });

  it('a second farm builds from the mirror this one serves (http, no upstream)', async () => {
    const exported = await mkdtemp(join(tmpdir(), 'served-'));
    const exp = await runFarm(root, ['mirror', 'export', exported, '--profile', 'ci', '--mirror', MIRROR]);
    expect(exp.code, exp.stderr).toBe(0);
    const server = await serveMirror(exported, { port: 0 });
    try {
      const other = await makeRoot();
      await writeFile(join(other, 'profiles', 'lua.lua'), 'return { description = "lua and lpeg", packages = { "lpeg" } }\n');
      const r = await runFarm(other, ['build', '--profile', 'lua', '--mirror', server.url]);
      expect(r.code, r.stderr.slice(-2000)).toBe(0);
      expect(r.stderr).toMatch(new RegExp(`fetched lua: lua-5\\.4\\.4\\.tar\\.gz .* from ${server.url.replace(/[.]/g, '\\.')}`));
      expect(r.stdout).toMatch(/2 built/);
    } finally {
      await server.close();
    }
  });
});
