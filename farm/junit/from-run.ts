import type { RunRecord } from '../runs/index.js';
import { stagesOf } from '../timeline/index.js';
import { auditSuite } from './audit-suite.js';
import { compareSuite } from './compare-suite.js';
import type { TestSuite } from './model.js';
import { stageSuite } from './stage-suite.js';

/**
 * The JUnit suites of a run: one per stage (a case per package), the A vs B comparison (a case
 * per package) and the audit (a case per rule) when the run made them, and the error that ended
 * the run, if one did.
 */
export function junitFromRun(record: RunRecord): TestSuite[] {
  const end = record.end === undefined ? undefined : Date.parse(record.end.ts);
  const suites: TestSuite[] = stagesOf(record.events, end).map(stageSuite);
  for (const e of record.events) {
    if (e.type === 'compare-done' && !e.informational) suites.push(compareSuite(e, e.ts));
    if (e.type === 'audit-done') suites.push(auditSuite(e, e.ts));
  }
  const error = record.end?.error;
  if (error !== undefined) {
    const command = record.start?.command ?? 'run';
    suites.push({
      name: `stasis-farm ${command}`,
      cases: [{ classname: 'stasis-farm', name: command, result: { kind: 'error', type: error.code, message: error.message, text: error.message } }],
    });
  }
  return suites;
}
