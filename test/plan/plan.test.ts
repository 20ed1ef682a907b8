import { describe, expect, it } from 'vitest';
import { buildOrder } from '../../farm/graph/index.js';
import { computeKeys, type PackageKey } from '../../farm/keys/index.js';
import { explainKey, makePlan, type PreviousBuild } from '../../farm/plan/index.js';
import type { EvaluatedRecipe } from '../../farm/recipe/types.js';
import { makeRecipes } from '../graph/make-recipe.js';
import { GOLDEN } from '../keys/golden-input.js';
import { KEY_CONTEXT } from '../keys/key-context.js';

const CONTEXT = KEY_CONTEXT;

function plan(recipes: Map<string, EvaluatedRecipe>) {
  const order = buildOrder(recipes, [...recipes.keys()]);
  return { order, keys: computeKeys(order, recipes, CONTEXT) };
}

const v1 = () => makeRecipes({ make: {}, zlib: { buildDeps: ['make'] }, curl: { buildDeps: ['zlib'] }, musl: {} });
const asPrevious = (keys: ReadonlyMap<string, PackageKey>): Map<string, PreviousBuild> => new Map([...keys].map(([name, k]) => [name, { key: k.key, inputs: k.inputs }]));

describe('makePlan', () => {
  it('builds everything as new the first time, in build order', () => {
    const { order, keys } = plan(v1());
    const p = makePlan(order, keys, undefined, new Set());
    expect(p.map((e) => [e.name, e.status, e.reasons])).toEqual([
      ['make', 'build', ['new']],
      ['musl', 'build', ['new']],
      ['zlib', 'build', ['new']],
      ['curl', 'build', ['new']],
    ]);
    expect(p[0]?.key).toBe(keys.get('make')?.key);
  });

  it('uses the cache for every unchanged package', () => {
    const { order, keys } = plan(v1());
    const cached = new Set([...keys.values()].map((k) => k.key));
    const p = makePlan(order, keys, asPrevious(keys), cached);
    expect(p.every((e) => e.status === 'cached' && e.reasons.length === 0)).toBe(true);
  });

  it('says why each changed package is rebuilt', () => {
    const before = plan(v1());
    const edited = v1();
    const zlib = edited.get('zlib') as EvaluatedRecipe;
    edited.set('zlib', { ...zlib, recipeSha256: 'e'.repeat(64), recipe: { ...zlib.recipe, version: '1.3.2' } });
    const after = plan(edited);
    const cached = new Set([...before.keys.values()].map((k) => k.key));
    const p = makePlan(after.order, after.keys, asPrevious(before.keys), cached);
    expect(Object.fromEntries(p.map((e) => [e.name, [e.status, ...e.reasons]]))).toEqual({
      make: ['cached'],
      musl: ['cached'],
      zlib: ['build', 'recipe changed (system/zlib/pkg.lua)'],
      curl: ['build', 'dependency zlib changed'],
    });
  });

  it('rebuilds an unchanged package whose output left the cache, and a package new to the selection', () => {
    const { order, keys } = plan(v1());
    const previous = asPrevious(keys);
    previous.delete('musl');
    const cached = new Set([keys.get('make')?.key ?? '', keys.get('curl')?.key ?? '']);
    const p = makePlan(order, keys, previous, cached);
    expect(Object.fromEntries(p.map((e) => [e.name, e.reasons]))).toEqual({
      make: [],
      musl: ['new'],
      zlib: ['not in cache'],
      curl: [],
    });
  });
});

describe('explainKey', () => {
  it('lists every input of the key, in a fixed order', () => {
    expect(explainKey(GOLDEN)).toEqual([
      { label: 'package', value: 'zlib 1.3.1' },
      { label: 'farm version', value: '0.1.0' },
      { label: 'stage', value: 'dev' },
      { label: 'builder image', value: `sha256:${'4'.repeat(64)}` },
      { label: 'recipe', value: `system/zlib/pkg.lua sha256:${'1'.repeat(64)}` },
      { label: 'source zlib-1.3.1.tar.gz', value: `sha256:${'2'.repeat(64)}` },
      { label: 'patch static.patch', value: `sha256:${'3'.repeat(64)}` },
      { label: 'reads defaults.cflags', value: '"-O2"' },
      { label: 'strip', value: `strip step sha256:${'6'.repeat(64)}` },
      { label: 'toolchain CC', value: 'cc' },
      { label: 'toolchain CFLAGS', value: '-O2' },
      { label: 'toolchain CXXFLAGS', value: '-O2' },
      { label: 'toolchain LDFLAGS', value: '-static' },
      { label: 'toolchain LTO', value: '0' },
      { label: 'sysroot make', value: '5'.repeat(64) },
    ]);
  });

  it('keeps patch order from the recipe and says when there is no toolchain or sysroot', () => {
    const inputs = {
      ...GOLDEN,
      recipe: { ...GOLDEN.recipe, patches: ['z.patch', 'a.patch'] },
      patches: { 'a.patch': '1'.repeat(64), 'z.patch': '2'.repeat(64) },
      toolchain: null,
      buildDeps: {},
    };
    const labels = explainKey(inputs).map((r) => r.label);
    expect(labels.filter((l) => l.startsWith('patch '))).toEqual(['patch z.patch', 'patch a.patch']);
    expect(explainKey(inputs).slice(-2)).toEqual([
      { label: 'toolchain', value: 'not used' },
      { label: 'sysroot', value: 'empty' },
    ]);
  });
});
