import { COMPARE_EVENT_FILES, type ComparedPackage, type CompareDoneEvent } from '../report/events.js';
import type { Comparison } from './compare.js';

/** The compare-done event of a comparison: every package with its verdict, sorted by name. */
export function compareDoneEvent(cmp: Comparison, informational: boolean): CompareDoneEvent {
  const packages: ComparedPackage[] = [
    ...cmp.identical.map((name): ComparedPackage => ({ name, verdict: 'identical', fileCount: 0, files: [] })),
    ...cmp.different.map((d): ComparedPackage => ({
      name: d.name,
      verdict: d.excluded ? 'excluded' : 'different',
      ...(d.a === undefined ? {} : { a: d.a }),
      ...(d.b === undefined ? {} : { b: d.b }),
      fileCount: d.files.length,
      files: d.files
        .slice(0, COMPARE_EVENT_FILES)
        .map((f) => ({ path: f.path, change: f.change, detail: f.detail, ...(f.excludedBy === undefined ? {} : { excludedBy: f.excludedBy }) })),
    })),
    ...cmp.onlyInA.map((name): ComparedPackage => ({ name, verdict: 'only-a', fileCount: 0, files: [] })),
    ...cmp.onlyInB.map((name): ComparedPackage => ({ name, verdict: 'only-b', fileCount: 0, files: [] })),
  ].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));
  return { type: 'compare-done', a: cmp.a, b: cmp.b, pass: cmp.pass, informational, packages };
}
