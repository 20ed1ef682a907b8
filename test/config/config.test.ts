import { cp, mkdir, mkdtemp, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configOptionPaths, loadConfig, validateDefaults, validateSystemConfig } from '../../farm/config/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import type { FarmError } from '../../farm/errors/index.js';

const REPO = resolve(import.meta.dirname, '..', '..');
afterAll(closeLuaWorkers);

const BASE = { hostname: 'stasis', timezone: 'UTC', locale: 'C.UTF-8', keymap: 'us', root_password: '!', filesystem: { root: { device: '/dev/sda2', type: 'ext4' } } };

async function rootWith(files: Record<string, string>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'cfg-'));
  for (const [name, text] of Object.entries(files)) await writeFile(join(root, name), text);
  return root;
}

describe('config.lua / default.lua', () => {
  it('says exactly how to create missing files, from wherever the tree is; a directory without system/ is not a tree', async () => {
    const root = await rootWith({});
    await mkdir(join(root, 'system'));
    const error = (await loadConfig(root).catch((e: unknown) => e)) as FarmError;
    expect(error.code).toBe('CONFIG_MISSING');
    expect(error.message).toBe(`config.lua and default.lua are missing in ${root}: create them from the farm's examples`);
    // The commands work from the tree: the examples' path leads from it to the farm's configs/.
    const [first, second] = (error.hint ?? '').replace(/, then edit them$/, '').split(' && ');
    expect(first).toMatch(/^cp \S+\/config\.lua\.example config\.lua$/);
    expect(second).toMatch(/^cp \S+\/default\.lua\.example default\.lua$/);
    await expect(stat(resolve(root, (first as string).split(' ')[1] as string))).resolves.toBeTruthy();
    expect(error.hint).not.toContain(error.message);
    const half = await rootWith({ 'config.lua': 'return {}' });
    await mkdir(join(half, 'system'));
    const one = (await loadConfig(half).catch((e: unknown) => e)) as FarmError;
    expect(one.hint).toMatch(/^cp \S+\/default\.lua\.example default\.lua, then edit it$/);
    const elsewhere = (await loadConfig(await rootWith({})).catch((e: unknown) => e)) as FarmError;
    expect(elsewhere.message).toMatch(/which is not a Stasis tree \(it has no system\/ of recipes\)$/);
    expect(elsewhere.hint).toMatch(/pass --root DIR/);
  });

  it('reports Lua errors in config.lua with file and line', async () => {
    const root = await rootWith({ 'config.lua': 'return {\n  hostname = "x",\n  oops oops\n}', 'default.lua': 'return {}' });
    await expect(loadConfig(root)).rejects.toMatchObject({ code: 'LUA_ERROR', message: expect.stringMatching(/^config\.lua:3: /) as unknown });
  });

  it('lists option paths for config diff', () => {
    expect(configOptionPaths({ hostname: 'x', kernel: { params: ['a'], config: 'k' }, network: { interfaces: [{ name: 'eth0' }] }, include: [] })).toEqual([
      'hostname',
      'include',
      'kernel.config',
      'kernel.params',
      'network.interfaces',
    ]);
  });

  it('loads the shipped examples', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cfg-'));
    await cp(join(REPO, 'configs', 'config.lua.example'), join(root, 'config.lua'));
    await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
    const c = await loadConfig(root);
    expect(c.system.hostname).toBe('stasis');
    expect(c.system.rootPassword).toMatch(/^\$6\$/);
    expect(c.defaults.builder).toBe('stasis-builder:debian-musl');
  });

  it.each([
    [{ hostname: 'bad_host!' }, /config\.lua: hostname: "bad_host!" is not a valid host name/],
    [{ root_password: 'hunter2' }, /config\.lua: root_password: must be a crypt\(3\) hash.*plain text is refused/],
    [{ hostnmae: 'x' }, /config\.lua: hostnmae: unknown option \(did you mean "hostname"\?\)/],
    [
      {
        network: {
          interfaces: [
            { name: 'eth0', mode: 'dhcp' },
            { name: 'eth1', mode: 'dhcpp' },
          ],
        },
      },
      /config\.lua: network\.interfaces\[2\]\.mode: expected "dhcp" or "static", got "dhcpp"/,
    ],
    [{ ttys: ['tty1', 'pts/0'] }, /config\.lua: ttys\[2\]: "pts\/0" is not a terminal device/],
    [{ dns: ['9.9.9.9', 'dns.example'] }, /config\.lua: dns\[2\]: "dns.example" is not an IPv4 or IPv6 address/],
    [{ dns: ['2620:fe::fe', ':::::'] }, /config\.lua: dns\[2\]: ":::::" is not an IPv4 or IPv6 address/],
    [{ dns: ['999.1.1.1'] }, /config\.lua: dns\[1\]: "999\.1\.1\.1" is not an IPv4 or IPv6 address/],
    [{ timezone: 'Mars/Olympus Mons' }, /config\.lua: timezone: "Mars\/Olympus Mons" is not a zone name/],
    [{ wifi: { networks: [{ ssid: 'home', passphrase: 'short' }] } }, /config\.lua: wifi\.networks\[1\]\.passphrase: "short" is not a WPA passphrase/],
  ])('rejects %j naming the option', (override, message) => {
    expect(() => validateSystemConfig({ ...BASE, ...override }, 'config.lua')).toThrow(message);
  });

  it('rejects a kernel .config file that does not exist, naming the option', async () => {
    const root = await mkdtemp(join(tmpdir(), 'cfg-'));
    const example = await import('node:fs/promises').then((fs) => fs.readFile(join(REPO, 'configs', 'config.lua.example'), 'utf8'));
    await writeFile(join(root, 'config.lua'), example.replace('config = nil,', 'config = "kernel/x86_64.config",'));
    await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
    await expect(loadConfig(root)).rejects.toThrow(/config\.lua: kernel\.config: kernel\/x86_64\.config does not exist/);
  });

  it('a locale names UTF-8 or no codeset (musl has no other); C and POSIX as they are', () => {
    for (const locale of ['C', 'POSIX', 'C.UTF-8', 'en_US.UTF-8', 'de_DE.utf8', 'sr_RS@latin', 'fr_FR'])
      expect(validateSystemConfig({ ...BASE, locale }, 'config.lua').locale).toBe(locale);
    for (const locale of ['xx_YY.bogus', 'de_DE.ISO-8859-1', 'C.bogus', 'english'])
      expect(() => validateSystemConfig({ ...BASE, locale }, 'config.lua')).toThrow(/locale.*musl has UTF-8 only/);
  });

  it('reports every problem at once', () => {
    expect(() => validateSystemConfig({ ...BASE, hostname: '-x', root_password: 'plain' }, 'config.lua')).toThrow(/2 problems/);
    expect(validateSystemConfig(BASE, 'config.lua').rootPassword).toBe('!');
  });

  it('accepts kernel parameters as plain tokens: key=value, dotted keys, commas, slashes, colons', () => {
    const params = [
      'quiet',
      'console=ttyS0,115200n8',
      'rd.break',
      'a.b=c',
      'init=/sbin/init',
      'root=PARTUUID=0a1b-01',
      'ip=10.0.0.2::10.0.0.1:255.255.255.0',
      'video=1024x768@60',
    ];
    expect(validateSystemConfig({ ...BASE, kernel: { params } }, 'config.lua').kernel.params).toEqual(params);
  });

  it.each(['quiet;reboot', 'quiet }', '{', 'x=$root', 'a\\b', "it's", 'a"b', 'a\nb', 'a`b`', '#comment'])(
    'config.lua: rejects the kernel parameter %j (it would reach grub.cfg), naming kernel.params[N]',
    (bad) => {
      expect(() => validateSystemConfig({ ...BASE, kernel: { params: ['quiet', bad] } }, 'config.lua')).toThrow(
        /^config\.lua: kernel\.params\[2\]: .* is not one kernel parameter/,
      );
    },
  );

  it.each([
    [{ jobs: -1 }, /default\.lua: jobs: expected an integer >= 0/],
    [{ cflags: '-O2; rm -rf /' }, /default\.lua: cflags: .* is not compiler flags/],
    [{ lto: 'yes' }, /default\.lua: lto: expected true or false/],
    [{ mirors: [] }, /default\.lua: mirors: unknown option \(did you mean "mirrors"\?\)/],
    [{ mirrors: ['x', { url: 'http://m.i2p/', proxy: 'socks5://127.0.0.1:9050' }] }, /default\.lua: mirrors\[2\]\.proxy: "socks5:.*only a plain HTTP proxy/],
    [{ mirrors: [{ url: '../mirror', proxy: 'http://127.0.0.1:4444' }] }, /default\.lua: mirrors\[1\]\.url: "\.\.\/mirror" is not an http\(s\) URL/],
    [{ mirrors: [{ url: 'http://m.i2p/', proxi: 'http://127.0.0.1:4444' }] }, /default\.lua: mirrors\[1\]\.proxi: unknown field \(did you mean "proxy"\?\)/],
    [{ mirrors: [{ proxy: 'http://127.0.0.1:4444' }] }, /default\.lua: mirrors\[1\]\.url: missing \(required\)/],
    [{ mirrors: [7] }, /default\.lua: mirrors\[1\]: expected a directory, an http\(s\) URL or a table/],
  ])('default.lua: rejects %j naming the option', (raw, message) => {
    expect(() => validateDefaults(raw, 'default.lua')).toThrow(message);
  });

  it('default.lua: a mirror is a string or a table with url and proxy; the table keeps its place in the order', () => {
    const defaults = validateDefaults(
      { mirrors: ['../shared/sources', { url: 'http://stasis.i2p/sources', proxy: '127.0.0.1:4444' }, { url: 'https://m.example/' }, 'https://n.example/'] },
      'default.lua',
    );
    expect(defaults.mirrors).toEqual(['../shared/sources', 'http://stasis.i2p/sources', 'https://m.example/', 'https://n.example/']);
    expect(defaults.mirrorProxies).toEqual([{ url: 'http://stasis.i2p/sources', proxy: 'http://127.0.0.1:4444/' }]);
  });
});
