import { cp, mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateSystemConfig, loadConfig } from '../../farm/config/index.js';
import type { SystemConfig } from '../../farm/config/types.js';
import { buildOrder } from '../../farm/graph/index.js';
import { computeKeys } from '../../farm/keys/index.js';
import { closeLuaWorkers } from '../../farm/lua/index.js';
import { loadRecipes } from '../../farm/recipe/index.js';
import { renderSystemFiles, zonesFromTzdata, type RenderContext, type RenderedFile } from '../../farm/rootfs/render.js';
import { checkServiceTree } from '../../farm/rootfs/services.js';

const REPO = resolve(import.meta.dirname, '..', '..');
afterAll(closeLuaWorkers);

const RAW = {
  hostname: 'stasis',
  timezone: 'Europe/Berlin',
  locale: 'en_US.UTF-8',
  keymap: 'us',
  root_password: '$6$stasisexample$KwbuwRQGuc2o8uosbOkOUefaaMQOOIKjqkCX4eUlWKrAuo9Y6vtl7dyihNbnCvcJGVz3jh6WJv3yQc/bzzEQy.',
  kernel: { params: ['quiet'] },
  filesystem: { root: { device: '/dev/sda2', type: 'ext4', options: 'defaults' }, boot: { device: '/dev/sda1', type: 'vfat' } },
  network: { interfaces: [{ name: 'eth0', mode: 'dhcp' }] },
  wifi: { enabled: false, networks: [] },
  dns: ['9.9.9.9'],
  services: ['dropbear'],
  ttys: ['tty1'],
};
const CTX: RenderContext = {
  packages: new Set(['dhcpcd', 'dropbear', 'eiwd', 'grub', 'tzdata']),
  zones: zonesFromTzdata([
    'Zone\tEurope/Berlin\t0:53:28 -\tLMT\t1893 Apr\n',
    'Zone\tAmerica/New_York\t-4:56:02 -\tLMT\t1883\n',
    'Link\tEurope/Berlin\tArctic/Longyearbyen\n',
  ]),
  compiledZones: new Set(),
  sourceDateEpoch: 1700000000,
};

const cfg = (override: Record<string, unknown> = {}): SystemConfig => validateSystemConfig({ ...RAW, ...override }, 'config.lua');
const render = (override: Record<string, unknown> = {}, ctx: RenderContext = CTX): Map<string, RenderedFile> =>
  new Map(renderSystemFiles(cfg(override), ctx).map((f) => [f.path, f]));
const content = (files: Map<string, RenderedFile>, path: string): string | undefined => files.get(path)?.content;

/** Paths whose content or mode differ between two renders. */
function changed(a: Map<string, RenderedFile>, b: Map<string, RenderedFile>): string[] {
  const paths = new Set([...a.keys(), ...b.keys()]);
  return [...paths].filter((p) => JSON.stringify(a.get(p)) !== JSON.stringify(b.get(p))).sort();
}

