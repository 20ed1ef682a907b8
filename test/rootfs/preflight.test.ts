import { describe, expect, it } from 'vitest';
import { validateSystemConfig } from '../../farm/config/index.js';
import type { SystemConfig } from '../../farm/config/types.js';
import { isFarmError } from '../../farm/errors/index.js';
import { checkSystemConfig, configProblemsError, formatConfigProblem, type ConfigProblem, type PreflightInput } from '../../farm/rootfs/preflight.js';
import { renderSystemFiles, zonesFromTzdata } from '../../farm/rootfs/render.js';

const RAW = {
  hostname: 'stasis',
  timezone: 'UTC',
  locale: 'C.UTF-8',
  keymap: 'us',
  root_password: '!',
  filesystem: { root: { device: '/dev/sda2', type: 'ext4' } },
  network: { interfaces: [{ name: 'eth0', mode: 'dhcp' }] },
  services: ['dhcpcd', 'dropbear'],
  ttys: ['tty1'],
};
/** Every package the config above needs. */
const ALL = ['busybox', 'dhcpcd', 'dropbear', 'eiwd', 'kbd', 'tzdata'];

const cfg = (override: Record<string, unknown> = {}): SystemConfig => validateSystemConfig({ ...RAW, ...override }, 'config.lua');
const check = (override: Record<string, unknown> = {}, packages: readonly string[] = ALL, extra: Partial<PreflightInput> = {}): ConfigProblem[] =>
  checkSystemConfig({ config: cfg(override), packages: new Set(packages), ...extra });
const without = (...names: string[]): string[] => ALL.filter((n) => !names.includes(n));
const lines = (problems: readonly ConfigProblem[]): string[] => problems.map(formatConfigProblem);

