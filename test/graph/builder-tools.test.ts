import { describe, expect, it } from 'vitest';
import { assertBuilderToolsPlaced, selectPackages, selectTargets } from '../../farm/graph/index.js';
import { farmError } from './farm-error.js';
import { makeRecipes } from './make-recipe.js';

// cross: a builder tool; gcc needs it in the dev stage only; bad-* misuse it.
const recipes = makeRecipes({
  cross: { builderTool: true },
  gcc: { buildDeps: ['cross'] },
  'bad-deps': { deps: ['cross'] },
  musl: {},
});

describe('builder tools (builder_tool = true)', () => {
  it('are built in the dev stage for the packages that list them in build_deps', () => {
    const s = selectPackages(recipes, { name: 'p', packages: ['gcc', 'musl'] }, [], []);
    expect(s.packages).toContain('cross');
    expect(() => assertBuilderToolsPlaced(recipes, s, 'dev', { requestedByName: false })).not.toThrow();
  });

  it('may be named on the command line in the dev stage, not in stage a', () => {
    const s = selectTargets(recipes, ['cross']);
    expect(() => assertBuilderToolsPlaced(recipes, s, 'dev', { requestedByName: true })).not.toThrow();
    const e = farmError(() => assertBuilderToolsPlaced(recipes, s, 'a', { requestedByName: true }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/"cross" is a builder tool, built only in the dev stage \(this is stage a\)/);
  });

  it('in stage a or b a build_deps naming one is an error naming the recipe and field', () => {
    const s = selectPackages(recipes, { name: 'p', packages: ['gcc'] }, [], []);
    const e = farmError(() => assertBuilderToolsPlaced(recipes, s, 'b', { requestedByName: false }));
    expect(e.code).toBe('RECIPE_INVALID');
    expect(e.message).toBe('system/gcc/pkg.lua: build_deps[1]: "cross" is a builder tool, built only in the dev stage (this is stage b)');
    expect(e.hint).toMatch(/farm\.stage == "dev"/);
  });

  it('is never a runtime dependency, in any stage', () => {
    const s = selectPackages(recipes, { name: 'p', packages: ['bad-deps'] }, [], []);
    const e = farmError(() => assertBuilderToolsPlaced(recipes, s, 'dev', { requestedByName: false }));
    expect(e.code).toBe('RECIPE_INVALID');
    expect(e.message).toBe('system/bad-deps/pkg.lua: deps[1]: "cross" is a builder tool, never installed: list it in build_deps');
  });

  it('a profile that asks for one is refused: a builder tool is never installed in a rootfs', () => {
    const s = selectPackages(recipes, { name: 'tools', packages: ['cross', 'musl'] }, [], []);
    const e = farmError(() => assertBuilderToolsPlaced(recipes, s, 'dev', { requestedByName: false }));
    expect(e.code).toBe('CONFIG_INVALID');
    expect(e.message).toMatch(/^profile "tools": "cross" is a builder tool \(builder_tool = true\), never installed in a rootfs$/);
  });
});
