import { describe, expect, it } from 'vitest';
import { hashKeyInputs, keyInputsFor } from '../../farm/keys/index.js';
import { NO_NEEDS } from '../../farm/pool/types.js';
import { keyedRecipe, needsOf, validateRecipe } from '../../farm/recipe/index.js';
import { makeRecipe } from '../graph/make-recipe.js';
import { KEY_CONTEXT } from '../keys/key-context.js';

const FILE = 'system/qemu/pkg.lua';
const good = { name: 'qemu', version: '9.0', description: 'emulator', license: 'GPL-2.0', sources: [], build: 'make' };
const validate = (extra: Record<string, unknown>) => validateRecipe({ ...good, ...extra }, FILE, 'qemu');

const CONTEXT = KEY_CONTEXT;

describe("a recipe's memory and features: what it asks of the engine it builds on", () => {
  it('memory is in MiB (as output_limit), features a list of names; needsOf gives the PackageNeeds', () => {
    const recipe = validate({ memory: 8192, features: ['kvm', 'big'] });
    expect(recipe).toMatchObject({ memoryBytes: 8192 * 1024 * 1024, features: ['kvm', 'big'] });
    expect(needsOf(recipe)).toEqual({ memoryBytes: 8 * 1024 ** 3, features: ['kvm', 'big'] });
    expect(needsOf(validate({ features: ['kvm'] }))).toEqual({ memoryBytes: undefined, features: ['kvm'] });
  });

  it('left out (or an empty features list), the recipe has no such fields and needs nothing', () => {
    for (const recipe of [validate({}), validate({ features: [] })]) {
      expect('memoryBytes' in recipe || 'features' in recipe).toBe(false);
      expect(needsOf(recipe)).toEqual(NO_NEEDS);
    }
  });

  it.each([
    [{ memory: 0 }, /^system\/qemu\/pkg\.lua: memory: expected an integer >= 1, got number 0$/],
    [{ memory: '8G' }, /^system\/qemu\/pkg\.lua: memory: expected MiB as an integer \(16384 for 16 GiB\), got the string "8G"$/],
    [{ memory: 2 ** 31 }, /^system\/qemu\/pkg\.lua: memory: 2147483648 is more than the maximum, 1073741824 MiB \(1 PiB\)$/],
    [{ features: 'kvm' }, /^system\/qemu\/pkg\.lua: features: expected a list, got the string "kvm"$/],
    [{ features: ['kvm', 'a b'] }, /^system\/qemu\/pkg\.lua: features\[2\]: "a b" is not a feature name/],
    [{ features: ['kvm', 7] }, /^system\/qemu\/pkg\.lua: features\[2\]: expected a string, got number 7$/],
    [{ features: ['kvm', 'kvm'] }, /^system\/qemu\/pkg\.lua: features\[2\]: "kvm" is listed twice$/],
    [{ feature: ['kvm'] }, /^system\/qemu\/pkg\.lua: feature: unknown option \(did you mean "features"\?\)$/],
  ])('rejects %j naming the file and the field', (extra, message) => {
    expect(() => validate(extra)).toThrow(expect.objectContaining({ code: 'RECIPE_INVALID', message: expect.stringMatching(message) as unknown }));
  });

  it('neither enters the cache key: the same recipe asking for memory and features has the same key', () => {
    const plain = makeRecipe('qemu');
    const needy = makeRecipe('qemu', { memoryBytes: 16 * 1024 ** 3, features: ['kvm'] });
    expect(keyedRecipe(needy.recipe)).toEqual(plain.recipe);
    expect(keyedRecipe(plain.recipe)).toBe(plain.recipe);
    const inputs = keyInputsFor(needy, CONTEXT, {});
    expect(inputs.recipe).not.toHaveProperty('memoryBytes');
    expect(inputs.recipe).not.toHaveProperty('features');
    expect(hashKeyInputs(inputs)).toBe(hashKeyInputs(keyInputsFor(plain, CONTEXT, {})));
    // Anything else of the recipe still does.
    expect(hashKeyInputs(keyInputsFor(makeRecipe('qemu', { timeout: 60 }), CONTEXT, {}))).not.toBe(hashKeyInputs(inputs));
  });
});
