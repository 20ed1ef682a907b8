import type { ChalkInstance } from 'chalk';
import { stringify } from 'yaml';
import type { Comparison } from './compare.js';

export function formatComparison(cmp: Comparison, c: ChalkInstance, options: { readonly informational?: boolean } = {}): string {
  const lines: string[] = [];
  const title = `${cmp.a} vs ${cmp.b}`;
  lines.push(c.bold(title) + (options.informational === true ? c.dim(' (informational)') : ''));
  lines.push(`  identical: ${cmp.identical.length} package(s)`);
  for (const name of cmp.onlyInA) lines.push(`  ${c.red('only in ' + cmp.a)}: ${name}`);
  for (const name of cmp.onlyInB) lines.push(`  ${c.red('only in ' + cmp.b)}: ${name}`);
  for (const d of cmp.different) {
    const tag = d.excluded ? c.yellow('differs (excluded)') : c.red('DIFFERS');
    lines.push(`  ${tag} ${c.bold(d.name)}: ${String(d.a).slice(0, 12)} -> ${String(d.b).slice(0, 12)}`);
    if (d.files.length === 0) lines.push(`    (same files; the archives differ in metadata)`);
    for (const f of d.files.slice(0, 50)) {
      const why = f.excludedBy === undefined ? '' : c.dim(` [excluded: ${f.excludedBy}]`);
      lines.push(`    ${f.change.padEnd(7)} ${f.path}: ${f.detail}${why}`);
    }
    if (d.files.length > 50) lines.push(`    ... ${d.files.length - 50} more`);
  }
  const verdict = cmp.pass ? c.green('PASS') : c.red('FAIL');
  lines.push(`  verdict: ${options.informational === true ? c.dim(cmp.pass ? 'same' : 'different') : verdict}`);
  return lines.join('\n');
}

export function comparisonToYaml(cmp: Comparison): string {
  return stringify({
    a: cmp.a,
    b: cmp.b,
    verdict: cmp.pass ? 'pass' : 'fail',
    identical: cmp.identical,
    only_in_a: cmp.onlyInA,
    only_in_b: cmp.onlyInB,
    different: cmp.different.map((d) => ({
      package: d.name,
      a: d.a,
      b: d.b,
      excluded: d.excluded,
      files: d.files.map((f) => ({ path: f.path, change: f.change, detail: f.detail, ...(f.excludedBy === undefined ? {} : { excluded_by: f.excludedBy }) })),
    })),
  });
}
