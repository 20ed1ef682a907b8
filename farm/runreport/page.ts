import { formatMs } from '../report/format.js';
import type { AuditDoneEvent, CompareDoneEvent } from '../report/events.js';
import type { RunRecord } from '../runs/index.js';
import { assignSlots, criticalPath, ranContainer, stageLabel, stagesOf, type StageRuns } from '../timeline/index.js';
import { auditSection, compareTable } from './checks.js';
import { ganttChart } from './gantt.js';
import { htmlText, markup, type Html } from './html.js';
import { packageTable, type LinkTo } from './packages.js';
import { STYLE } from './style.js';

export interface PageOptions {
  /** How the page links a file the record names (build logs): relative to where the page is written. */
  readonly linkTo: LinkTo;
  /** The farm writing the page. */
  readonly farmVersion: string;
}

function verdict(record: RunRecord): Html {
  const end = record.end;
  if (end === undefined) return markup`<span class="verdict partial">incomplete: no end recorded (the run crashed, was killed, or is still going)</span>`;
  if (end.exitCode === 0) return markup`<span class="verdict pass">passed</span>`;
  const why = end.error === undefined ? '' : `: [${end.error.code}] ${end.error.message}`;
  return markup`<span class="verdict fail">failed, exit ${end.exitCode}${why}</span>`;
}

function commandLine(record: RunRecord, command: string): string {
  const args = record.start?.args;
  const options = Object.entries(args?.options ?? {}).map(([k, v]) => (v === true ? `--${k}` : `--${k} ${Array.isArray(v) ? v.join(` --${k} `) : String(v)}`));
  return ['stasis-farm', command, ...(args?.positionals ?? []), ...options].join(' ');
}

function header(record: RunRecord, command: string): Html {
  const start = record.start;
  const t0 = Date.parse(start?.ts ?? record.events[0]?.ts ?? '');
  const t1 = Date.parse(record.end?.ts ?? record.events.at(-1)?.ts ?? '');
  const unreadable = record.unreadable > 0 ? markup` <span class="note">(${record.unreadable} unreadable line(s) skipped)</span>` : '';
  return markup`<header><h1>stasis-farm ${command}</h1><p>${verdict(record)}</p><dl class="facts">
<dt>command</dt><dd><code>${commandLine(record, command)}</code></dd>
<dt>started</dt><dd>${Number.isNaN(t0) ? 'unknown' : new Date(t0).toISOString()}</dd>
<dt>took</dt><dd>${Number.isNaN(t0) || Number.isNaN(t1) ? 'unknown' : formatMs(t1 - t0)}</dd>
<dt>root</dt><dd><code>${start?.root ?? 'unknown'}</code></dd>
<dt>farm</dt><dd>${start?.farm ?? 'unknown'}</dd>
<dt>record</dt><dd><code>${record.file?.split('/').pop() ?? 'in memory'}</code>${unreadable}</dd>
</dl></header>`;
}

function counts(stage: StageRuns): string {
  const n = (outcome: string): number => stage.packages.filter((p) => p.outcome === outcome).length;
  const unfinished = n('unfinished') > 0 ? `, ${n('unfinished')} never finished` : '';
  return `${n('built')} built, ${n('cached') + n('cutoff')} cached (${n('cutoff')} by early cutoff), ${n('failed')} failed, ${n('skipped')} skipped${unfinished}`;
}

const LEGEND = markup`<p class="legend"><span><i class="built"></i>built</span><span><i class="failed"></i>failed</span><span><i class="cached"></i>cache hit</span><span><i class="cutoff"></i>early cutoff</span><span><i class="critical"></i>critical path</span></p>`;

function stageSection(stage: StageRuns, linkTo: LinkTo): Html {
  const bars = stage.packages.filter(ranContainer);
  const slotOf = assignSlots(bars);
  const slots = new Map(bars.map((b, i) => [b.pkg, slotOf[i] as number]));
  const path = criticalPath(
    stage.packages.filter((p) => p.outcome !== 'skipped'),
    stage.waitsFor,
  );
  const critical = new Set(path);
  const shown = path.length === 0 ? 'none' : markup`<span class="critical-path">${path.join(' → ')}</span>`;
  return markup`<section class="stage" id="stage-${stage.stage}"><h2>Builds: ${stageLabel(stage.stage)}</h2>
<p>${counts(stage)} in ${formatMs(stage.end - stage.start)}; at most ${Math.max(0, ...slotOf.map((s) => s + 1))} at once.</p>
<p>Critical path: ${shown}</p>
${LEGEND}${ganttChart(stage, slots, critical)}${packageTable(stage, slots, critical, linkTo)}</section>`;
}

function compareSection(e: CompareDoneEvent): Html {
  const cls = e.pass ? 'pass' : e.informational ? 'partial' : 'fail';
  return markup`<section class="comparison${e.informational ? ' informational' : ''}"><h2>${e.a} vs ${e.b}${e.informational ? ' (informational)' : ''}</h2><p><span class="verdict ${cls}">${e.pass ? 'same' : 'different'}</span></p>${compareTable(e)}</section>`;
}

function auditSections(events: readonly AuditDoneEvent[]): Html {
  return markup`${events.map((e) => markup`<section class="audit"><h2>Audit: ${e.target}</h2>${auditSection(e)}</section>`)}`;
}

/** The whole page of a recorded run: one self-contained HTML document, no script, no outside resource. */
export function renderRunReport(record: RunRecord, options: PageOptions): string {
  const command = record.start?.command ?? 'run';
  const end = record.end === undefined ? undefined : Date.parse(record.end.ts);
  const stages = stagesOf(record.events, end);
  const compares = record.events.filter((e): e is CompareDoneEvent & { ts: string } => e.type === 'compare-done');
  const audits = record.events.filter((e): e is AuditDoneEvent & { ts: string } => e.type === 'audit-done');
  const builds = stages.length === 0 ? markup`<p class="note">No package was planned or built in this run.</p>` : stages.map((s) => stageSection(s, options.linkTo));
  const page = markup`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>stasis-farm ${command}: ${record.start?.ts ?? ''}</title><style>${STYLE}</style></head>
<body>${header(record, command)}
${builds}
${[...compares.filter((e) => !e.informational), ...compares.filter((e) => e.informational)].map(compareSection)}
${auditSections(audits)}
<footer>stasis-farm ${options.farmVersion}: report of a recorded run</footer>
</body></html>
`;
  return htmlText(page);
}