describe('config.lua against the packages of the rootfs (one pure function for the loader and the assembly)', () => {
  it('finds nothing when every package is there', () => {
    expect(check()).toEqual([]);
  });

  it('a service whose package is missing: an error naming the field, the package and the fix', () => {
    expect(check({}, without('dropbear'))).toEqual([
      {
        severity: 'error',
        file: 'config.lua',
        field: 'services[2]',
        problem: '"dropbear" needs package dropbear, which is not selected',
        fix: 'add "dropbear" to the profile or to include, or remove "dropbear" from services',
        include: 'dropbear',
      },
    ]);
  });

  it('the fix depends on why the package is missing: excluded, or no recipe at all', () => {
    expect(check({ exclude: ['dropbear'] }, without('dropbear'))[0]?.fix).toBe('remove "dropbear" from exclude, or remove "dropbear" from services');
    const recipes = new Set(without('dropbear'));
    expect(check({}, without('dropbear'), { recipes })[0]).toMatchObject({ fix: 'add a recipe system/dropbear/pkg.lua, or remove "dropbear" from services' });
    expect(check({}, without('dropbear'), { recipes })[0]).not.toHaveProperty('include');
  });

  it('an unknown service, with a did-you-mean and the services the farm runs', () => {
    expect(lines(check({ services: ['dropbaer'] }))).toEqual([
      'config.lua: services[1]: unknown service "dropbaer" (did you mean "dropbear"?); fix: name a service the farm runs: dhcpcd, openntpd, dropbear, acpid, dcron, mdevd, eiwd',
    ]);
  });

  it('DHCP needs dhcpcd, per interface; wifi needs eiwd (once, even when services names it too)', () => {
    const dhcp = check(
      {
        services: [],
        network: {
          interfaces: [
            { name: 'eth0', mode: 'dhcp' },
            { name: 'eth1', mode: 'static', address: '10.0.0.2/24' },
            { name: 'eth2', mode: 'dhcp' },
          ],
        },
      },
      without('dhcpcd'),
    );
    expect(dhcp.map((p) => [p.severity, p.field])).toEqual([
      ['error', 'network.interfaces[1]'],
      ['error', 'network.interfaces[3]'],
    ]);
    expect(check({ wifi: { enabled: true } }, without('eiwd')).map((p) => [p.severity, p.field, p.problem])).toEqual([
      ['error', 'wifi.enabled', 'wifi needs package eiwd (iwd), which is not selected'],
    ]);
    expect(check({ wifi: { enabled: true }, services: ['eiwd'] }, without('eiwd')).map((p) => p.field)).toEqual(['services[1]']);
  });

  it('gettys need busybox: a warning for ttys and for a serial console the kernel command line adds', () => {
    const problems = check({ kernel: { params: ['console=ttyS0,115200'] } }, without('busybox'));
    expect(problems.map((p) => [p.severity, p.field])).toEqual([
      ['warning', 'ttys'],
      ['warning', 'kernel.params'],
    ]);
    expect(problems[1]?.problem).toContain('the serial console ttyS0 gets a getty');
  });

  it('a zone other than UTC without tzdata is a warning; with tzdata the zone is checked only once its names are known (the built tzdata)', () => {
    expect(check({ timezone: 'Europe/Berlin' }, without('tzdata')).map((p) => [p.severity, p.field])).toEqual([['warning', 'timezone']]);
    expect(check({ timezone: 'Europe/Berlinn' })).toEqual([]);
    const zones = zonesFromTzdata(['Zone\tEurope/Berlin\t0:53:28 -\tLMT\t1893 Apr\n']);
    expect(lines(check({ timezone: 'Europe/Berlinn' }, ALL, { zones }))).toEqual([
      'config.lua: timezone: unknown zone "Europe/Berlinn" (near: Europe/Berlin); fix: name a zone of tzdata, e.g. "Europe/Berlin", or "UTC"',
    ]);
  });

  it("a keymap other than the kernel's needs kbd: a warning (the console keeps us)", () => {
    expect(check({ keymap: 'de' }, without('kbd')).map((p) => [p.severity, p.field, p.include])).toEqual([['warning', 'keymap', 'kbd']]);
    expect(check({ keymap: 'us' }, without('kbd'))).toEqual([]);
  });

  it('once kbd is built, the keymap must be one it ships: an error naming the nearest (not checked before it is built)', () => {
    const keymaps = new Set(['us', 'de', 'de-latin1', 'fr', 'uk']);
    expect(check({ keymap: 'de-latin1' }, ALL, { keymaps })).toEqual([]);
    expect(check({ keymap: 'de-latn1' })).toEqual([]);
    expect(check({ keymap: 'de-latn1' }, ALL, { keymaps })).toEqual([
      {
        severity: 'error',
        file: 'config.lua',
        field: 'keymap',
        problem: '"de-latn1" is not a keymap kbd ships (5 keymaps; near: de-latin1)',
        fix: 'name a keymap of usr/share/keymaps, e.g. "de-latin1", or "us"',
      },
    ]);
  });

  it('an exclude that removes nothing is a warning naming its index', () => {
    expect(check({ exclude: ['make', 'tmux'] }, ALL, { unusedExcludes: ['tmux'] }).map((p) => [p.severity, p.field])).toEqual([['warning', 'exclude[2]']]);
  });

  it('the error lists every problem, carries them as data, and suggests one include for the packages it can add', () => {
    const problems = check({}, without('dhcpcd', 'dropbear'));
    const error = configProblemsError(problems, 'lead');
    expect(error.code).toBe('CONFIG_INVALID');
    expect(error.message).toBe(`lead:\n  ${lines(problems).join('\n  ')}`);
    expect(error.hint).toBe('include = { "dhcpcd", "dropbear" } in config.lua adds the missing package(s), or choose a profile that has them');
    expect(error.data?.['problems']).toHaveLength(3);
  });
});

describe('the assembly refuses with the same checks', () => {
  it("renderSystemFiles names the same lines as the loader's preflight (errors only: warnings were shown when the project was loaded)", () => {
    const packages = new Set(without('dhcpcd', 'busybox'));
    const expected = lines(checkSystemConfig({ config: cfg(), packages }).filter((p) => p.severity === 'error'));
    expect(expected).toHaveLength(2);
    let thrown: unknown;
    try {
      renderSystemFiles(cfg(), { packages, zones: new Set(), compiledZones: new Set(), sourceDateEpoch: 0 });
    } catch (error) {
      thrown = error;
    }
    expect(isFarmError(thrown) && thrown.code).toBe('CONFIG_INVALID');
    expect((thrown as Error).message).toBe(`config.lua cannot be assembled from the built packages:\n  ${expected.join('\n  ')}`);
  });
});
