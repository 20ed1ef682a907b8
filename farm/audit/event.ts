import { AUDIT_EVENT_ITEMS, type AuditDoneEvent, type AuditItem } from '../report/events.js';
import type { AuditReport } from './audit.js';
import { RULES, severityOf, type Finding } from './rules.js';

const item = (f: Finding): AuditItem => ({ rule: f.rule, path: f.path, package: f.package, detail: f.detail });

/** The audit-done event of a report: every rule counted, the findings and warnings listed up to AUDIT_EVENT_ITEMS each. */
export function auditDoneEvent(report: AuditReport, target: string): AuditDoneEvent {
  const counted = [...report.findings, ...report.warnings];
  return {
    type: 'audit-done',
    target,
    files: report.files,
    elfFiles: report.elfFiles,
    rules: RULES.map((rule) => ({ rule, severity: severityOf(rule), count: counted.filter((f) => f.rule === rule).length })),
    findings: report.findings.slice(0, AUDIT_EVENT_ITEMS).map(item),
    warnings: report.warnings.slice(0, AUDIT_EVENT_ITEMS).map(item),
    allowed: report.allowed.length,
  };
}
