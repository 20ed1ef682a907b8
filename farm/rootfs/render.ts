import type { SystemConfig } from '../config/types.js';
import { serialConsoles } from './consoles.js';
import { checkSystemConfig, configProblemsError } from './preflight.js';
import { PROVIDERS, SERVICES } from './providers.js';

/** A file (or directory) config.lua puts into the rootfs. */
export interface RenderedFile {
  readonly path: string;
  readonly type: 'file' | 'dir' | 'symlink';
  readonly mode: number;
  readonly content?: string;
  readonly target?: string;
}

/** What the renderer may look at in the assembled packages. */
export interface RenderContext {
  readonly packages: ReadonlySet<string>;
  /** Zone names known to the built tzdata (empty when tzdata is not built). */
  readonly zones: ReadonlySet<string>;
  /** Compiled zone files present under usr/share/zoneinfo. */
  readonly compiledZones: ReadonlySet<string>;
  /** Keymap names of the built kbd (usr/share/keymaps/(any dirs)/NAME.map[.gz]); absent or empty when kbd is not built. */
  readonly keymaps?: ReadonlySet<string>;
  readonly sourceDateEpoch: number;
}

/**
 * The system groups: tty owns the terminals (devpts mounts with gid=5); the
 * device groups are the ones mdevd's mdev.conf hands device nodes to (mdevd
 * refuses to start on a group it cannot resolve). The usual numbers.
 */
const SYSTEM_GROUPS: readonly (readonly [string, number, string])[] = [
  ['root', 0, 'root'],
  ['tty', 5, ''],
  ['disk', 6, ''],
  ['wheel', 10, 'root'],
  ['cdrom', 24, ''],
  ['audio', 29, ''],
  ['video', 44, ''],
  ['input', 97, ''],
];

const dir = (path: string, mode = 0o755): RenderedFile => ({ path, type: 'dir', mode });
const file = (path: string, content: string, mode = 0o644): RenderedFile => ({ path, type: 'file', mode, content });

/** `dependencies.d/<name>` entries: every rendered service waits for s6-boot's `boot` bundle when it is there. */
function dependencies(base: string, deps: readonly string[]): RenderedFile[] {
  if (deps.length === 0) return [];
  return [dir(`${base}/dependencies.d`), ...deps.map((d) => file(`${base}/dependencies.d/${d}`, ''))];
}

/** Where the execline recipe installs execlineb (its --prefix is /usr; there is no /bin -> usr/bin merge). */
export const EXECLINEB = '/usr/bin/execlineb';

function longrun(name: string, run: string, deps: readonly string[]): RenderedFile[] {
  const base = `etc/s6-rc/source/${name}`;
  return [
    dir(base),
    file(`${base}/type`, 'longrun\n'),
    file(`${base}/run`, `#!${EXECLINEB} -P\n${run.startsWith('exec ') ? run.slice(5) : run}\n`, 0o755),
    ...dependencies(base, deps),
  ];
}

/**
 * grub.cfg: finds the partition holding the kernel by a file on it (with a
 * separate /boot partition the kernel is /vmlinuz there, else /boot/vmlinuz
 * on the root filesystem), then boots it with the command line.
 */
function grubConfig(separateBoot: boolean, bootType: string, cmdline: string): string {
  const kernel = separateBoot ? '/vmlinuz' : '/boot/vmlinuz';
  const fsModule = /^(vfat|fat|msdos)$/.test(bootType) ? 'fat' : /^ext[234]$/.test(bootType) ? 'ext2' : bootType;
  return [
    'set timeout=3',
    'insmod part_msdos',
    'insmod part_gpt',
    `insmod ${fsModule}`,
    'menuentry "Stasis" {',
    `\tsearch --no-floppy --set=root --file ${kernel}`,
    `\tlinux ${kernel} ${cmdline}`,
    '}',
    '',
  ].join('\n');
}

function oneshot(name: string, up: string, deps: readonly string[]): RenderedFile[] {
  const base = `etc/s6-rc/source/${name}`;
  return [dir(base), file(`${base}/type`, 'oneshot\n'), file(`${base}/up`, `${up}\n`), ...dependencies(base, deps)];
}

/**
 * Render config.lua into rootfs files. Pure: the same config and context give
 * the same files. First config.lua is checked against the built packages with the
 * same checks the project loader ran on the selection (preflight.ts), now with the
 * zones of the built tzdata: every problem is named at once, with its option.
 */
