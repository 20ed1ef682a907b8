/**
 * The value a recorded read path (`config.kernel.params[2]`, `defaults.cflags`, `farm.stage`)
 * names in the globals an evaluation is given, as the Lua prelude walked it: a missing leaf is
 * null (the file read its absence), a missing or non-table parent leaves the path unresolved (the
 * file could not have read it without an error). Keys are matched against the tables' own keys, so
 * a key holding a dot still resolves; a path that resolves more than one way is unresolved.
 */
export function valueAtPath(globals: Readonly<Record<string, unknown>>, path: string): { readonly value: unknown } | undefined {
  const found = resolutions(globals, `.${path}`);
  return found.length === 1 ? { value: found[0] } : undefined;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every value `rest` can name below `node` (more than one only when keys hold dots or brackets). */
function resolutions(node: unknown, rest: string): unknown[] {
  if (rest === '') return [node === undefined ? null : node];
  if (node === undefined || node === null) return [];
  const index = /^\[(\d+)\]/.exec(rest);
  if (index !== null) {
    if (!Array.isArray(node) && !isObject(node)) return [];
    const child: unknown = Array.isArray(node) ? node[Number(index[1]) - 1] : undefined;
    return resolutions(child, rest.slice(index[0].length));
  }
  if (!rest.startsWith('.') || (!Array.isArray(node) && !isObject(node))) return [];
  const name = rest.slice(1);
  const found: unknown[] = [];
  if (isObject(node)) {
    for (const key of Object.keys(node)) {
      if (!name.startsWith(key)) continue;
      const after = name.slice(key.length);
      if (after === '' || after.startsWith('.') || after.startsWith('[')) found.push(...resolutions(node[key], after));
    }
  }
  // A key the table lacks: nil if it was the last step (the file read its absence).
  if (found.length === 0 && !/[.[]/.test(name)) return [null];
  return found;
}
