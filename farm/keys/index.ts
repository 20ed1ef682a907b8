export { TOOLCHAIN_VARS, keyInputsFor, recipeInputsOf } from './inputs.js';
export type { KeyContext, KeyInputs, RecipeInputs, ToolchainVar } from './inputs.js';
export { computeKeys, hashKeyInputs, recipeFingerprint, selfHashOf } from './compute.js';
export type { PackageKey } from './compute.js';
export { diffKeyInputs } from './diff.js';
export type { KeyChange, KeyChangeKind } from './diff.js';
export { isKeyInputs } from './guard.js';
