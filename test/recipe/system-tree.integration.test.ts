import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../farm/config/index.js';
import { buildOrder, selectPackages } from '../../farm/graph/index.js';
import { computeKeys } from '../../farm/keys/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { loadProject } from '../../farm/project/load.js';
import { loadProfile, loadRecipes, type EvaluatedRecipe } from '../../farm/recipe/index.js';
import { sharedMirror } from '../support/mirror.js';

// The whole recipe tree, evaluated and checked against the source mirrors: the integration tier.
const REPO = resolve(import.meta.dirname, '..', '..');
// The shared offline mirror (STASIS_MIRROR); the tests that compare recipes with it skip without it.
const MIRROR = sharedMirror('the system/ tests that compare recipes with the shared source mirror');
const withMirror = it.skipIf(MIRROR === undefined);
// The second mirror's list (the directory itself is outside the repository: tools/recreate-mirror makes it).
const SECOND = join(REPO, 'mirror', 'SOURCES.tsv');
// Package registries and distribution archives: recipes cite upstream URLs, never one of these.
const REGISTRY_HOSTS = [
  /\b(?:deb|ftp|security|snapshot|archive|httpredir|cdn-fastly|ftp\.[a-z]{2})\.debian\.(?:org|net)\b/,
  /\b(?:archive|security|ports|old-releases)\.ubuntu\.com\b/,
  /\bfiles\.pythonhosted\.org\b/,
  /\bpypi\.(?:org|python\.org)\b/,
  /\bregistry\.(?:npmjs\.org|yarnpkg\.com)\b/,
  /\b(?:static\.)?crates\.io\b/,
  /\brubygems\.org\b/,
  /\bproxy\.golang\.org\b/,
  /\brepo1?\.maven\.org\b/,
  /\bdl-cdn\.alpinelinux\.org\b/,
  /\bdownload\.fedoraproject\.org\b/,
  /\bmirrors\.fedoraproject\.org\b/,
];

afterAll(closeLuaWorkers);

// The Stasis package set, as the distribution defines it (issue 7).
const BASE = `rootfs-layout grub linux skalibs execline s6 s6-linux-init s6-rc s6-boot s6-linux-utils s6-portable-utils
  mdevd dhcpcd eiwd acpid openntpd dcron dropbear musl-cross-make make m4 flex bison bc elfutils bash coreutils sed
  gnugrep findutils gawk diffutils patch which file less mandoc procps-ng shadow util-linux e2fsprogs kbd iproute2 iw
  iptables gnu-netcat inetutils curl git rsync gtar bzip2 xz lzip pigz ed mg vis lua libressl zlib certs ncurses
  libc-tools libcap libnl libtermkey lpeg tzdata`.split(/\s+/);
const EXTRA = `darkhttpd nginx socat wireguard-tools unbound nsd i2pd catgirl neomutt w3m screen tmux neovim emacs unzip cmake
  samurai luajit boost gdb strace efivar efibootmgr btrfs-progs gmp mpfr nettle libtasn1 gnutls expat libxml2 libevent
  boehm-gc libdrm freetype fribidi libass libplacebo alsa-lib alsa-utils ffmpeg mpv libtorrent rtorrent`.split(/\s+/);
const SUCKS = ['jre-bin', 'i2p-bin', 'yt-dlp-bin'];

