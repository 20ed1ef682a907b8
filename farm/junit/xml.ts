import type { TestCase, TestSuite } from './model.js';

// Characters XML 1.0 cannot hold at all (C0 controls but tab, LF and CR; lone surrogates; U+FFFE/U+FFFF).
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or an attribute value as XML: markup characters escaped, characters XML cannot hold replaced by U+FFFD. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}

function attrs(list: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(list)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

const seconds = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : (Math.max(0, ms) / 1000).toFixed(3));

function testCase(c: TestCase): string {
  const open = `    <testcase${attrs({ classname: c.classname, name: c.name, time: seconds(c.ms) })}`;
  const r = c.result;
  switch (r.kind) {
    case 'pass':
      return r.output === undefined ? `${open}/>` : `${open}>\n      <system-out>${escapeXml(r.output)}</system-out>\n    </testcase>`;
    case 'skipped':
      return `${open}>\n      <skipped${attrs({ message: r.message })}/>\n    </testcase>`;
    case 'failure':
    case 'error':
      return `${open}>\n      <${r.kind}${attrs({ type: r.type, message: r.message })}>${escapeXml(r.text)}</${r.kind}>\n    </testcase>`;
  }
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
}

function counts(cases: readonly TestCase[]): Counts {
  const n = (kind: TestCase['result']['kind']): number => cases.filter((c) => c.result.kind === kind).length;
  return { tests: cases.length, failures: n('failure'), errors: n('error'), skipped: n('skipped') };
}

function suite(s: TestSuite): string {
  const c = counts(s.cases);
  const head = `  <testsuite${attrs({ name: s.name, ...c, time: seconds(s.ms), timestamp: s.timestamp })}`;
  return s.cases.length === 0 ? `${head}/>` : `${head}>\n${s.cases.map(testCase).join('\n')}\n  </testsuite>`;
}

/** The JUnit XML document (the Ant/Jenkins dialect CI systems read) of `suites`. */
export function renderJUnit(name: string, suites: readonly TestSuite[]): string {
  const all = counts(suites.flatMap((s) => s.cases));
  const ms = suites.reduce((t, s) => t + (s.ms ?? 0), 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites${attrs({ name, ...all, time: seconds(ms) })}>\n${suites.map(suite).join('\n')}\n</testsuites>\n`;
}
