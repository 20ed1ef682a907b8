import { describe, expect, it } from 'vitest';
import { buildOrder, selectPackages, selectTargets } from '../../farm/graph/index.js';
import { distro } from './fixture.js';
import { farmError } from './farm-error.js';
import { makeRecipes } from './make-recipe.js';

const base = { name: 'base', packages: ['busybox', 'musl', 'git'] };

describe('selectPackages', () => {
  it('closes the profile over deps and build_deps', () => {
    const s = selectPackages(distro(), base, [], []);
    expect(s.requested).toEqual(['busybox', 'git', 'musl']);
    expect(s.packages).toEqual(['busybox', 'curl', 'git', 'make', 'musl', 'perl', 'zlib']);
    expect(s.pulledIn.get('curl')).toEqual({ by: 'git', via: 'deps' });
    expect(s.pulledIn.get('perl')).toEqual({ by: 'git', via: 'build_deps' });
    expect(s.pulledIn.has('git')).toBe(false);
  });

  it('adds include with its dependencies', () => {
    const s = selectPackages(distro(), { name: 'tiny', packages: ['musl'] }, ['tool'], []);
    expect(s.requested).toEqual(['musl', 'tool']);
    expect(s.packages).toEqual(['curl', 'make', 'musl', 'tool', 'zlib']);
  });

  it('removes an excluded package nothing else needs, and reports excludes that changed nothing', () => {
    const s = selectPackages(distro(), { name: 'b', packages: ['busybox', 'musl', 'vim'] }, [], ['vim', 'perl']);
    expect(s.packages).toEqual(['busybox', 'musl']);
    expect(s.unusedExcludes).toEqual(['perl']);
  });

  it('names the place of every unknown name, with a suggestion', () => {
    const e = farmError(() => selectPackages(distro(), { name: 'base', packages: ['busybox', 'gti'] }, ['vim', 'zlibb'], ['qqqqqqq']));
    expect(e.code).toBe('UNKNOWN_PACKAGE');
    expect(e.message.split('\n')).toEqual([
      'profile "base": packages[2]: unknown package "gti" (did you mean "git"?)',
      'config.lua: include[2]: unknown package "zlibb" (did you mean "zlib"?)',
      'config.lua: exclude[1]: unknown package "qqqqqqq"',
    ]);
  });

  it('names the recipe field of an unknown dependency', () => {
    const recipes = makeRecipes({ zlib: {}, curl: { deps: ['zlb'] } });
    const e = farmError(() => selectPackages(recipes, { name: 'p', packages: ['curl'] }, [], []));
    expect(e.code).toBe('UNKNOWN_PACKAGE');
    expect(e.message).toBe('system/curl/pkg.lua: deps[1]: unknown package "zlb" (did you mean "zlib"?)');
  });

  it('refuses to exclude a package others need, naming the dependents and edge kinds', () => {
    const profile = { name: 'base', packages: ['busybox', 'zlib', 'git'] };
    const e = farmError(() => selectPackages(distro(), profile, [], ['zlib']));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toBe('config.lua: exclude[1]: "zlib" is needed by curl (deps), git (build_deps)\n  via git -> zlib');
  });

  it('shows the whole path when the need is transitive', () => {
    const recipes = makeRecipes({ zlib: {}, curl: { deps: ['zlib'] }, app: { deps: ['curl'] }, musl: {} });
    const e = farmError(() => selectPackages(recipes, { name: 'p', packages: ['musl', 'zlib', 'app'] }, [], ['musl', 'zlib']));
    expect(e.message).toBe('config.lua: exclude[2]: "zlib" is needed by curl (deps)\n  via app -> curl -> zlib');
  });

  it('rejects a name in both include and exclude', () => {
    const e = farmError(() => selectPackages(distro(), base, ['vim'], ['vim']));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toContain('"vim" is in both include and exclude (config.lua: include[1], config.lua: exclude[1])');
  });

  it('does not depend on the order of the recipe map or the lists', () => {
    const reversed = new Map([...distro()].reverse());
    const a = selectPackages(distro(), base, ['vim'], []);
    const b = selectPackages(reversed, { name: 'base', packages: ['git', 'musl', 'busybox'] }, ['vim'], []);
    expect(b.packages).toEqual(a.packages);
    expect([...b.pulledIn]).toEqual([...a.pulledIn]);
  });
});

describe('selectTargets (build PKG...)', () => {
  it('selects the named packages and everything they need, whatever the profile, in dependency order', () => {
    const s = selectTargets(distro(), ['tool', 'curl', 'tool']);
    expect(s.profile).toBe('command line');
    expect(s.requested).toEqual(['curl', 'tool']);
    expect(s.packages).toEqual(['curl', 'make', 'tool', 'zlib']);
    expect(s.pulledIn.get('zlib')).toEqual({ by: 'curl', via: 'deps' });
    expect(s.pulledIn.get('make')).toEqual({ by: 'curl', via: 'build_deps' });
    const order = buildOrder(distro(), s.packages).order;
    expect(order.indexOf('make')).toBeLessThan(order.indexOf('curl'));
    expect(order.indexOf('curl')).toBeLessThan(order.indexOf('tool'));
    // vim, perl, git, musl, busybox are not needed and not selected.
    expect(selectTargets(distro(), ['make']).packages).toEqual(['make']);
  });

  it('names an unknown package and its position on the command line', () => {
    const e = farmError(() => selectTargets(distro(), ['curl', 'zlbi']));
    expect(e.code).toBe('UNKNOWN_PACKAGE');
    expect(e.message).toBe('command line: package 2: unknown package "zlbi" (did you mean "zlib"?)');
  });
});
