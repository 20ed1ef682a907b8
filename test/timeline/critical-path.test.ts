import { describe, expect, it } from 'vitest';
import { criticalPath } from '../../farm/timeline/index.js';

const run = (pkg: string, start: number, end: number) => ({ pkg, start, end });

describe('the critical path of a stage', () => {
  it('from the package that ended last back through the dependency that ended last', () => {
    const runs = [run('musl', 0, 100), run('zlib', 100, 150), run('tcc', 100, 400), run('make', 400, 500), run('xz', 150, 300)];
    const waits = new Map([
      ['zlib', ['musl']],
      ['tcc', ['musl']],
      ['xz', ['musl', 'zlib']],
      ['make', ['musl', 'tcc', 'zlib']],
    ]);
    expect(criticalPath(runs, waits)).toEqual(['musl', 'tcc', 'make']);
  });

  it('a cache hit on the chain is part of it; dependencies outside the run are not', () => {
    const runs = [run('lua', 0, 0), run('lpeg', 5, 90), run('other', 0, 60)];
    expect(
      criticalPath(
        runs,
        new Map([
          ['lpeg', ['lua', 'ncurses']],
          ['other', []],
        ]),
      ),
    ).toEqual(['lua', 'lpeg']);
  });

  it('no runs: no path; a dependency cycle in a hostile record ends the walk', () => {
    expect(criticalPath([], new Map())).toEqual([]);
    const runs = [run('a', 0, 10), run('b', 0, 20)];
    expect(
      criticalPath(
        runs,
        new Map([
          ['a', ['b']],
          ['b', ['a']],
        ]),
      ),
    ).toEqual(['a', 'b']);
  });

  it('ties are broken the same way every time', () => {
    const runs = [run('x', 0, 10), run('y', 0, 10), run('top', 10, 20)];
    expect(criticalPath(runs, new Map([['top', ['y', 'x']]]))).toEqual(['x', 'top']);
  });
});
