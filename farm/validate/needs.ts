import { describe, join, type FieldReader } from './fields.js';

/**
 * What a package asks of an engine and what an engine offers, read alike from a recipe, from
 * default.lua's `engines` and from `--engine` / STASIS_ENGINES: `memory` in MiB (the unit of
 * `output_limit`) and `features`, a list of names.
 */

export const MIB = 1024 * 1024;
/** The most memory an engine may offer or a recipe ask for: 1 PiB, far beyond any machine, and exact in bytes as a double. */
export const MAX_MEMORY_MIB = 1024 * 1024 * 1024;
/** A feature name: one word, so that `features=kvm,big` on the command line reads the same. */
export const FEATURE = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/** `memory` (MiB, an integer >= 1) in bytes; undefined when absent or wrong (the problem recorded in `r`). */
export function readMemoryBytes(r: FieldReader, o: Record<string, unknown>, path: string): number | undefined {
  const value = o['memory'];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') {
    r.fail(join(path, 'memory'), `expected MiB as an integer (16384 for 16 GiB), got ${describe(value)}`);
    return undefined;
  }
  const mib = r.integer(o, 'memory', path, 0, 1, { value: MAX_MEMORY_MIB, what: `${MAX_MEMORY_MIB} MiB (1 PiB)` });
  return mib === 0 ? undefined : mib * MIB;
}

/** `features`: a list of feature names, none twice. */
export function readFeatures(r: FieldReader, o: Record<string, unknown>, path: string): string[] {
  const features: string[] = [];
  r.list(o, 'features', path).forEach((v, i) => {
    const p = `${join(path, 'features')}[${i + 1}]`;
    if (typeof v !== 'string') r.fail(p, `expected a string, got ${describe(v)}`);
    else if (!FEATURE.test(v)) r.fail(p, `${JSON.stringify(v)} is not a feature name (letters, digits, . _ + -)`);
    else if (features.includes(v)) r.fail(p, `"${v}" is listed twice`);
    else features.push(v);
  });
  return features;
}
