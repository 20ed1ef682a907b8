import type { AuditDoneEvent, CompareDoneEvent } from './events.js';

/** `audit stage B: 812 files, 97 ELF, 0 finding(s), 3 warning(s)` */
export function formatAuditDone(event: AuditDoneEvent): string {
  const count = (severity: 'failure' | 'warning'): number => event.rules.filter((r) => r.severity === severity).reduce((n, r) => n + r.count, 0);
  return `audit ${event.target}: ${event.files} files, ${event.elfFiles} ELF, ${count('failure')} finding(s), ${count('warning')} warning(s)`;
}

/** `compared stage A and stage B: 16 identical, 0 different, 1 accepted by exclusions` */
export function formatCompareDone(event: CompareDoneEvent): string {
  const n = (verdict: string): number => event.packages.filter((p) => p.verdict === verdict).length;
  const excluded = n('excluded') > 0 ? `, ${n('excluded')} accepted by exclusions` : '';
  return `compared ${event.a} and ${event.b}: ${n('identical')} identical, ${event.packages.length - n('identical') - n('excluded')} different${excluded}`;
}
