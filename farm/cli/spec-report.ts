// `stasis-farm report`: its arguments and options, the source of its parser and its help (cmd-report.ts runs it).
import type { CommandSpec } from './spec.js';

export const REPORT = {
  name: 'report',
  summary: 'one self-contained HTML page of the last build or release: timeline, sizes, audit, A/B comparison',
  description:
    'Reads the newest run record in workspace/runs (or --run FILE) and writes one HTML file with no script and nothing loaded from elsewhere: per stage a timeline of the builds by slot (cache hits, early cutoffs, failures, the critical path), each package with its build time, output size and a link to its log, then the A vs B comparison and the audit of a release.',
  options: {
    out: { type: 'string', value: 'FILE', description: 'where to write the page (default: workspace/report.html)' },
    run: { type: 'string', value: 'FILE', description: 'the run record to show (default: the newest in workspace/runs)' },
  },
} as const satisfies CommandSpec;
