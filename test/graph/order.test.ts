import { describe, expect, it } from 'vitest';
import { FarmError } from '../../farm/errors/index.js';
import { buildOrder, findCycle, formatCycle } from '../../farm/graph/index.js';
import { distro } from './fixture.js';
import { makeRecipes } from './make-recipe.js';

const ALL = ['busybox', 'curl', 'git', 'make', 'musl', 'perl', 'tool', 'vim', 'zlib'];

describe('buildOrder', () => {
  it('orders dependencies first, ties broken by name', () => {
    // tool waits for zlib: curl's runtime dep is in tool's sysroot.
    expect(buildOrder(distro(), ALL).order).toEqual(['busybox', 'make', 'curl', 'musl', 'perl', 'vim', 'zlib', 'git', 'tool']);
  });

  it('is the same whatever the order of the map and the list', () => {
    const reversed = new Map([...distro()].reverse());
    expect(buildOrder(reversed, [...ALL].reverse()).order).toEqual(buildOrder(distro(), ALL).order);
  });

  it('puts build_deps transitively, with their runtime deps, in the sysroot', () => {
    const o = buildOrder(distro(), ALL);
    // tool builds with curl; curl runs with zlib and was built with make.
    expect(o.packages.get('tool')?.sysroot).toEqual(['make', 'curl', 'zlib']);
    expect(o.packages.get('git')?.sysroot).toEqual(['make', 'perl', 'zlib']);
    // curl only *runs* with zlib: not in its own sysroot.
    expect(o.packages.get('curl')?.sysroot).toEqual(['make']);
    expect(o.packages.get('musl')?.sysroot).toEqual([]);
    expect(o.sysroot.get('tool')).toEqual(['make', 'curl', 'zlib']);
    expect(o.packages.get('git')?.buildDeps).toEqual(['make', 'perl', 'zlib']);
  });

  it('builds every package after its whole sysroot', () => {
    const o = buildOrder(distro(), ALL);
    for (const [name, info] of o.packages) {
      for (const dep of info.sysroot) expect(o.order.indexOf(dep)).toBeLessThan(o.order.indexOf(name));
    }
  });

  it('gives levels by longest sysroot chain', () => {
    const o = buildOrder(distro(), ALL);
    expect(o.levels).toEqual([
      ['busybox', 'make', 'musl'],
      ['curl', 'perl', 'vim', 'zlib'],
      ['git', 'tool'],
    ]);
    expect(o.packages.get('git')?.level).toBe(2);
  });

  it('allows a cycle of runtime deps only', () => {
    const recipes = makeRecipes({ a: { deps: ['b'] }, b: { deps: ['a'] }, c: { buildDeps: ['a'] } });
    const o = buildOrder(recipes, ['a', 'b', 'c']);
    expect(o.order).toEqual(['a', 'b', 'c']);
    expect(o.packages.get('c')?.sysroot).toEqual(['a', 'b']);
  });

  it('treats a package missing from the set as a caller bug', () => {
    expect(() => buildOrder(distro(), ['git'])).toThrow('buildOrder: git needs make, perl, zlib, which are not in the set');
  });
});

describe('cycles', () => {
  const thrown = (recipes: ReturnType<typeof makeRecipes>): FarmError => {
    try {
      buildOrder(recipes, [...recipes.keys()]);
    } catch (error) {
      if (error instanceof FarmError) return error;
      throw error;
    }
    throw new Error('expected GRAPH_CYCLE');
  };

  it('prints a build cycle through a runtime dep', () => {
    const e = thrown(makeRecipes({ lua: { buildDeps: ['lpeg'] }, lpeg: { deps: ['lua'] }, make: {} }));
    expect(e.code).toBe('GRAPH_CYCLE');
    expect(e.message).toBe('dependency cycle: lua -> lpeg -> lua');
    expect(e.hint).toContain('lua build_deps lpeg, lpeg deps lua');
  });

  it('prints a longer cycle and a self-dependency', () => {
    expect(thrown(makeRecipes({ a: { buildDeps: ['b'] }, b: { buildDeps: ['c'] }, c: { deps: ['a'] } })).message).toBe('dependency cycle: a -> b -> c -> a');
    expect(thrown(makeRecipes({ x: { buildDeps: ['x'] } })).message).toBe('dependency cycle: x -> x');
  });

  it('reports the same cycle whatever the map order', () => {
    const spec = { p: { buildDeps: ['q'] }, q: { buildDeps: ['p'] }, m: { buildDeps: ['n'] }, n: { deps: ['m'] } };
    const forward = makeRecipes(spec);
    const backward = new Map([...forward].reverse());
    const cycle = findCycle(forward, forward.keys());
    expect(cycle && formatCycle(cycle)).toBe('m -> n -> m');
    expect(findCycle(backward, [...backward.keys()])).toEqual(cycle);
  });

  it('finds none in an acyclic graph', () => {
    expect(findCycle(distro(), ALL)).toBeUndefined();
  });
});
