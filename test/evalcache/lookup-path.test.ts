import { describe, expect, it } from 'vitest';
import { valueAtPath } from '../../farm/evalcache/lookup-path.js';

const globals = { config: { hostname: 'h', kernel: { params: ['quiet', 'ro'] }, 'a.b': 1, a: { b: 2 }, dotted: { 'x.y': 3 } }, farm: { stage: 'dev' } };

describe('valueAtPath', () => {
  it.each([
    ['config.hostname', { value: 'h' }],
    ['config.kernel.params[2]', { value: 'ro' }],
    ['config.kernel.params[3]', { value: null }],
    ['config.kernel.params', { value: ['quiet', 'ro'] }],
    ['config.missing', { value: null }],
    ['farm.stage', { value: 'dev' }],
    ['config.dotted.x.y', { value: 3 }],
  ])('%s resolves to %j', (path, found) => {
    expect(valueAtPath(globals, path)).toEqual(found);
  });

  it.each([
    ['a missing parent', 'config.missing.leaf'],
    ['a leaf under a string', 'config.hostname.x'],
    ['a path two keys can name', 'config.a.b'],
    ['a missing global', 'nothing.at.all'],
  ])('%s is unresolved', (_what, path) => {
    expect(valueAtPath(globals, path)).toBeUndefined();
  });
});
