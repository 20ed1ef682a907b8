import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../farm/encoding/canonical-json.js';

describe('canonicalJson', () => {
  it('sorts keys at every depth, keeps array order, writes no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1, 2], c: 'x' } })).toBe('{"a":{"c":"x","d":[3,1,2]},"b":1}');
  });

  it('does not depend on insertion order', () => {
    expect(canonicalJson({ z: 1, a: 2, m: { y: true, b: null } })).toBe(canonicalJson({ m: { b: null, y: true }, a: 2, z: 1 }));
  });

  it('sorts by code unit, not locale', () => {
    expect(canonicalJson({ b: 1, B: 2, a: 3, ä: 4 })).toBe('{"B":2,"a":3,"b":1,"ä":4}');
  });

  it('encodes scalars like JSON', () => {
    expect(canonicalJson(['a"\n\u0001', 1.5, -0, 1e21, false, null])).toBe('["a\\"\\n\\u0001",1.5,0,1e+21,false,null]');
  });

  it('leaves out undefined properties, so a JSON round trip encodes the same', () => {
    const value = { homepage: undefined, name: 'lua' };
    expect(canonicalJson(value)).toBe('{"name":"lua"}');
    expect(canonicalJson(JSON.parse(JSON.stringify(value)))).toBe(canonicalJson(value));
  });

  it('refuses values that are not plain data', () => {
    expect(() => canonicalJson({ a: [undefined] })).toThrow('$.a[0] is a undefined');
    expect(() => canonicalJson({ n: Number.NaN })).toThrow('$.n is NaN');
    expect(() => canonicalJson({ n: Infinity })).toThrow('Infinity');
    expect(() => canonicalJson({ m: new Map() })).toThrow('$.m is not a plain object');
    expect(() => canonicalJson(new Date(0))).toThrow('not a plain object');
    expect(() => canonicalJson(1n)).toThrow('bigint');
    expect(() => canonicalJson({ f: () => 1 })).toThrow('function');
    // eslint-disable-next-line no-sparse-arrays
    expect(() => canonicalJson([1, , 3])).toThrow('$[1] is a undefined');
    const loop: Record<string, unknown> = {};
    loop['self'] = loop;
    expect(() => canonicalJson(loop)).toThrow('refers to itself');
  });

  it('allows the same object twice when it is not a cycle', () => {
    const shared = { x: 1 };
    expect(canonicalJson({ a: shared, b: shared })).toBe('{"a":{"x":1},"b":{"x":1}}');
  });
});
