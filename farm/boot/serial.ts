import type { CheckResult } from '../report/boot-verdict.js';

/** A serial line of this run's check service, or undefined. Other runs' nonces do not count. */
export function checkLine(line: string, nonce: string): { readonly verb: 'ok' | 'fail' | 'out' | 'done'; readonly text: string } | undefined {
  const at = line.indexOf(`STASIS-CHECK ${nonce} `);
  if (at === -1) return undefined;
  const m = /^(ok|fail|out|done)(?: (.*))?$/.exec(line.slice(at + 14 + nonce.length).trimEnd());
  if (m === null) return undefined;
  return { verb: m[1] as 'ok' | 'fail' | 'out' | 'done', text: m[2] ?? '' };
}

/** `name: detail` -> [name, detail] (the name is what precedes the first colon). */
function split(text: string): [string, string] {
  const i = text.indexOf(':');
  return i === -1 ? [text, ''] : [text.slice(0, i).trim(), text.slice(i + 1).trim()];
}

/** The checks the guest reported, in order, with their output, and whether it said `done`. */
export function parseChecks(lines: readonly string[], nonce: string): { readonly checks: CheckResult[]; readonly done: boolean } {
  const checks: { name: string; ok: boolean; detail: string; output: string[] }[] = [];
  let done = false;
  for (const line of lines) {
    const c = checkLine(line, nonce);
    if (c === undefined) continue;
    if (c.verb === 'done') done = true;
    else if (c.verb === 'out') {
      const [name, text] = split(c.text);
      [...checks]
        .reverse()
        .find((k) => k.name === name)
        ?.output.push(text);
    } else {
      const [name, detail] = split(c.text);
      checks.push({ name, ok: c.verb === 'ok', detail, output: [] });
    }
  }
  return { checks, done };
}

const PANIC = 'Kernel panic - not syncing';

/** The lines of a kernel panic (a few before it for context, up to its end marker), or undefined. */
export function panicLines(lines: readonly string[]): string[] | undefined {
  const at = lines.findIndex((l) => l.includes(PANIC));
  if (at === -1) return undefined;
  const end = lines.findIndex((l, i) => i > at && l.includes('end Kernel panic'));
  return lines.slice(Math.max(0, at - 5), end === -1 ? Math.min(lines.length, at + 20) : end + 1);
}

export const isPanicLine = (line: string): boolean => line.includes(PANIC);

/** A serial line without terminal control sequences (the firmware clears the screen) or a trailing CR. */
export function cleanLine(raw: string): string {
  // eslint-disable-next-line no-control-regex
  return raw.replace(/\x1b\[[0-9;?]*[A-Za-z]|\x1b[A-Za-z]/g, '').replace(/\r+$/, '');
}
