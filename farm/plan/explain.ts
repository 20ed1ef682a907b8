import { TOOLCHAIN_VARS, type KeyInputs } from '../keys/index.js';

/** One line of `stasis-farm why <pkg>`. */
export interface KeyRow {
  readonly label: string;
  readonly value: string;
}

/** Every input of a package's key as label/value rows, in a fixed order, for display. */
export function explainKey(inputs: KeyInputs): KeyRow[] {
  const rows: KeyRow[] = [];
  const row = (label: string, value: string): void => {
    rows.push({ label, value });
  };
  row('package', `${inputs.package} ${inputs.recipe.version}`);
  row('farm version', inputs.farmVersion);
  row('stage', inputs.stage);
  row('builder image', inputs.builderImage);
  row('recipe', `${inputs.recipeFile} sha256:${inputs.recipeSha256}`);
  for (const s of inputs.sources) row(`source ${s.file}`, `sha256:${s.sha256}`);
  for (const [name, sha] of entries(inputs.patches, inputs.recipe.patches)) row(`patch ${name}`, `sha256:${sha}`);
  for (const [name, sha] of entries(inputs.files)) row(`file ${name}`, `sha256:${sha}`);
  for (const r of inputs.reads) row(`reads ${r.path}`, r.value);
  if (inputs.recipe.style !== undefined) row('build style', inputs.recipe.style.name);
  row('strip', (inputs.strip ?? null) === null ? 'no' : `strip step sha256:${inputs.strip}`);
  if (inputs.toolchain === null) row('toolchain', 'not used');
  else for (const [name, value] of entries(inputs.toolchain, TOOLCHAIN_VARS)) row(`toolchain ${name}`, value);
  const deps = entries(inputs.buildDeps);
  if (deps.length === 0) row('sysroot', 'empty');
  for (const [name, key] of deps) row(`sysroot ${name}`, key);
  return rows;
}

/** The names in `first` (in that order) that the record holds, then the rest sorted by name. */
function entries(record: Readonly<Record<string, string>>, first: readonly string[] = []): [string, string][] {
  const rest = Object.keys(record)
    .filter((name) => !first.includes(name))
    .sort();
  return [...new Set(first), ...rest].flatMap((name): [string, string][] => {
    const value = record[name];
    return value === undefined ? [] : [[name, value]];
  });
}
