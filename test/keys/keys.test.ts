import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../farm/encoding/canonical-json.js';
import { buildOrder } from '../../farm/graph/index.js';
import { computeKeys, hashKeyInputs, isKeyInputs, keyInputsFor, selfHashOf, type KeyContext } from '../../farm/keys/index.js';
import type { EvaluatedRecipe, RecordedRead } from '../../farm/recipe/types.js';
import { makeRecipe, type RecipeOverrides } from '../graph/make-recipe.js';
import { GOLDEN } from './golden-input.js';
import { KEY_CONTEXT } from './key-context.js';

const CONTEXT = KEY_CONTEXT;

type Config = Record<string, unknown>;

/** Stand-in for recipe evaluation: each recipe reads some config paths, recorded as canonical JSON. */
function readsFrom(config: Config, paths: readonly string[]): RecordedRead[] {
  return paths.map((path) => ({ path, value: canonicalJson(path.split('.').reduce<unknown>((v, k) => (v as Config)[k], config)) }));
}

const BASE_CONFIG: Config = {
  config: { hostname: 'stasis', timezone: 'UTC' },
  defaults: { cflags: '-O2', jobs: 4 },
};

interface Spec extends RecipeOverrides {
  readsPaths?: string[];
}

const SPEC: Record<string, Spec> = {
  make: {},
  zlib: { buildDeps: ['make'], readsPaths: ['defaults.cflags'] },
  curl: { deps: ['zlib'], buildDeps: ['make'] },
  git: { deps: ['curl'], buildDeps: ['make', 'zlib'] },
  tool: { buildDeps: ['curl'] },
  vim: { buildDeps: ['make'] },
  etc: { toolchain: false, readsPaths: ['config.hostname'] },
};

function recipes(config: Config = BASE_CONFIG, edit: Record<string, Spec> = {}): Map<string, EvaluatedRecipe> {
  return new Map(
    Object.entries(SPEC).map(([name, spec]) => {
      const { readsPaths = [], ...overrides } = { ...spec, ...edit[name] };
      return [name, makeRecipe(name, { ...overrides, reads: readsFrom(config, readsPaths) })];
    }),
  );
}

function keysOf(map: Map<string, EvaluatedRecipe>, context: KeyContext = CONTEXT): Record<string, string> {
  const names = [...map.keys()];
  const keys = computeKeys(buildOrder(map, names), map, context);
  return Object.fromEntries([...keys].map(([name, k]): [string, string] => [name, k.key]).sort());
}

function changed(a: Record<string, string>, b: Record<string, string>): string[] {
  return Object.keys(a)
    .filter((name) => a[name] !== b[name])
    .sort();
}

