/** One literal shell word: single-quoted, nothing inside is expanded. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const VARIABLE = /^\$(?:[A-Za-z_][A-Za-z0-9_]*|\{[A-Za-z_][A-Za-z0-9_]*\})/;

/**
 * One shell word in which variable references (`$NAME`, `${NAME}`) expand and
 * nothing else does: double-quoted, with `"`, `\` and backquotes escaped and
 * every other `$` made literal, so `$SYSROOT/usr` names the sysroot while
 * `$(cmd)`, globs and spaces stay literal and the word is never split.
 */
export function shellWord(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i] as string;
    if (ch === '$') {
      const ref = VARIABLE.exec(value.slice(i));
      if (ref !== null) {
        out += ref[0];
        i += ref[0].length - 1;
      } else {
        out += '\\$';
      }
    } else if (ch === '"' || ch === '\\' || ch === '`') {
      out += `\\${ch}`;
    } else {
      out += ch;
    }
  }
  return `"${out}"`;
}
