import type { KeyInputs } from './inputs.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringRecord = (v: unknown): boolean => isRecord(v) && Object.values(v).every((x) => typeof x === 'string');
const isListOf = (v: unknown, fields: readonly string[]): boolean => Array.isArray(v) && v.every((x) => isRecord(x) && fields.every((f) => typeof x[f] === 'string'));

/**
 * Whether stored data (the workspace's manifest.yaml, cache metadata) has the shape of KeyInputs, so it can
 * be diffed. Inputs written by an older farm that fail this are treated as unknown.
 */
export function isKeyInputs(value: unknown): value is KeyInputs {
  if (!isRecord(value)) return false;
  const strings = ['farmVersion', 'package', 'recipeFile', 'recipeSha256', 'builderImage', 'stage'];
  return (
    strings.every((f) => typeof value[f] === 'string') &&
    isRecord(value['recipe']) &&
    isStringRecord(value['patches']) &&
    isStringRecord(value['files']) &&
    isListOf(value['sources'], ['file', 'sha256']) &&
    isListOf(value['reads'], ['path', 'value']) &&
    (value['toolchain'] === null || isStringRecord(value['toolchain'])) &&
    isStringRecord(value['buildDeps'])
  );
}
