import type { ComparedPackage, CompareDoneEvent } from '../report/events.js';
import type { TestCase, TestSuite } from './model.js';

function files(p: ComparedPackage): string {
  const listed = p.files.map((f) => `/${f.path}: ${f.change} ${f.detail}${f.excludedBy === undefined ? '' : ` (accepted: ${f.excludedBy})`}`);
  return [...listed, ...(p.fileCount > p.files.length ? [`... ${p.fileCount - p.files.length} more`] : [])].join('\n');
}

function compareCase(p: ComparedPackage, e: CompareDoneEvent): TestCase {
  const classname = 'compare';
  switch (p.verdict) {
    case 'identical':
      return { classname, name: p.name, result: { kind: 'pass' } };
    case 'excluded':
      return { classname, name: p.name, result: { kind: 'pass', output: `differs, every difference accepted by an exclusion\n${files(p)}` } };
    case 'different': {
      const message = `${e.a} and ${e.b} differ (${p.a?.slice(0, 12) ?? '?'} vs ${p.b?.slice(0, 12) ?? '?'}), ${p.fileCount} file(s)`;
      return { classname, name: p.name, result: { kind: 'failure', type: 'STAGE_MISMATCH', message, text: files(p) } };
    }
    case 'only-a':
    case 'only-b': {
      const message = `only in ${p.verdict === 'only-a' ? e.a : e.b}`;
      return { classname, name: p.name, result: { kind: 'failure', type: 'STAGE_MISMATCH', message, text: message } };
    }
  }
}

/** One test case per compared package: A and B differ (not accepted by an exclusion) is a failure. */
export function compareSuite(event: CompareDoneEvent, timestamp?: string): TestSuite {
  return { name: `compare ${event.a} vs ${event.b}`, ...(timestamp === undefined ? {} : { timestamp }), cases: event.packages.map((p) => compareCase(p, event)) };
}
