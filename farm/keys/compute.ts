import { createHash } from 'node:crypto';
import type { BuildOrder } from '../graph/index.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import { canonicalJson } from '../encoding/canonical-json.js';
import { keyInputsFor, type KeyContext, type KeyInputs, type RecipeInputs } from './inputs.js';

export interface PackageKey {
  /** sha256 (hex) of the canonical JSON of `inputs`. */
  readonly key: string;
  readonly inputs: KeyInputs;
  /** sha256 of the inputs without `buildDeps`: equal self hashes + equal dependency outputs allow early cutoff. */
  readonly selfHash: string;
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The cache key of one set of inputs. */
export function hashKeyInputs(inputs: KeyInputs): string {
  return sha256Hex(canonicalJson(inputs));
}

/** A fingerprint of what a recipe alone decides of its key (see RecipeInputs): equal on any machine for the same recipe. */
export function recipeFingerprint(inputs: RecipeInputs): string {
  const { recipeSha256, patches, files, sources, reads } = inputs;
  return sha256Hex(canonicalJson({ recipeSha256, patches, files, sources, reads }));
}

/** The early-cutoff hash: the inputs minus the dependencies' keys. */
export function selfHashOf(inputs: KeyInputs): string {
  // canonicalJson leaves out undefined properties.
  return sha256Hex(canonicalJson({ ...inputs, buildDeps: undefined }));
}

/**
 * Keys for every package, in build order: a package's key covers its own inputs and the
 * keys of its whole sysroot set, so a change reaches exactly the packages built on it.
 */
export function computeKeys(order: BuildOrder, recipes: ReadonlyMap<string, EvaluatedRecipe>, context: KeyContext): Map<string, PackageKey> {
  const keys = new Map<string, PackageKey>();
  for (const name of order.order) {
    const evaluated = recipes.get(name);
    if (evaluated === undefined) throw new Error(`computeKeys: no recipe for ${name}`);
    const depKeys: Record<string, string> = {};
    for (const dep of order.sysroot.get(name) ?? []) {
      const k = keys.get(dep);
      if (k === undefined) throw new Error(`computeKeys: ${name} needs ${dep}, which has no key yet`);
      depKeys[dep] = k.key;
    }
    const inputs = keyInputsFor(evaluated, context, depKeys);
    keys.set(name, { key: hashKeyInputs(inputs), inputs, selfHash: selfHashOf(inputs) });
  }
  return keys;
}
