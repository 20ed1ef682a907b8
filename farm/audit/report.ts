import type { ChalkInstance } from 'chalk';
import { stringify } from 'yaml';
import type { AuditReport } from './audit.js';

/** Findings grouped by rule, then package. */
export function formatAuditReport(report: AuditReport, c: ChalkInstance): string {
  const lines: string[] = [`${c.bold('audit')} ${report.target}: ${report.files} files, ${report.elfFiles} ELF`];
  const byRule = new Map<string, Map<string, string[]>>();
  for (const f of report.findings) {
    const rule = byRule.get(f.rule) ?? new Map<string, string[]>();
    const pkg = f.package ?? '(no package)';
    rule.set(pkg, [...(rule.get(pkg) ?? []), `/${f.path}: ${f.detail}`]);
    byRule.set(f.rule, rule);
  }
  for (const [rule, pkgs] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${c.red(rule)} (${[...pkgs.values()].reduce((n, l) => n + l.length, 0)})`);
    for (const [pkg, items] of [...pkgs].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${c.bold(pkg)}`);
      for (const item of items.slice(0, 25)) lines.push(`    ${item}`);
      if (items.length > 25) lines.push(`    ... ${items.length - 25} more`);
    }
  }
  if (report.allowed.length > 0) lines.push(c.dim(`${report.allowed.length} finding(s) accepted by the allowlist`));
  lines.push(report.findings.length === 0 ? c.green('clean: 0 findings') : c.red(`${report.findings.length} finding(s)`));
  return lines.join('\n');
}

export function auditReportToYaml(report: AuditReport): string {
  return stringify({
    target: report.target,
    files: report.files,
    elf_files: report.elfFiles,
    verdict: report.findings.length === 0 ? 'clean' : 'findings',
    findings: report.findings,
    allowed: report.allowed,
  });
}