describe('config.lua rendered into the rootfs', () => {
  const base = render();

  it.each([
    ['hostname', { hostname: 'island' }, ['etc/hostname', 'etc/hosts']],
    ['timezone', { timezone: 'America/New_York' }, ['etc/timezone']],
    ['locale', { locale: 'de_DE.UTF-8' }, ['etc/profile.d/locale.sh', 'etc/stasis/locale']],
    ['keymap', { keymap: 'de' }, ['etc/stasis/keymap']],
    ['root password', { root_password: '!' }, ['etc/shadow']],
    ['kernel params', { kernel: { params: ['quiet', 'loglevel=3'] } }, ['boot/grub/grub.cfg', 'etc/stasis/cmdline']],
    [
      'serial console',
      { kernel: { params: ['quiet', 'console=ttyS0'] } },
      [
        'boot/grub/grub.cfg',
        'etc/s6-rc/source/default/contents',
        'etc/s6-rc/source/getty-ttyS0',
        'etc/s6-rc/source/getty-ttyS0/run',
        'etc/s6-rc/source/getty-ttyS0/type',
        'etc/stasis/cmdline',
      ],
    ],
    ['filesystem', { filesystem: { root: { device: 'UUID=abcd', type: 'btrfs', options: 'compress=zstd' } } }, ['boot/grub/grub.cfg', 'etc/fstab', 'etc/stasis/cmdline']],
    ['dns', { dns: ['1.1.1.1', '2606:4700::1111'] }, ['etc/resolv.conf']],
    [
      'ttys',
      { ttys: ['tty1', 'ttyS0'] },
      ['etc/s6-rc/source/default/contents', 'etc/s6-rc/source/getty-ttyS0', 'etc/s6-rc/source/getty-ttyS0/run', 'etc/s6-rc/source/getty-ttyS0/type'],
    ],
  ])('changing %s changes exactly the expected files', (_name, override, files) => {
    expect(changed(base, render(override))).toEqual(files);
  });

  it('writes the expected contents and modes', () => {
    expect(content(base, 'etc/hostname')).toBe('stasis\n');
    expect(base.get('etc/shadow')).toMatchObject({ mode: 0o600, content: `root:${RAW.root_password}:19675:0:99999:7:::\n` });
    expect(base.get('root')?.mode).toBe(0o700);
    expect(base.get('tmp')?.mode).toBe(0o1777);
    expect(content(base, 'etc/fstab')).toMatch(/^\/dev\/sda2\t\/\text4\tdefaults\t0 1\n\/dev\/sda1\t\/boot\tvfat\tdefaults\t0 2\n/);
    expect(content(base, 'etc/s6-rc/source/default/contents')).toBe('dropbear\ndhcpcd-eth0\ngetty-tty1\n');
    // /boot is its own partition here: the kernel is /vmlinuz on it, found by search.
    expect(content(base, 'boot/grub/grub.cfg')).toContain('\tsearch --no-floppy --set=root --file /vmlinuz\n\tlinux /vmlinuz root=/dev/sda2 rw quiet\n');
    expect(content(base, 'boot/grub/grub.cfg')).toContain('insmod fat\n');
    expect(content(base, 'etc/s6-rc/source/getty-tty1/run')).toBe('#!/usr/bin/execlineb -P\ngetty 38400 tty1\n');
  });

  it("/etc/group has every group mdevd's mdev.conf gives device nodes to (mdevd refuses to start otherwise)", async () => {
    const conf = await readFile(resolve(import.meta.dirname, '..', '..', 'system', 'mdevd', 'mdev.conf'), 'utf8');
    const wanted = new Set(
      conf
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .map((l) => (l.trim().split(/\s+/)[1] ?? '').split(':')[1]),
    );
    const groups = new Set((content(base, 'etc/group') ?? '').split('\n').map((l) => l.split(':')[0]));
    expect([...wanted].filter((g) => g !== undefined && !groups.has(g))).toEqual([]);
  });

  it('grub.cfg finds /boot/vmlinuz on the root filesystem when there is no /boot partition', () => {
    const files = render({ filesystem: { root: { device: '/dev/vda1', type: 'ext4', options: 'defaults' } } });
    expect(content(files, 'boot/grub/grub.cfg')).toContain('insmod ext2\n');
    expect(content(files, 'boot/grub/grub.cfg')).toContain('\tsearch --no-floppy --set=root --file /boot/vmlinuz\n\tlinux /boot/vmlinuz root=/dev/vda1 rw quiet\n');
  });

  it('a serial console on the kernel command line gets a getty at its baud rate, also when listed in ttys', () => {
    const files = render({ kernel: { params: ['console=tty0', 'console=ttyS1,38400n8'] }, ttys: ['tty1', 'ttyS1'] });
    expect(content(files, 'etc/s6-rc/source/getty-ttyS1/run')).toBe('#!/usr/bin/execlineb -P\ngetty -L 38400 ttyS1 vt100\n');
    expect(content(files, 'etc/s6-rc/source/default/contents')).toBe('dropbear\ndhcpcd-eth0\ngetty-tty1\ngetty-ttyS1\n');
  });

  it('static networking becomes an iproute2 oneshot; wifi secrets are stored 0600 in a 0700 directory', () => {
    const files = render({
      network: { interfaces: [{ name: 'eth1', mode: 'static', address: '192.168.1.10/24', gateway: '192.168.1.1' }] },
      wifi: { enabled: true, networks: [{ ssid: 'home', passphrase: 'correct horse battery' }] },
    });
    expect(content(files, 'etc/s6-rc/source/net-eth1/up')).toBe(
      'if { ip link set eth1 up }\nif { ip address add 192.168.1.10/24 dev eth1 }\nip route add default via 192.168.1.1 dev eth1\n',
    );
    expect(files.get('var/lib/iwd/home.psk')).toMatchObject({ mode: 0o600, content: '[Security]\nPassphrase=correct horse battery\n' });
    expect(files.get('var/lib/iwd')?.mode).toBe(0o700);
  });

  it.each([
    ['an unknown timezone, listing near matches', { timezone: 'Europe/Berlinn' }, /config\.lua: timezone: unknown zone "Europe\/Berlinn" \(near: Europe\/Berlin/],
    ['an unknown service', { services: ['sshd'] }, /config\.lua: services\[1\]: unknown service "sshd"/],
    ['a service whose package is not selected', { services: ['openntpd'] }, /config\.lua: services\[1\]: "openntpd" needs package openntpd/],
  ])('rejects %s, naming the option', (_name, override, message) => {
    expect(() => render(override)).toThrow(message);
  });

  it('the config-time checks name the option too (hostname, password, tty)', () => {
    expect(() => cfg({ hostname: 'under_score' })).toThrow(/config\.lua: hostname/);
    expect(() => cfg({ root_password: 'letmein' })).toThrow(/config\.lua: root_password: .*plain text is refused/);
    expect(() => cfg({ ttys: ['ttyZ9'] })).toThrow(/config\.lua: ttys\[1\]: "ttyZ9" is not a terminal device/);
  });

  it('a system option enters only the key of a recipe that reads it', async () => {
    const root = await mkdtemp(join(tmpdir(), 'keys-'));
    const recipe = (name: string, build: string): string =>
      `return { name = "${name}", version = "1", description = "d", license = "MIT", sources = {}, build = ${build} }\n`;
    for (const [name, text] of [
      ['motd', recipe('motd', '"echo " .. config.hostname .. " > motd"')],
      ['zlib', recipe('zlib', '"make"')],
    ] as const) {
      await mkdir(join(root, 'system', name), { recursive: true });
      await writeFile(join(root, 'system', name, 'pkg.lua'), text);
    }
    await cp(join(REPO, 'configs', 'default.lua.example'), join(root, 'default.lua'));
    const example = await readFile(join(REPO, 'configs', 'config.lua.example'), 'utf8');
    const keysFor = async (text: string): Promise<Map<string, string>> => {
      await writeFile(join(root, 'config.lua'), text);
      const recipes = await loadRecipes(root, await loadConfig(root), { stage: 'dev' });
      const order = buildOrder(recipes, [...recipes.keys()]);
      const keys = computeKeys(order, recipes, {
        farmVersion: 't',
        builderImage: 'sha256:x',
        stage: 'dev',
        toolchainEnv: { CC: 'cc', CFLAGS: '-O2', CXXFLAGS: '-O2', LDFLAGS: '-static', LTO: '0' },
        stripStepSha256: 's'.repeat(64),
      });
      return new Map([...keys].map(([k, v]) => [k, v.key]));
    };
    const before = await keysFor(example);
    const unread = await keysFor(example.replace('timezone = "UTC"', 'timezone = "Europe/Berlin"').replace('"tty1", "tty2", "tty3"', '"tty1"'));
    expect(unread).toEqual(before);
    const renamed = await keysFor(example.replace('hostname = "stasis"', 'hostname = "island"'));
    expect(renamed.get('zlib')).toBe(before.get('zlib'));
    expect(renamed.get('motd')).not.toBe(before.get('motd'));
  });
});

describe('with s6-boot: locale in the init environment, services after the boot bundle', () => {
  const BOOT: RenderContext = { ...CTX, packages: new Set([...CTX.packages, 's6-boot']) };
  const base = render({}, BOOT);

  it('the default bundle starts with boot, and every rendered service depends on it', () => {
    expect(content(base, 'etc/s6-rc/source/default/contents')).toBe('boot\ndropbear\ndhcpcd-eth0\ngetty-tty1\n');
    for (const svc of ['dropbear', 'dhcpcd-eth0', 'getty-tty1']) expect(base.has(`etc/s6-rc/source/${svc}/dependencies.d/boot`)).toBe(true);
    // Without s6-boot nothing depends on a bundle that would not exist.
    expect([...render().keys()].filter((p) => p.includes('dependencies.d'))).toEqual([]);
  });

  it('changing the locale changes the init environment and the login profile, nothing else', () => {
    expect(changed(base, render({ locale: 'de_DE.UTF-8' }, BOOT))).toEqual(['etc/profile.d/locale.sh', 'etc/s6-linux-init/current/env/LANG', 'etc/stasis/locale']);
    expect(content(render({ locale: 'de_DE.UTF-8' }, BOOT), 'etc/s6-linux-init/current/env/LANG')).toBe('de_DE.UTF-8\n');
  });

  it("changing the keymap changes only the file s6-boot's keymap service loads", () => {
    expect(changed(base, render({ keymap: 'de-latin1' }, BOOT))).toEqual(['etc/stasis/keymap']);
  });
});

describe('the s6-rc source tree is checked before the rootfs is written', () => {
  const origins = (paths: Record<string, string>): Map<string, string> => new Map(Object.entries(paths));

  it('accepts a tree whose bundles and dependencies name existing services', () => {
    const files = renderSystemFiles(cfg(), { ...CTX, packages: new Set([...CTX.packages, 's6-boot']) });
    const paths = new Map(files.map((f) => [f.path, 'config.lua']));
    // s6-boot's own services, as its package output has them.
    for (const p of ['boot/type', 'boot/contents.d/mount-fs', 'mount-fs/type', 'mount-fs/up']) paths.set(`etc/s6-rc/source/${p}`, 's6-boot');
    const texts = new Map(files.filter((f) => f.content !== undefined).map((f) => [f.path, f.content as string]));
    expect(() => checkServiceTree(paths, texts)).not.toThrow();
  });

  it('names the file and its origin when a dependency or bundle member does not exist', () => {
    const paths = origins({
      'etc/s6-rc/source/web/type': 'nginx',
      'etc/s6-rc/source/web/dependencies.d/network': 'nginx',
      'etc/s6-rc/source/default/type': 'config.lua',
      'etc/s6-rc/source/default/contents': 'config.lua',
    });
    const texts = new Map([['etc/s6-rc/source/default/contents', 'web\nsshd\n']]);
    expect(() => checkServiceTree(paths, texts)).toThrow(/web\/dependencies\.d \(from nginx\) names "network"[\s\S]*default\/contents \(from config\.lua\) names "sshd"/);
  });

  it('refuses a service directory without a type', () => {
    expect(() => checkServiceTree(origins({ 'etc/s6-rc/source/half': 'x', 'etc/s6-rc/source/half/run': 'x' }), new Map())).toThrow(
      /source\/half \(from x\) has no type file/,
    );
  });
});
