/**
 * Markup made safe by construction: text from recipes, logs and records enters a page only
 * through `markup` templates, which escape every value that is not itself markup. (The tag is
 * not named `html` so that Prettier leaves the templates as they are written: it reformats
 * `html` templates, whitespace inside them included.)
 */
const MARKUP = Symbol('markup');

export interface Html {
  readonly [MARKUP]: string;
}

export type Value = Html | string | number | false | null | undefined | readonly Value[];

// C0 controls (but tab, LF, CR) and DEL: never meaningful in a page (a log's colour codes, a NUL).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML, safe in an element and in a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(CONTROL, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

function isHtml(value: unknown): value is Html {
  return typeof value === 'object' && value !== null && MARKUP in value;
}

function render(value: Value): string {
  if (value === false || value === null || value === undefined) return '';
  if (isHtml(value)) return value[MARKUP];
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  return value.map(render).join('');
}

/** A template of markup: each `${value}` is escaped unless it is markup already (arrays are joined; false, null, undefined are nothing). */
export function markup(strings: TemplateStringsArray, ...values: readonly Value[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => (out += render(v) + (strings[i + 1] ?? '')));
  return { [MARKUP]: out };
}

/** Markup the farm itself wrote (its style sheet): never pass it anything read from a run. */
export function trusted(text: string): Html {
  return { [MARKUP]: text };
}

/** The text of a piece of markup, to write out. */
export function htmlText(value: Html): string {
  return value[MARKUP];
}
