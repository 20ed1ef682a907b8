import { canonicalJson } from '../encoding/canonical-json.js';
import { TOOLCHAIN_VARS, type KeyInputs } from './inputs.js';

export type KeyChangeKind =
  'farm-version' | 'package' | 'recipe' | 'patch' | 'file' | 'source' | 'config' | 'dependency' | 'builder-image' | 'stage' | 'toolchain' | 'strip' | 'other';

/** One reason two keys differ, e.g. `patch fix-build.patch changed`. */
export interface KeyChange {
  readonly kind: KeyChangeKind;
  /** What changed: the patch/file/source name, config path, dependency or variable; else the package. */
  readonly subject: string;
  readonly text: string;
}

/**
 * Why `now` has a different key than `old`, in words a user can act on. Empty exactly
 * when both encode the same (the same key).
 */
export function diffKeyInputs(old: KeyInputs, now: KeyInputs): KeyChange[] {
  if (canonicalJson(old) === canonicalJson(now)) return [];
  const changes: KeyChange[] = [];
  const add = (kind: KeyChangeKind, subject: string, text: string): void => {
    changes.push({ kind, subject, text });
  };
  const pkg = now.package;

  if (old.farmVersion !== now.farmVersion) add('farm-version', pkg, `farm version changed: ${old.farmVersion} -> ${now.farmVersion}`);
  if (old.package !== now.package) add('package', pkg, `package changed: ${old.package} -> ${now.package}`);
  if (old.recipeSha256 !== now.recipeSha256 || old.recipeFile !== now.recipeFile) {
    add('recipe', pkg, `recipe changed (${now.recipeFile})`);
  }
  for (const c of diffRecords(old.patches, now.patches)) add('patch', c.name, `patch ${c.name} ${c.how}`);
  for (const c of diffRecords(old.files, now.files)) add('file', c.name, `file ${c.name} ${c.how}`);
  for (const c of diffRecords(bySource(old), bySource(now))) add('source', c.name, `source ${c.name} ${c.how}`);
  diffReads(old, now, add);
  if (old.builderImage !== now.builderImage) {
    add('builder-image', pkg, `builder image changed: ${short(old.builderImage)} -> ${short(now.builderImage)}`);
  }
  if (old.stage !== now.stage) add('stage', pkg, `stage changed: ${old.stage} -> ${now.stage}`);
  diffToolchain(old.toolchain, now.toolchain, add);
  for (const c of diffRecords(old.buildDeps, now.buildDeps)) add('dependency', c.name, `dependency ${c.name} ${c.how}`);
  if ((old.strip ?? null) !== now.strip) {
    add('strip', pkg, now.strip === null ? 'no longer stripped' : (old.strip ?? null) === null ? 'now stripped' : "the farm's strip step changed");
  }

  // Same pkg.lua, different result, and nothing above explains it (e.g. a new validator).
  const explained = changes.some((c) => c.kind === 'recipe' || c.kind === 'config' || c.kind === 'farm-version' || c.kind === 'strip');
  if (!explained && canonicalJson(old.recipe) !== canonicalJson(now.recipe)) {
    add('recipe', pkg, `recipe evaluated differently (${now.recipeFile}): ${changedFields(old.recipe, now.recipe).join(', ')}`);
  }
  if (changes.length === 0) add('other', pkg, 'key inputs changed');
  return changes;
}

interface RecordChange {
  readonly name: string;
  readonly how: 'changed' | 'added' | 'removed';
}

function diffRecords(old: Readonly<Record<string, string>>, now: Readonly<Record<string, string>>): RecordChange[] {
  const names = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
  return names.flatMap((name): RecordChange[] => {
    const a = old[name];
    const b = now[name];
    if (a === b) return [];
    return [{ name, how: a === undefined ? 'added' : b === undefined ? 'removed' : 'changed' }];
  });
}

function bySource(inputs: KeyInputs): Record<string, string> {
  return Object.fromEntries(inputs.sources.map((s) => [s.file, s.sha256]));
}

function diffReads(old: KeyInputs, now: KeyInputs, add: (kind: KeyChangeKind, subject: string, text: string) => void): void {
  const before = new Map(old.reads.map((r) => [r.path, r.value]));
  const after = new Map(now.reads.map((r) => [r.path, r.value]));
  for (const path of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    const a = before.get(path);
    const b = after.get(path);
    if (a === b) continue;
    if (a === undefined) add('config', path, `config value ${path} now read: ${clip(b ?? '')}`);
    else if (b === undefined) add('config', path, `config value ${path} no longer read`);
    else add('config', path, `config value ${path} changed: ${clip(a)} -> ${clip(b)}`);
  }
}

function diffToolchain(old: KeyInputs['toolchain'], now: KeyInputs['toolchain'], add: (kind: KeyChangeKind, subject: string, text: string) => void): void {
  if (old === null && now === null) return;
  if (old === null) return add('toolchain', 'toolchain', 'toolchain now used');
  if (now === null) return add('toolchain', 'toolchain', 'toolchain no longer used');
  const names = [...new Set([...TOOLCHAIN_VARS, ...Object.keys(old), ...Object.keys(now)])];
  for (const name of names) {
    const a = old[name];
    const b = now[name];
    if (a !== b) add('toolchain', name, `toolchain ${name} changed: ${quote(a)} -> ${quote(b)}`);
  }
}

function changedFields(old: object, now: object): string[] {
  const a = old as Record<string, unknown>;
  const b = now as Record<string, unknown>;
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().filter((k) => canonicalJson(a[k] ?? null) !== canonicalJson(b[k] ?? null));
}

const quote = (value: string | undefined): string => (value === undefined ? '(unset)' : JSON.stringify(value));

/** Image ids are long; `sha256:0123456789ab` is enough to tell them apart. */
const short = (id: string): string => (id.length > 19 ? id.slice(0, 19) : id);

/** Config values are canonical JSON and may be whole tables; keep reasons to one line. */
function clip(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}...` : value;
}