let root: string;
let recipes: Map<string, EvaluatedRecipe>;
let mirrorSums: Map<string, string>;
let second: Map<string, { sha256: string; kind: string }>;
let notes: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'system-tree-'));
  await cp(join(REPO, 'system'), join(root, 'system'), { recursive: true });
  await cp(join(REPO, 'profiles'), join(root, 'profiles'), { recursive: true });
  await cp(join(REPO, 'configs', 'config.lua.example'), join(root, 'config.lua'));
  await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
  recipes = await loadRecipes(root, await loadConfig(root), { stage: 'dev' });
  mirrorSums = new Map(
    (MIRROR === undefined ? '' : await readFile(join(MIRROR, 'SHA256SUMS'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => {
        const [hash, file] = l.split(/\s+\*?/);
        return [file as string, hash as string];
      }),
  );
  second = new Map(
    (await readFile(SECOND, 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '' && !l.startsWith('#') && !l.startsWith('file\t'))
      .map((l) => {
        const [file, sha256, , , kind] = l.split('\t');
        return [file as string, { sha256: sha256 as string, kind: kind as string }];
      }),
  );
  notes = await readFile(join(REPO, 'docs', 'status-notes.yaml'), 'utf8');
}, 60_000);

describe('the Stasis package set in system/', () => {
  it('has a validated recipe for every package of the set (base, extras, /sucks)', () => {
    const missing = [...BASE, ...EXTRA, ...SUCKS].filter((name) => !recipes.has(name));
    expect(missing).toEqual([]);
  });

  it('marks exactly the /sucks packages as non-static', () => {
    const dynamic = [...recipes.values()]
      .filter((r) => !r.recipe.static)
      .map((r) => r.recipe.name)
      .sort();
    expect(dynamic).toEqual([...SUCKS].sort());
  });

  withMirror("every source is a real https/http URL or a mirror-only file; a file the mirror has carries the mirror's sha256", () => {
    const wrong: string[] = [];
    for (const { recipe } of recipes.values()) {
      for (const s of recipe.sources) {
        if (s.url === undefined) {
          if (!mirrorSums.has(s.file) && !second.has(s.file)) wrong.push(`${recipe.name}: mirror-only ${s.file} is in neither mirror's list`);
        } else if (!/^https?:\/\/[a-z0-9.-]+\.[a-z]{2,}\//.test(s.url)) wrong.push(`${recipe.name}: ${s.url}`);
        const known = mirrorSums.get(s.file);
        if (known !== undefined && known !== s.sha256) wrong.push(`${recipe.name}: ${s.file} sha256 ${s.sha256} but the mirror has ${known}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  withMirror('every source that is not in the mirror says where its checksum was recorded', async () => {
    const unexplained: string[] = [];
    for (const { recipe, file } of recipes.values()) {
      const text = await readFile(join(root, file), 'utf8');
      const comments = text
        .split('\n')
        .filter((l) => l.trim().startsWith('--'))
        .join('\n');
      const needs = recipe.sources.filter((s) => !mirrorSums.has(s.file));
      if (needs.length > 0 && !/sha256|checksum/i.test(comments)) unexplained.push(recipe.name);
    }
    expect(unexplained).toEqual([]);
  });

  it("a mirror-only source says where the file came from; no recipe names a distribution's package archive", async () => {
    const wrong: string[] = [];
    for (const { recipe, file } of recipes.values()) {
      const text = await readFile(join(root, file), 'utf8');
      if (/\/pool\/main\//.test(text)) wrong.push(`${recipe.name}: names a package archive`);
      const comments = text
        .split('\n')
        .filter((l) => l.trim().startsWith('--'))
        .join('\n');
      if (recipe.sources.some((s) => s.url === undefined) && !/mirror-only/i.test(comments))
        wrong.push(`${recipe.name}: mirror-only source without a provenance comment`);
    }
    expect(wrong).toEqual([]);
  });

  it("no file under system/, profiles/, docs/ or README.md names a package registry's host", async () => {
    const files = async (dir: string): Promise<string[]> =>
      (await readdir(dir, { withFileTypes: true, recursive: true })).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
    const all = [...(await files(join(REPO, 'system'))), ...(await files(join(REPO, 'profiles'))), ...(await files(join(REPO, 'docs'))), join(REPO, 'README.md')];
    const named: string[] = [];
    for (const f of all) {
      const text = await readFile(f, 'utf8');
      for (const host of REGISTRY_HOSTS) {
        const m = host.exec(text);
        if (m !== null) named.push(`${f.slice(REPO.length + 1)}: ${m[0]}`);
      }
    }
    expect(named).toEqual([]);
  });

  it('a file of the second mirror (mirror/SOURCES.tsv) carries the listed sha256; a repack is mirror-only, an upstream file has its url', () => {
    const wrong: string[] = [];
    const used = new Set<string>();
    for (const { recipe } of recipes.values()) {
      for (const s of recipe.sources) {
        const listed = second.get(s.file);
        if (listed === undefined) continue;
        used.add(s.file);
        if (listed.sha256 !== s.sha256) wrong.push(`${recipe.name}: ${s.file} sha256 ${s.sha256} but mirror/SOURCES.tsv has ${listed.sha256}`);
        if (listed.kind === 'repack' && s.url !== undefined) wrong.push(`${recipe.name}: ${s.file} is a repack but has a url`);
        if (listed.kind === 'upstream' && s.url === undefined) wrong.push(`${recipe.name}: ${s.file} is an upstream file without its url`);
      }
    }
    for (const [file, { kind }] of second) {
      if (kind !== 'upstream' && kind !== 'repack') wrong.push(`mirror/SOURCES.tsv: ${file}: kind ${kind}`);
    }
    expect(wrong).toEqual([]);
    // Every listed file is some recipe's source: the list does not keep what nothing needs.
    expect([...second.keys()].filter((f) => !used.has(f) && !/^(gmp|mpfr)/.test(f))).toEqual([]);
  });

  withMirror("every source is in one of the two mirrors' lists, or docs/status-notes.yaml says why its package is not built here", () => {
    const unobtainable = [...recipes.values()]
      .filter(({ recipe }) => recipe.sources.some((s) => !mirrorSums.has(s.file) && !second.has(s.file)))
      .map(({ recipe }) => recipe.name)
      .filter((name) => !new RegExp(`^${name.replace(/[.+]/g, '\\$&')}:`, 'm').test(notes));
    expect(unobtainable).toEqual([]);
  });

  it('local packages (no sources) carry their files beside pkg.lua', () => {
    for (const name of ['rootfs-layout', 's6-boot', 'libc-tools', 'certs']) {
      const r = recipes.get(name);
      expect(r?.recipe.sources).toEqual([]);
      for (const f of r?.recipe.files ?? []) expect(existsSync(join(root, 'system', name, f))).toBe(true);
    }
  });
});

describe('profiles', () => {
  const select = async (name: string, include: string[] = [], exclude: string[] = []) =>
    selectPackages(recipes, await loadProfile(root, name, { stage: 'dev' }), include, exclude);

  it('every profile file resolves and orders', async () => {
    const names = (await readdir(join(root, 'profiles'))).filter((f) => f.endsWith('.lua')).map((f) => f.slice(0, -4));
    expect(names).toEqual(expect.arrayContaining(['base', 'minimal', 'offline', 'server', 'tiny', 'ci']));
    for (const name of names) {
      const selection = await select(name);
      expect(buildOrder(recipes, selection.packages).order.length).toBe(selection.packages.length);
    }
  });

  it('base is the whole base set; extras are not in it', async () => {
    const base = await select('base');
    expect([...base.requested].sort()).toEqual([...BASE].sort());
    expect(base.packages.filter((p) => EXTRA.includes(p) || SUCKS.includes(p))).toEqual([]);
  });

  it('minimal boots with s6 and carries a compiler to rebuild itself', async () => {
    const minimal = await select('minimal');
    for (const p of ['linux', 'grub', 's6', 's6-rc', 's6-linux-init', 's6-boot', 'execline', 'musl-cross-make', 'make', 'busybox']) {
      expect(minimal.packages).toContain(p);
    }
    // Everything a package of minimal needs to build is in minimal: it can rebuild itself.
    for (const p of minimal.packages) {
      for (const dep of recipes.get(p)?.recipe.buildDeps ?? []) expect(minimal.packages, `${p} needs ${dep}`).toContain(dep);
    }
  });

  it('an extra included from config.lua brings its dependencies; excluding a needed base package names its dependents', async () => {
    const withTmux = await select('base', ['tmux']);
    expect(withTmux.packages).toContain('libevent');
    expect(withTmux.pulledIn.get('libevent')).toBeDefined();
    await expect(select('base', [], ['ncurses'])).rejects.toThrow(/ncurses.*(needed|needs|required).*less|less.*ncurses/s);
  });

  it('config.lua is checked against each profile before anything is built: the examples fit the profiles they are for', async () => {
    // The example config (DHCP, dhcpcd, openntpd, dropbear) fits base, server, offline and ci; without busybox,
    // offline's and ci's gettys are a warning. boot.config.lua fits boot with nothing to say.
    for (const profile of ['base', 'server', 'offline', 'ci']) {
      const project = await loadProject(root, { profile });
      expect(
        project.warnings.map((w) => w.field),
        profile,
      ).toEqual(['base', 'server'].includes(profile) ? [] : ['ttys']);
    }
    const boot = await mkdtemp(join(tmpdir(), 'boot-config-'));
    await symlink(join(REPO, 'system'), join(boot, 'system'));
    await symlink(join(REPO, 'profiles'), join(boot, 'profiles'));
    await cp(join(REPO, 'configs', 'boot.config.lua'), join(boot, 'config.lua'));
    await cp(join(REPO, 'configs', 'default.lua.example'), join(boot, 'default.lua'));
    expect((await loadProject(boot, { profile: 'boot' })).warnings).toEqual([]);
    // Issue 18: the example config with tiny used to build for minutes and fail at assembly.
    await expect(loadProject(root, { profile: 'tiny' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      data: { problems: ['network.interfaces[1]', 'services[1]', 'services[2]', 'services[3]'].map((field) => expect.objectContaining({ field }) as unknown) },
    });
  }, 120_000);

  withMirror('the offline profile needs no source outside the shared mirror', async () => {
    const offline = await select('offline');
    const outside = offline.packages.flatMap((p) => (recipes.get(p)?.recipe.sources ?? []).filter((s) => !mirrorSums.has(s.file)).map((s) => `${p}: ${s.file}`));
    expect(outside).toEqual([]);
  });
});

describe('package keys of the whole tree', () => {
  /** Every package's key with `text` as config.lua. */
  const keysFor = async (text: string): Promise<Map<string, string>> => {
    await writeFile(join(root, 'config.lua'), text);
    const config = await loadConfig(root);
    const all = await loadRecipes(root, config, { stage: 'dev' });
    const order = buildOrder(all, [...all.keys()]);
    const keys = computeKeys(order, all, {
      farmVersion: 't',
      builderImage: 'sha256:x',
      stage: 'dev',
      toolchainEnv: { CC: 'cc', CFLAGS: '-O2', CXXFLAGS: '-O2', LDFLAGS: '-static', LTO: '0' },
      stripStepSha256: 's'.repeat(64),
    });
    return new Map([...keys].map(([k, v]) => [k, v.key]));
  };

  it('the kernel .config enters the key of linux and of no other package; its content, not its name, counts', async () => {
    const example = await readFile(join(REPO, 'configs', 'config.lua.example'), 'utf8');
    const keysWith = async (kernelConfig: string | undefined): Promise<Map<string, string>> => {
      const text = kernelConfig === undefined ? example : example.replace(/config = nil,/, `config = "${kernelConfig}",`);
      expect(text === example).toBe(kernelConfig === undefined);
      return keysFor(text);
    };
    const changedBetween = (a: Map<string, string>, b: Map<string, string>): string[] => [...a.keys()].filter((k) => a.get(k) !== b.get(k)).sort();
    const none = await keysWith(undefined);
    await writeFile(join(root, 'kernel-a.config'), 'CONFIG_64BIT=y\n');
    const a = await keysWith('kernel-a.config');
    await writeFile(join(root, 'kernel-a.config'), 'CONFIG_64BIT=y\nCONFIG_EXT4_FS=y\n');
    const a2 = await keysWith('kernel-a.config');
    await writeFile(join(root, 'kernel-b.config'), 'CONFIG_64BIT=y\nCONFIG_EXT4_FS=y\n');
    const b = await keysWith('kernel-b.config');
    await writeFile(join(root, 'config.lua'), example);
    expect(changedBetween(none, a)).toEqual(['linux', ...dependentsOf('linux')]);
    expect(changedBetween(a, a2)).toEqual(['linux', ...dependentsOf('linux')]);
    // Same content under another file name: same key.
    expect(changedBetween(a2, b)).toEqual([]);
  }, 60_000);

  it('system options change no package key: no recipe reads the hostname, the timezone or the ttys', async () => {
    const example = await readFile(join(REPO, 'configs', 'config.lua.example'), 'utf8');
    const before = await keysFor(example);
    const after = await keysFor(
      example.replace('hostname = "stasis"', 'hostname = "island"').replace('timezone = "UTC"', 'timezone = "Europe/Berlin"').replace('"tty1", "tty2", "tty3"', '"tty1"'),
    );
    await writeFile(join(root, 'config.lua'), example);
    expect(after).toEqual(before);
  }, 60_000);
});

/** Packages whose key includes linux's key (they build-depend on it, directly or not). */
function dependentsOf(pkg: string): string[] {
  const out = new Set<string>();
  let grew = true;
  while (grew) {
    grew = false;
    for (const { recipe } of recipes.values()) {
      if (out.has(recipe.name)) continue;
      if (recipe.buildDeps.some((d) => d === pkg || out.has(d))) {
        out.add(recipe.name);
        grew = true;
      }
    }
  }
  return [...out].sort();
}

describe('build scripts', () => {
  it("every recipe's build script is valid sh (sh -n), so a typo fails here and not hours into a build", async () => {
    const { spawnSync } = await import('node:child_process');
    const broken: string[] = [];
    for (const { recipe } of recipes.values()) {
      const r = spawnSync('sh', ['-n'], { input: recipe.build, encoding: 'utf8' });
      if (r.status !== 0) broken.push(`${recipe.name}: ${r.stderr.trim()}`);
    }
    expect(broken).toEqual([]);
  });
});

describe('every recipe and profile of the repository', () => {
  it('loads in every stage (dev, a, b); every profile names only existing packages', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'real-'));
    await symlink(join(REPO, 'system'), join(dir, 'system'));
    await symlink(join(REPO, 'profiles'), join(dir, 'profiles'));
    await cp(join(REPO, 'configs', 'config.lua.example'), join(dir, 'config.lua'));
    await cp(join(REPO, 'configs', 'default.lua.example'), join(dir, 'default.lua'));
    const config = await loadConfig(dir);
    const real = (await readdir(join(REPO, 'system'))).filter((n) => existsSync(join(REPO, 'system', n, 'pkg.lua')));
    const profiles = (await readdir(join(REPO, 'profiles'))).filter((f) => f.endsWith('.lua')).map((f) => f.slice(0, -4));
    for (const stage of ['dev', 'a', 'b'] as const) {
      const recipes = await loadRecipes(dir, config, { stage });
      expect([...recipes.keys()].sort()).toEqual(real.sort());
      const busybox = recipes.get('busybox');
      expect(busybox?.file).toBe('system/busybox/pkg.lua');
      expect(busybox?.reads).toContainEqual({ path: 'farm.stage', value: JSON.stringify(stage) });
      for (const name of profiles) {
        const profile = await loadProfile(dir, name, { stage });
        expect(profile.packages.length, name).toBeGreaterThan(0);
        for (const p of profile.packages) expect(recipes.has(p), `${name}: ${p}`).toBe(true);
      }
    }
  }, 60_000);
});
