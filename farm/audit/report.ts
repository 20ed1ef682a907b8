import type { ChalkInstance } from 'chalk';
import { stringify } from 'yaml';
import type { AuditReport } from './audit.js';

/** Failures, then warnings, each grouped by rule, then package. */
export function formatAuditReport(report: AuditReport, c: ChalkInstance): string {
  const lines: string[] = [`${c.bold('audit')} ${report.target}: ${report.files} files, ${report.elfFiles} ELF`];
  lines.push(...grouped(report.findings, c.red, c));
  lines.push(...grouped(report.warnings, (t) => c.yellow(`warning: ${t}`), c));
  if (report.allowed.length > 0) lines.push(c.dim(`${report.allowed.length} finding(s) accepted by the allowlist`));
  const warned = report.warnings.length === 0 ? '' : `, ${report.warnings.length} warning(s)`;
  lines.push(report.findings.length === 0 ? c.green(`clean: 0 findings${warned}`) : c.red(`${report.findings.length} finding(s)${warned}`));
  return lines.join('\n');
}

function grouped(findings: AuditReport['findings'], title: (rule: string) => string, c: ChalkInstance): string[] {
  const lines: string[] = [];
  const byRule = new Map<string, Map<string, string[]>>();
  for (const f of findings) {
    const rule = byRule.get(f.rule) ?? new Map<string, string[]>();
    const pkg = f.package ?? '(no package)';
    rule.set(pkg, [...(rule.get(pkg) ?? []), `/${f.path}: ${f.detail}`]);
    byRule.set(f.rule, rule);
  }
  for (const [rule, pkgs] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`${title(rule)} (${[...pkgs.values()].reduce((n, l) => n + l.length, 0)})`);
    for (const [pkg, items] of [...pkgs].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`  ${c.bold(pkg)}`);
      for (const item of items.slice(0, 25)) lines.push(`    ${item}`);
      if (items.length > 25) lines.push(`    ... ${items.length - 25} more`);
    }
  }
  return lines;
}

export function auditReportToYaml(report: AuditReport): string {
  return stringify({
    target: report.target,
    files: report.files,
    elf_files: report.elfFiles,
    verdict: report.findings.length === 0 ? 'clean' : 'findings',
    findings: report.findings,
    warnings: report.warnings,
    allowed: report.allowed,
  });
}
