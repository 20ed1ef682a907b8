import type { AuditDoneEvent, AuditItem } from '../report/events.js';
import type { TestCase, TestSuite } from './model.js';

const line = (f: AuditItem): string => `/${f.path}${f.package === undefined ? '' : ` (${f.package})`}: ${f.detail}`;

/** One test case per audit rule: its findings are a failure, its warnings (a warning rule's) are shown on a pass. */
export function auditSuite(event: AuditDoneEvent, timestamp?: string): TestSuite {
  const cases = event.rules.map((r): TestCase => {
    const classname = 'audit';
    if (r.count === 0) return { classname, name: r.rule, result: { kind: 'pass' } };
    const listed = (r.severity === 'failure' ? event.findings : event.warnings).filter((f) => f.rule === r.rule);
    const more = r.count > listed.length ? `\n... ${r.count - listed.length} more` : '';
    const text = listed.map(line).join('\n') + more;
    if (r.severity === 'warning') return { classname, name: r.rule, result: { kind: 'pass', output: `${r.count} warning(s)\n${text}` } };
    return { classname, name: r.rule, result: { kind: 'failure', type: 'AUDIT_FAILED', message: `${r.count} finding(s) in ${event.target}`, text } };
  });
  return { name: `audit ${event.target}`, ...(timestamp === undefined ? {} : { timestamp }), cases };
}