export function renderSystemFiles(config: SystemConfig, ctx: RenderContext): RenderedFile[] {
  const errors = checkSystemConfig({ config, packages: ctx.packages, zones: ctx.zones, keymaps: ctx.keymaps }).filter((p) => p.severity === 'error');
  if (errors.length > 0) throw configProblemsError(errors, 'config.lua cannot be assembled from the built packages');
  return [
    dir('etc'),
    dir('etc/stasis'),
    dir('etc/s6-rc'),
    dir('etc/s6-rc/source'),
    dir('root', 0o700),
    dir('tmp', 0o1777),
    ...hostFiles(config),
    ...accountFiles(config, ctx),
    ...timezoneFiles(config, ctx),
    ...localeFiles(config, ctx),
    ...bootFiles(config, ctx),
    file('etc/resolv.conf', config.dns.map((d) => `nameserver ${d}`).join('\n') + (config.dns.length > 0 ? '\n' : '')),
    ...serviceFiles(config, ctx),
  ];
}

function hostFiles(config: SystemConfig): RenderedFile[] {
  return [file('etc/hostname', `${config.hostname}\n`), file('etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost\n127.0.1.1\t${config.hostname}\n`)];
}

/** Accounts: the root password only ever as a crypt(3) hash; shadow is 0600. */
function accountFiles(config: SystemConfig, ctx: RenderContext): RenderedFile[] {
  const days = Math.floor(config.rootPassword === '!' ? 0 : ctx.sourceDateEpoch / 86400);
  return [
    file('etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n'),
    file('etc/group', SYSTEM_GROUPS.map(([name, gid, members]) => `${name}:x:${gid}:${members}\n`).join('')),
    file('etc/shadow', `root:${config.rootPassword}:${days}:0:99999:7:::\n`, 0o600),
  ];
}

function timezoneFiles(config: SystemConfig, ctx: RenderContext): RenderedFile[] {
  const out = [file('etc/timezone', `${config.timezone}\n`)];
  if (ctx.compiledZones.has(config.timezone)) out.push({ path: 'etc/localtime', type: 'symlink', mode: 0o777, target: `../usr/share/zoneinfo/${config.timezone}` });
  return out;
}

/**
 * Locale and keymap: login shells read profile.d; with s6-linux-init the
 * locale is in the supervision tree's environment (its env directory), and
 * s6-boot's `keymap` service loads /etc/stasis/keymap at boot.
 */
function localeFiles(config: SystemConfig, ctx: RenderContext): RenderedFile[] {
  const out = [
    dir('etc/profile.d'),
    file('etc/profile.d/locale.sh', `export LANG=${config.locale}\nexport LC_COLLATE=C\n`),
    file('etc/stasis/locale', `${config.locale}\n`),
    file('etc/stasis/keymap', `${config.keymap}\n`),
  ];
  if (ctx.packages.has('s6-boot')) {
    out.push(dir('etc/s6-linux-init'), dir('etc/s6-linux-init/current'), dir('etc/s6-linux-init/current/env'));
    out.push(file('etc/s6-linux-init/current/env/LANG', `${config.locale}\n`));
  }
  return out;
}

/** The kernel command line, the boot loader entry when grub is built, and the filesystems. */
function bootFiles(config: SystemConfig, ctx: RenderContext): RenderedFile[] {
  const fs = config.filesystem;
  const cmdline = [`root=${fs.root.device}`, 'rw', ...config.kernel.params].join(' ');
  const out = [file('etc/stasis/cmdline', `${cmdline}\n`)];
  if (ctx.packages.has('grub')) {
    out.push(dir('boot'), dir('boot/grub'));
    out.push(file('boot/grub/grub.cfg', grubConfig(fs.boot !== undefined, (fs.boot ?? fs.root).type, cmdline)));
  }
  const fstab = [
    `${fs.root.device}\t/\t${fs.root.type}\t${fs.root.options}\t0 1`,
    ...(fs.boot === undefined ? [] : [`${fs.boot.device}\t/boot\t${fs.boot.type}\t${fs.boot.options}\t0 2`]),
    ...(fs.swap === undefined ? [] : [`${fs.swap}\tnone\tswap\tsw\t0 0`]),
    'proc\t/proc\tproc\tnosuid,nodev,noexec\t0 0',
    'tmpfs\t/tmp\ttmpfs\tnosuid,nodev,mode=1777\t0 0',
  ];
  out.push(file('etc/fstab', fstab.join('\n') + '\n'));
  return out;
}

/** The s6-rc services rendered so far: their files, and the names the `default` bundle starts. */
interface ServiceTree {
  readonly files: RenderedFile[];
  readonly bundle: string[];
  /** What every rendered service depends on. */
  readonly bootDeps: readonly string[];
}

function addLongrun(tree: ServiceTree, name: string, run: string): void {
  tree.files.push(...longrun(name, run, tree.bootDeps));
  tree.bundle.push(name);
}

/**
 * Services as s6-rc source definitions; `default` is the bundle started at
 * boot. With s6-boot, it starts with s6-boot's `boot` bundle (filesystems,
 * hostname, keymap) and every rendered service depends on it.
 */
function serviceFiles(config: SystemConfig, ctx: RenderContext): RenderedFile[] {
  const bootDeps = ctx.packages.has('s6-boot') ? ['boot'] : [];
  const tree: ServiceTree = { files: [], bundle: [...bootDeps], bootDeps };
  addNamedServices(tree, config);
  addInterfaces(tree, config);
  if (config.wifi.enabled) addWifi(tree, config);
  addGettys(tree, config);
  return [
    ...tree.files,
    dir('etc/s6-rc/source/default'),
    file('etc/s6-rc/source/default/type', 'bundle\n'),
    file('etc/s6-rc/source/default/contents', tree.bundle.map((b) => `${b}\n`).join('')),
  ];
}

/** The services config.lua names (known to the farm, their packages selected: checked before). */
function addNamedServices(tree: ServiceTree, config: SystemConfig): void {
  for (const name of config.services) {
    const svc = SERVICES[name];
    if (svc !== undefined) addLongrun(tree, name, svc.run);
  }
}

/** A dhcpcd per DHCP interface (unless one dhcpcd serves all), a oneshot per static one. */
function addInterfaces(tree: ServiceTree, config: SystemConfig): void {
  config.network.interfaces.forEach((it) => {
    if (it.mode === 'dhcp') {
      if (!config.services.includes(PROVIDERS.dhcp)) addLongrun(tree, `dhcpcd-${it.name}`, `exec dhcpcd --nobackground ${it.name}`);
    } else {
      const up = [
        `ip link set ${it.name} up`,
        `ip address add ${it.address} dev ${it.name}`,
        ...(it.gateway === undefined ? [] : [`ip route add default via ${it.gateway} dev ${it.name}`]),
      ];
      // An s6-rc `up` file is one execline command line: chain the steps with `if`.
      const script = [...up.slice(0, -1).map((cmd) => `if { ${cmd} }`), up[up.length - 1] as string];
      tree.files.push(...oneshot(`net-${it.name}`, script.join('\n'), tree.bootDeps));
      tree.bundle.push(`net-${it.name}`);
    }
  });
}

/** iwd's network files, and its service unless config.lua already names it. */
function addWifi(tree: ServiceTree, config: SystemConfig): void {
  tree.files.push(dir('var'), dir('var/lib'), dir('var/lib/iwd', 0o700));
  for (const n of config.wifi.networks) {
    const safe = /^[A-Za-z0-9_ -]+$/.test(n.ssid) ? n.ssid : `=${Buffer.from(n.ssid).toString('hex')}`;
    tree.files.push(file(`var/lib/iwd/${safe}.psk`, `[Security]\nPassphrase=${n.passphrase}\n`, 0o600));
  }
  if (!tree.bundle.includes('eiwd')) addLongrun(tree, 'eiwd', SERVICES['eiwd']?.run ?? 'exec iwd');
}

/**
 * Gettys on the configured virtual terminals, and on each serial console the
 * kernel command line names (a machine driven over serial gets a login there).
 */
function addGettys(tree: ServiceTree, config: SystemConfig): void {
  const serial = serialConsoles(config.kernel.params);
  for (const tty of config.ttys) {
    const console = serial.find((c) => c.tty === tty);
    addLongrun(tree, `getty-${tty}`, console === undefined ? `exec getty 38400 ${tty}` : `exec getty -L ${console.baud} ${tty} vt100`);
  }
  for (const c of serial.filter((c) => !config.ttys.includes(c.tty))) {
    addLongrun(tree, `getty-${c.tty}`, `exec getty -L ${c.baud} ${c.tty} vt100`);
  }
}

/** Zone names from tzdata's text sources (Zone and Link lines). */
export function zonesFromTzdata(texts: readonly string[]): Set<string> {
  const zones = new Set<string>(['UTC']);
  for (const text of texts) {
    for (const line of text.split('\n')) {
      const z = /^Zone\s+(\S+)/.exec(line);
      if (z !== null) zones.add(z[1] as string);
      const l = /^Link\s+\S+\s+(\S+)/.exec(line);
      if (l !== null) zones.add(l[1] as string);
    }
  }
  return zones;
}
