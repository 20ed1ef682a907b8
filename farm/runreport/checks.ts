import type { AuditDoneEvent, AuditItem, ComparedPackage, CompareDoneEvent } from '../report/events.js';
import { markup, type Html } from './html.js';

const VERDICT: Readonly<Record<ComparedPackage['verdict'], string>> = {
  identical: 'identical',
  different: 'differs',
  excluded: 'differs (accepted)',
  'only-a': 'only in A',
  'only-b': 'only in B',
};

function differences(p: ComparedPackage): Html | string {
  if (p.fileCount === 0) return p.verdict === 'different' ? 'output hash only' : '';
  const more = p.fileCount > p.files.length ? markup`<li>... ${p.fileCount - p.files.length} more</li>` : '';
  const items = p.files.map(
    (f) =>
      markup`<li><code>/${f.path}</code> ${f.change}: ${f.detail}${f.excludedBy === undefined ? '' : markup` <span class="note">(accepted: ${f.excludedBy})</span>`}</li>`,
  );
  return markup`<details><summary>${p.fileCount} file(s)</summary><ul>${items}${more}</ul></details>`;
}

const short = (sha: string | undefined): string => (sha === undefined ? '' : sha.slice(0, 12));

/** A comparison of two stages: one row per package, its verdict, its output in each stage and the files that differ. */
export function compareTable(e: CompareDoneEvent): Html {
  const rows = e.packages.map(
    (p) =>
      markup`<tr class="${p.verdict}" data-pkg="${p.name}"><td>${p.name}</td><td class="${p.verdict}">${VERDICT[p.verdict]}</td><td class="mono">${short(p.a)}</td><td class="mono">${short(p.b)}</td><td>${differences(p)}</td></tr>`,
  );
  return markup`<table class="compare" data-a="${e.a}" data-b="${e.b}"><thead><tr><th>package</th><th>verdict</th><th>${e.a}</th><th>${e.b}</th><th>differences</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function items(list: readonly AuditItem[], cls: string): Html {
  const rows = list.map((f) => markup`<tr><td>${f.rule}</td><td>${f.package ?? ''}</td><td class="mono">/${f.path}</td><td>${f.detail}</td></tr>`);
  return markup`<table class="${cls}"><thead><tr><th>rule</th><th>package</th><th>path</th><th>detail</th></tr></thead><tbody>${rows}</tbody></table>`;
}

/** An audit: its verdict, the findings, and the warnings folded away. */
export function auditSection(e: AuditDoneEvent): Html {
  const count = (severity: string): number => e.rules.filter((r) => r.severity === severity).reduce((n, r) => n + r.count, 0);
  const findings = count('failure');
  const warnings = count('warning');
  const listed = (n: number, list: readonly AuditItem[]): Html | string => (n > list.length ? markup`<p class="note">the first ${list.length} of ${n}</p>` : '');
  const verdict = markup`<span class="verdict ${findings === 0 ? 'pass' : 'fail'}">${findings === 0 ? 'clean' : `${findings} finding(s)`}</span>`;
  return markup`<p>${verdict} ${e.target}: ${e.files} files, ${e.elfFiles} ELF, ${warnings} warning(s), ${e.allowed} accepted by the allowlist</p>
${findings > 0 ? markup`${items(e.findings, 'findings')}${listed(findings, e.findings)}` : ''}
${warnings > 0 ? markup`<details><summary>${warnings} warning(s)</summary>${items(e.warnings, 'warnings')}${listed(warnings, e.warnings)}</details>` : ''}`;
}
