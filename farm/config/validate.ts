import { isIPv4, isIPv6 } from 'node:net';
import { readEngines } from './engines.js';
import { FieldReader, describe } from '../validate/fields.js';
import { DEFAULT_OUTPUT_LIMIT_MIB, DEFAULT_ULIMITS, MAX_OUTPUT_LIMIT_MIB, MAX_ULIMITS, type LimitPair } from '../validate/limits.js';
import { IMAGE_REF } from '../validate/patterns.js';
import { parseProxyUrl } from '../validate/proxy-url.js';
import type { BuildDefaults, NetworkInterface, SystemConfig } from './types.js';

export const SYSTEM_OPTIONS = [
  'hostname',
  'timezone',
  'locale',
  'keymap',
  'root_password',
  'kernel',
  'filesystem',
  'network',
  'wifi',
  'dns',
  'services',
  'ttys',
  'profile',
  'include',
  'exclude',
] as const;
export const DEFAULT_OPTIONS = ['cflags', 'cxxflags', 'ldflags', 'lto', 'jobs', 'builder', 'mirrors', 'source_date_epoch', 'output_limit', 'ulimits', 'engines'] as const;

const HOSTNAME = /^(?=.{1,253}$)[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(\.[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;
const TIMEZONE = /^(UTC|[A-Z][A-Za-z_+-]*(\/[A-Za-z0-9_+-]+){0,2})$/;
/** crypt(3) hashes: $1$ md5, $5$/$6$ sha-crypt, $y$ yescrypt, $2a/b/y$ bcrypt; or "!"/"*" for a locked account. */
const CRYPT =
  /^(!|\*|\$(1|5|6)\$(rounds=\d+\$)?[./A-Za-z0-9]{1,16}\$[./A-Za-z0-9]{22,86}|\$y\$[./A-Za-z0-9]+\$[./A-Za-z0-9]+\$[./A-Za-z0-9]{43}|\$2[aby]\$\d\d\$[./A-Za-z0-9]{53})$/;
const TTY = /^(tty\d{1,2}|ttyS\d{1,2}|ttyUSB\d{1,2}|ttyAMA\d{1,2}|hvc\d|console)$/;
const SERVICE = /^[a-z0-9][a-z0-9._-]*$/;
const IPV4 = /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)$/;
const CIDR = /^((25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(25[0-5]|2[0-4]\d|1?\d?\d)\/(3[0-2]|[12]?\d)$/;
// musl has no locale data and one character set: C/POSIX are bytes, every other name is UTF-8, so a
// codeset in the name can only be UTF-8 (a name claiming another would say what the system does not do).
const LOCALE = /^(?:C|POSIX|C\.(?:UTF-8|utf8)|[a-z]{2,3}_[A-Z]{2}(?:\.(?:UTF-8|utf8))?(?:@[a-z]+)?)$/;
const KEYMAP = /^[a-z0-9][a-z0-9_.-]*$/;
const IFNAME = /^[a-zA-Z0-9_.-]{1,15}$/;
const FSTYPE = /^(ext2|ext3|ext4|btrfs|xfs|vfat|f2fs|tmpfs)$/;
const DEVICE = /^(\/dev\/[\w./-]+|(UUID|PARTUUID|LABEL)=[\w.-]+)$/;
const PROFILE = /^[a-z0-9][a-z0-9_-]*$/;
const PKG = /^[a-z0-9][a-z0-9+._-]*$/;
/**
 * One kernel command-line token (`quiet`, `console=ttyS0,115200n8`, `rd.break`,
 * `init=/sbin/init`, `root=PARTUUID=...`). The params are written into grub.cfg,
 * where `;`, braces, quotes, `$`, a backslash or a newline would end the menu
 * entry or run grub script: only plain token characters get through.
 */
const KERNEL_PARAM = /^[A-Za-z0-9_.,:/=+@-]+$/;

/** config.lua as data -> SystemConfig, or CONFIG_INVALID naming file and option. */
export function validateSystemConfig(raw: unknown, file: string): SystemConfig {
  const r = new FieldReader(file, 'CONFIG_INVALID');
  const o = r.object(raw, '') ?? {};
  r.unknownKeys(o, SYSTEM_OPTIONS, '');
  // Fields are read in the order of the literal, which is the order the errors are listed in.
  const config: SystemConfig = {
    hostname: r.string(o, 'hostname', '', { pattern: HOSTNAME, what: 'a valid host name (letters, digits, "-", dots between labels)' }) ?? 'stasis',
    timezone: r.string(o, 'timezone', '', { pattern: TIMEZONE, what: 'a zone name like "UTC" or "Europe/Berlin"' }) ?? 'UTC',
    locale: r.string(o, 'locale', '', { pattern: LOCALE, what: 'a locale like "C.UTF-8" or "en_US.UTF-8" (musl has UTF-8 only: no other codeset)' }) ?? 'C.UTF-8',
    keymap: r.string(o, 'keymap', '', { pattern: KEYMAP, what: 'a keymap name like "us"' }) ?? 'us',
    rootPassword: readRootPassword(r, o),
    kernel: readKernel(r, o),
    filesystem: readFilesystem(r, o),
    network: { interfaces: readInterfaces(r, o) },
    wifi: readWifi(r, o),
    dns: readDns(r, o),
    services: r.stringList(o, 'services', '', { pattern: SERVICE, what: 'a service name' }),
    ttys: r.stringList(o, 'ttys', '', { pattern: TTY, what: 'a terminal device such as tty1 or ttyS0' }),
    profile: r.string(o, 'profile', '', { optional: true, pattern: PROFILE, what: 'a profile name' }) ?? 'base',
    include: r.stringList(o, 'include', '', { pattern: PKG, what: 'a package name' }),
    exclude: r.stringList(o, 'exclude', '', { pattern: PKG, what: 'a package name' }),
  };
  r.throwIfAny();
  return config;
}

type Table = Record<string, unknown>;
type Mount = NonNullable<SystemConfig['filesystem']['boot']>;

/** An optional sub-table of config.lua (`kernel`, `filesystem`, ...): absent reads as empty. */
function section(r: FieldReader, o: Table, key: string, known: readonly string[]): Table {
  const table = o[key] === undefined ? {} : (r.object(o[key], key) ?? {});
  r.unknownKeys(table, known, key);
  return table;
}

/** A crypt(3) hash or "!"; a plain-text password is refused rather than hashed for the user. */
function readRootPassword(r: FieldReader, o: Table): string {
  const pw = o['root_password'];
  if (typeof pw !== 'string') {
    // Reports the option as missing or of the wrong type.
    r.string(o, 'root_password', '');
    return '!';
  }
  if (CRYPT.test(pw)) return pw;
  r.fail('root_password', 'must be a crypt(3) hash (e.g. from `openssl passwd -6` or `mkpasswd -m sha-512`), or "!" to lock root; plain text is refused');
  return '!';
}

function readKernel(r: FieldReader, o: Table): SystemConfig['kernel'] {
  const kernel = section(r, o, 'kernel', ['params', 'config']);
  return {
    params: r.stringList(kernel, 'params', 'kernel', { pattern: KERNEL_PARAM, what: 'one kernel parameter (letters, digits and . , : / = + - _ @ only)' }),
    config: r.string(kernel, 'config', 'kernel', { optional: true, pattern: /^[^\0]+$/ }),
  };
}

function readFilesystem(r: FieldReader, o: Table): SystemConfig['filesystem'] {
  const fs = section(r, o, 'filesystem', ['root', 'boot', 'swap']);
  return {
    root: readMount(r, fs, 'root', true) ?? { device: '/dev/sda1', type: 'ext4', options: 'defaults' },
    boot: readMount(r, fs, 'boot', false),
    swap: r.string(fs, 'swap', 'filesystem', { optional: true, pattern: DEVICE, what: 'a device (/dev/...) or UUID=...' }),
  };
}

function readMount(r: FieldReader, fs: Table, key: 'root' | 'boot', required: boolean): Mount | undefined {
  if (fs[key] === undefined) {
    if (required) r.fail(`filesystem.${key}`, 'missing (required)');
    return undefined;
  }
  const m = r.object(fs[key], `filesystem.${key}`) ?? {};
  const p = `filesystem.${key}`;
  r.unknownKeys(m, ['device', 'type', 'options'], p);
  return {
    device: r.string(m, 'device', p, { pattern: DEVICE, what: 'a device (/dev/...) or UUID=/PARTUUID=/LABEL=' }) ?? '/dev/sda1',
    type: r.string(m, 'type', p, { pattern: FSTYPE, what: 'a supported filesystem (ext2/3/4, btrfs, xfs, vfat, f2fs)' }) ?? 'ext4',
    options: r.string(m, 'options', p, { optional: true, pattern: /^[\w=,.-]+$/ }) ?? 'defaults',
  };
}

function readInterfaces(r: FieldReader, o: Table): NetworkInterface[] {
  const network = section(r, o, 'network', ['interfaces']);
  const interfaces: NetworkInterface[] = [];
  r.list(network, 'interfaces', 'network').forEach((v, i) => {
    const it = readInterface(r, v, `network.interfaces[${i + 1}]`);
    if (it !== undefined) interfaces.push(it);
  });
  return interfaces;
}

function readInterface(r: FieldReader, v: unknown, p: string): NetworkInterface | undefined {
  const it = r.object(v, p);
  if (it === undefined) return undefined;
  r.unknownKeys(it, ['name', 'mode', 'address', 'gateway'], p);
  const name = r.string(it, 'name', p, { pattern: IFNAME, what: 'an interface name' }) ?? 'eth0';
  const mode = it['mode'];
  if (mode === 'dhcp') return { name, mode: 'dhcp' };
  if (mode === 'static') {
    const address = r.string(it, 'address', p, { pattern: CIDR, what: 'an IPv4 address with prefix, like 192.168.1.10/24' }) ?? '';
    return { name, mode: 'static', address, gateway: r.string(it, 'gateway', p, { optional: true, pattern: IPV4, what: 'an IPv4 address' }) };
  }
  r.fail(`${p}.mode`, `expected "dhcp" or "static", got ${typeof mode === 'string' ? JSON.stringify(mode) : describe(mode)}`);
  return undefined;
}

function readWifi(r: FieldReader, o: Table): SystemConfig['wifi'] {
  const wifi = section(r, o, 'wifi', ['enabled', 'interface', 'networks']);
  const networks: { ssid: string; passphrase: string }[] = [];
  r.list(wifi, 'networks', 'wifi').forEach((v, i) => {
    const n = readWifiNetwork(r, v, `wifi.networks[${i + 1}]`);
    if (n !== undefined) networks.push(n);
  });
  return {
    enabled: r.boolean(wifi, 'enabled', 'wifi', false),
    interface: r.string(wifi, 'interface', 'wifi', { optional: true, pattern: IFNAME, what: 'an interface name' }) ?? 'wlan0',
    networks,
  };
}

function readWifiNetwork(r: FieldReader, v: unknown, p: string): { ssid: string; passphrase: string } | undefined {
  const n = r.object(v, p);
  if (n === undefined) return undefined;
  r.unknownKeys(n, ['ssid', 'passphrase'], p);
  const ssid = r.string(n, 'ssid', p, { pattern: /^.{1,32}$/u, what: 'an SSID of 1 to 32 characters' });
  const passphrase = r.string(n, 'passphrase', p, { pattern: /^[\x20-\x7e]{8,63}$/, what: 'a WPA passphrase of 8 to 63 printable characters' });
  return ssid !== undefined && passphrase !== undefined ? { ssid, passphrase } : undefined;
}

function readDns(r: FieldReader, o: Table): string[] {
  return r.stringList(o, 'dns', '').filter((d, i) => {
    if (isIPv4(d) || isIPv6(d)) return true;
    r.fail(`dns[${i + 1}]`, `${JSON.stringify(d)} is not an IPv4 or IPv6 address`);
    return false;
  });
}

/** default.lua as data -> BuildDefaults, or CONFIG_INVALID naming file and option. */
export function validateDefaults(raw: unknown, file: string): BuildDefaults {
  const r = new FieldReader(file, 'CONFIG_INVALID');
  const o = r.object(raw, '') ?? {};
  r.unknownKeys(o, DEFAULT_OPTIONS, '');
  const flags = /^[^\n"'`$\\;|&<>]*$/;
  const what = 'compiler flags without quotes, $, ;, |, & or redirections';
  const defaults: BuildDefaults = {
    cflags: r.string(o, 'cflags', '', { optional: true, pattern: flags, what }) ?? '-O2 -pipe',
    cxxflags: r.string(o, 'cxxflags', '', { optional: true, pattern: flags, what }) ?? '-O2 -pipe',
    ldflags: r.string(o, 'ldflags', '', { optional: true, pattern: flags, what }) ?? '',
    lto: r.boolean(o, 'lto', '', false),
    jobs: r.integer(o, 'jobs', '', 0, 0),
    builder: r.string(o, 'builder', '', { optional: true, pattern: IMAGE_REF, what: 'an image reference' }) ?? 'stasis-builder:debian-musl',
    ...mirrorList(r, o),
    sourceDateEpoch: r.integer(o, 'source_date_epoch', '', 1700000000, 0),
    outputLimit: r.integer(o, 'output_limit', '', DEFAULT_OUTPUT_LIMIT_MIB, 1, { value: MAX_OUTPUT_LIMIT_MIB, what: `${MAX_OUTPUT_LIMIT_MIB} MiB (1 TiB)` }),
    ulimits: ulimitsOf(r, o),
    engines: readEngines(r, o),
  };
  r.throwIfAny();
  return defaults;
}

/**
 * `ulimits = { nofile = { soft = 1024, hard = 8192 }, nproc = 2048 }`: each of nofile and nproc a
 * number (soft = hard) or a table of both, soft at most hard; what is not given keeps its default.
 */
function ulimitsOf(r: FieldReader, o: Record<string, unknown>): BuildDefaults['ulimits'] {
  if (o['ulimits'] === undefined || o['ulimits'] === null) return DEFAULT_ULIMITS;
  const u = r.object(o['ulimits'], 'ulimits') ?? {};
  r.unknownKeys(u, ['nofile', 'nproc'], 'ulimits');
  const pair = (name: 'nofile' | 'nproc'): LimitPair => {
    const value = u[name];
    const max = { value: MAX_ULIMITS[name], what: String(MAX_ULIMITS[name]) };
    if (typeof value === 'number' || value === undefined || value === null) {
      const n = r.integer(u, name, 'ulimits', DEFAULT_ULIMITS[name].hard, 1, max);
      return value === undefined || value === null ? DEFAULT_ULIMITS[name] : { soft: n, hard: n };
    }
    const t = r.object(value, `ulimits.${name}`) ?? {};
    r.unknownKeys(t, ['soft', 'hard'], `ulimits.${name}`);
    const hard = r.integer(t, 'hard', `ulimits.${name}`, DEFAULT_ULIMITS[name].hard, 1, max);
    const soft = r.integer(t, 'soft', `ulimits.${name}`, Math.min(DEFAULT_ULIMITS[name].soft, hard), 1, max);
    if (soft > hard) r.fail(`ulimits.${name}.soft`, `${soft} is more than the hard limit, ${hard}`);
    return { soft, hard };
  };
  return { nofile: pair('nofile'), nproc: pair('nproc') };
}

const MIRROR = /^(https?:\/\/\S+|[^:\s][^\n]*)$/;
const URL_MIRROR = /^https?:\/\/\S+$/;

/**
 * `mirrors`: each entry a directory or an http(s) URL, or a table `{ url = "http://...", proxy =
 * "http://host:port" }` for a mirror reached through a proxy of its own (an i2p or Tor HTTP proxy).
 */
function mirrorList(r: FieldReader, o: Record<string, unknown>): Pick<BuildDefaults, 'mirrors' | 'mirrorProxies'> {
  const mirrors: string[] = [];
  const mirrorProxies: { url: string; proxy: string }[] = [];
  r.list(o, 'mirrors', '').forEach((v, i) => {
    const p = `mirrors[${i + 1}]`;
    if (typeof v === 'string') {
      if (MIRROR.test(v)) mirrors.push(v);
      else r.fail(p, `${JSON.stringify(v)} is not a directory or an http(s) URL`);
      return;
    }
    if (typeof v !== 'object' || v === null || Array.isArray(v)) {
      r.fail(p, `expected a directory, an http(s) URL or a table { url = "http://...", proxy = "http://host:port" }, got ${describe(v)}`);
      return;
    }
    const entry = v as Record<string, unknown>;
    r.unknownKeys(entry, ['url', 'proxy'], p);
    const url = r.string(entry, 'url', p, { pattern: URL_MIRROR, what: 'an http(s) URL (a directory mirror needs no proxy: give it as a string)' });
    const proxy = r.string(entry, 'proxy', p, { optional: true });
    const parsed = proxy === undefined ? undefined : parseProxyUrl(proxy);
    if (parsed !== undefined && 'why' in parsed) r.fail(`${p}.proxy`, `${JSON.stringify(proxy)} ${parsed.why}`);
    if (url === undefined) return;
    mirrors.push(url);
    if (parsed !== undefined && 'url' in parsed) mirrorProxies.push({ url, proxy: parsed.url.href });
  });
  return { mirrors, mirrorProxies };
}

/** Every option of a config table as a dotted path (for `config diff`). */
export function configOptionPaths(raw: unknown, prefix = ''): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return prefix === '' ? [] : [prefix];
  const out: string[] = [];
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    const p = prefix === '' ? k : `${prefix}.${k}`;
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0) out.push(...configOptionPaths(v, p));
    else out.push(p);
  }
  return out.sort();
}

/**
 * Options a config file spells out as `name = nil` (documented but unset, like
 * `kernel.config` in the example): Lua drops them from the table, so they are
 * found in the text. The dotted path comes from the enclosing `name = {` lines;
 * this reads the layout the examples use (one field per line), nothing fancier.
 */
export function nilOptionPaths(source: string): string[] {
  const stack: string[] = [];
  const out: string[] = [];
  for (const raw of source.split('\n')) {
    const line = raw.replace(/--.*$/, '').trim();
    if (line === '') continue;
    const open = /^(?:return\s*|([A-Za-z_]\w*)\s*=\s*)\{$/.exec(line);
    if (open !== null) {
      stack.push(open[1] ?? '');
      continue;
    }
    const unset = /^([A-Za-z_]\w*)\s*=\s*nil\s*,?$/.exec(line);
    if (unset !== null) out.push([...stack.filter((s) => s !== ''), unset[1] as string].join('.'));
    const opens = (line.match(/\{/g) ?? []).length;
    const closes = (line.match(/\}/g) ?? []).length;
    for (let i = 0; i < closes - opens; i++) stack.pop();
  }
  return out.sort();
}
