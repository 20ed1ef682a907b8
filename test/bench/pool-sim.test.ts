import { describe, expect, it } from 'vitest';
import { lowerBound, simulate, type SimEngine } from '../../bench/pool-sim.js';

/** `count` engines of `slots`, the first named local, as the pool lists them. */
const pool = (count: number, slots: number): SimEngine[] => Array.from({ length: count }, (_, i) => ({ name: i === 0 ? 'local' : `e${i + 1}`, slots }));

/** A graph from `pkg: [sysroot...]` in topological order, and its durations. */
function graph(deps: Record<string, readonly string[]>, ms: Record<string, number>) {
  return { order: Object.keys(deps), sysroot: new Map(Object.entries(deps)), durations: new Map(Object.entries(ms)) };
}

describe('the engine pool simulation', () => {
  it('runs a chain one package after another, whatever the pool: the makespan is the sum', () => {
    // Sysroots may be transitive, as buildOrder gives them.
    const g = graph({ musl: [], zlib: ['musl'], curl: ['musl', 'zlib'] }, { musl: 3000, zlib: 5000, curl: 7000 });
    const result = simulate({ ...g, engines: pool(2, 2) });
    expect(result.makespan).toBe(15_000);
    expect([...result.runs.values()].map((r) => [r.pkg, r.start, r.end])).toEqual([
      ['musl', 0, 3000],
      ['zlib', 3000, 8000],
      ['curl', 8000, 15_000],
    ]);
    expect(lowerBound(g, 4)).toEqual({ criticalPath: 15_000, work: 15_000, bound: 15_000 });
  });

  it('packs independent equal builds on k slots in ceil(n / k) rounds, the work spread over the engines', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const g = graph(Object.fromEntries(names.map((n) => [n, []])), Object.fromEntries(names.map((n) => [n, 10])));
    expect(simulate({ ...g, engines: pool(1, 3) }).makespan).toBe(30);
    const result = simulate({ ...g, engines: pool(2, 2) });
    expect(result.makespan).toBe(20);
    expect(result.busy).toEqual(
      new Map([
        ['local', 40],
        ['e2', 30],
      ]),
    );
    expect(lowerBound(g, 4)).toEqual({ criticalPath: 10, work: 70, bound: 17.5 });
  });

  it('starts the head of the long chain before short leaves listed first: the makespan reaches the bound', () => {
    // In build order the leaves come first; started in that order the chain would end at 40.
    const g = graph({ acpid: [], bc: [], ed: [], gcc1: [], gcc2: ['gcc1'], gcc3: ['gcc1', 'gcc2'] }, { acpid: 10, bc: 10, ed: 10, gcc1: 10, gcc2: 10, gcc3: 10 });
    const result = simulate({ ...g, engines: pool(1, 2) });
    expect(result.runs.get('gcc1')?.start).toBe(0);
    expect(result.makespan).toBe(30);
    expect(lowerBound(g, 2).bound).toBe(30);
  });

  it('with more slots than packages, each starts as soon as its sysroot is done, spread one to an engine', () => {
    const g = graph({ a: [], b: [], c: [], d: ['a'] }, { a: 5, b: 8, c: 2, d: 4 });
    const result = simulate({ ...g, engines: pool(8, 2) });
    expect(result.makespan).toBe(9);
    expect(lowerBound(g, 16)).toEqual({ criticalPath: 9, work: 19, bound: 9 });
    expect(result.runs.get('d')?.start).toBe(5);
    expect(new Set([...result.runs.values()].filter((r) => r.start === 0).map((r) => r.engine)).size).toBe(3);
    expect([...result.busy.values()].filter((ms) => ms === 0)).toHaveLength(5);
  });

  it('frees the slots of builds that end together before assigning again; a zero-length build ends where it starts', () => {
    const g = graph({ a: [], b: [], c: ['a', 'b'], d: ['c'] }, { a: 4, b: 4, c: 0, d: 1 });
    const result = simulate({ ...g, engines: pool(1, 2) });
    expect(result.runs.get('c')).toEqual({ pkg: 'c', engine: 'local', start: 4, end: 4 });
    expect(result.makespan).toBe(5);
  });

  it('refuses a package without a duration, and a pool with no slot', () => {
    const g = graph({ a: [] }, {});
    expect(() => simulate({ ...g, engines: pool(1, 2) })).toThrow('no duration for a');
    expect(() => simulate({ ...graph({ a: [] }, { a: 1 }), engines: pool(2, 0) })).toThrow('1 package(s) never started (a)');
    expect(simulate({ ...graph({}, {}), engines: pool(1, 2) }).makespan).toBe(0);
  });
});