describe('cache keys', () => {
  it('pins the key of a fixed input (golden)', () => {
    expect(hashKeyInputs(GOLDEN)).toBe('79790543c5864b9fc8faa4fb7bd35285685051b0583e3dc092456367c10e16e9');
    expect(selfHashOf(GOLDEN)).toBe('4a0566f6274ba8acfcc2dd6930f07c9296b7848a579e20aeac30fbc3c569d3ec');
  });

  it('gives the same keys across runs and whatever the map insertion order', () => {
    const a = keysOf(recipes());
    const reversed = new Map([...recipes()].reverse());
    expect(keysOf(recipes())).toEqual(a);
    expect(keysOf(reversed)).toEqual(a);
    expect(new Set(Object.values(a)).size).toBe(Object.keys(a).length);
  });

  it('survives a JSON round trip of its inputs (as stored in state.yaml)', () => {
    const map = recipes();
    const keys = computeKeys(buildOrder(map, [...map.keys()]), map, CONTEXT);
    for (const k of keys.values()) {
      const stored: unknown = JSON.parse(JSON.stringify(k.inputs));
      expect(isKeyInputs(stored)).toBe(true);
      if (isKeyInputs(stored)) expect(hashKeyInputs(stored)).toBe(k.key);
    }
  });

  it('changes no key when a config option nobody read changes', () => {
    const other = { ...BASE_CONFIG, config: { hostname: 'stasis', timezone: 'Europe/Paris' } };
    expect(keysOf(recipes(other))).toEqual(keysOf(recipes()));
  });

  it('changes the key of the reader (and only it) when a read config value changes', () => {
    const other = { ...BASE_CONFIG, config: { hostname: 'box', timezone: 'UTC' } };
    expect(changed(keysOf(recipes()), keysOf(recipes(other)))).toEqual(['etc']);
  });

  it('changes a recipe and everything with it in the sysroot, nothing else', () => {
    const before = keysOf(recipes());
    const after = keysOf(recipes(BASE_CONFIG, { zlib: { recipeSha256: 'e'.repeat(64), build: 'make CFLAGS=-O3' } }));
    // git builds with zlib; tool builds with curl, which runs with zlib. curl itself only runs with it.
    expect(changed(before, after)).toEqual(['git', 'tool', 'zlib']);
  });

  it('changes everything built with make when make changes', () => {
    const after = keysOf(recipes(BASE_CONFIG, { make: { version: '4.5' } }));
    expect(changed(keysOf(recipes()), after)).toEqual(['curl', 'git', 'make', 'tool', 'vim', 'zlib']);
  });

  it('keys toolchain values only for toolchain packages, and ignores other env', () => {
    const before = keysOf(recipes());
    const o3 = keysOf(recipes(), { ...CONTEXT, toolchainEnv: { ...CONTEXT.toolchainEnv, CFLAGS: '-O3' } });
    expect(changed(before, o3)).toEqual(['curl', 'git', 'make', 'tool', 'vim', 'zlib']);
    const jobs = keysOf(recipes(), { ...CONTEXT, toolchainEnv: { ...CONTEXT.toolchainEnv, JOBS: '64' } });
    expect(jobs).toEqual(before);
  });

  it("keys the farm's strip step only for packages that strip", () => {
    const before = keysOf(recipes());
    const edit = { vim: { strip: false }, etc: { strip: false } };
    const noStrip = keysOf(recipes(BASE_CONFIG, edit));
    expect(changed(before, noStrip)).toEqual(['etc', 'vim']);
    const newStep = keysOf(recipes(BASE_CONFIG, edit), { ...CONTEXT, stripStepSha256: 't'.repeat(64) });
    // etc neither strips nor sits on a package that does; vim does not strip but is built with make.
    expect(changed(noStrip, newStep)).toEqual(['curl', 'git', 'make', 'tool', 'vim', 'zlib']);
  });

  it('keys the script a build style renders, so a changed style setting rebuilds', () => {
    const before = keysOf(recipes());
    const styled = keysOf(recipes(BASE_CONFIG, { vim: { build: 'rendered A' } }));
    const restyled = keysOf(recipes(BASE_CONFIG, { vim: { build: 'rendered B' } }));
    expect(changed(before, styled)).toEqual(['vim']);
    expect(changed(styled, restyled)).toEqual(['vim']);
  });

  it('changes every key with the builder image, stage or farm version', () => {
    const before = keysOf(recipes());
    for (const context of [
      { ...CONTEXT, builderImage: `sha256:${'d'.repeat(64)}` },
      { ...CONTEXT, stage: 'a' },
      { ...CONTEXT, farmVersion: '0.2.0' },
    ]) {
      expect(changed(before, keysOf(recipes(), context))).toEqual(Object.keys(before).sort());
    }
  });

  it('records patches, files, sources, sorted reads and the sysroot keys', () => {
    const evaluated = makeRecipe('lua', {
      patches: ['b.patch', 'a.patch'],
      files: ['lua.pc'],
      patchSha256: { 'a.patch': '1'.repeat(64), 'b.patch': '2'.repeat(64) },
      fileSha256: { 'lua.pc': '3'.repeat(64) },
      reads: [
        { path: 'farm.stage', value: '"dev"' },
        { path: 'defaults.cflags', value: '"-O2"' },
        { path: 'farm.stage', value: '"dev"' },
      ],
    });
    const inputs = keyInputsFor(evaluated, CONTEXT, { make: 'f'.repeat(64) });
    expect(inputs.patches).toEqual({ 'b.patch': '2'.repeat(64), 'a.patch': '1'.repeat(64) });
    expect(inputs.files).toEqual({ 'lua.pc': '3'.repeat(64) });
    expect(inputs.sources).toEqual([{ file: 'lua-1.0.tar.gz', sha256: 'a'.repeat(64) }]);
    expect(inputs.reads.map((r) => r.path)).toEqual(['defaults.cflags', 'farm.stage']);
    expect(inputs.toolchain).toEqual(CONTEXT.toolchainEnv);
    expect(inputs.buildDeps).toEqual({ make: 'f'.repeat(64) });
    expect(keyInputsFor(makeRecipe('etc', { toolchain: false }), CONTEXT, {}).toolchain).toBeNull();
  });

  it('keeps the self hash when only a dependency changes (early cutoff)', () => {
    const a = keyInputsFor(makeRecipe('curl'), CONTEXT, { make: '1'.repeat(64) });
    const b = keyInputsFor(makeRecipe('curl'), CONTEXT, { make: '2'.repeat(64) });
    const c = keyInputsFor(makeRecipe('curl', { build: 'other' }), CONTEXT, { make: '1'.repeat(64) });
    expect(hashKeyInputs(a)).not.toBe(hashKeyInputs(b));
    expect(selfHashOf(a)).toBe(selfHashOf(b));
    expect(selfHashOf(a)).not.toBe(selfHashOf(c));
    expect(selfHashOf(a)).not.toBe(hashKeyInputs(keyInputsFor(makeRecipe('curl'), CONTEXT, {})));
  });

  it('treats missing hashes or toolchain values as bugs', () => {
    expect(() => keyInputsFor(makeRecipe('x', { patches: ['p.patch'] }), CONTEXT, {})).toThrow('no sha256 for patch p.patch');
    expect(() => keyInputsFor(makeRecipe('x'), { ...CONTEXT, toolchainEnv: { CC: 'cc' } }, {})).toThrow('toolchainEnv has no CFLAGS');
  });

  it('rejects stored data that is not key inputs', () => {
    expect(isKeyInputs(undefined)).toBe(false);
    expect(isKeyInputs({ ...GOLDEN, reads: [{ path: 1 }] })).toBe(false);
    expect(isKeyInputs({ ...GOLDEN, toolchain: undefined })).toBe(false);
    expect(isKeyInputs(GOLDEN)).toBe(true);
  });
});
