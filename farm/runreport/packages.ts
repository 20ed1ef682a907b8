import { formatBytes, formatMs } from '../report/format.js';
import { ranContainer, type PackageRun, type StageRuns } from '../timeline/index.js';
import { markup, type Html } from './html.js';

/** Where a page links a file of the run (a build log): a relative URL, or undefined for no link. */
export type LinkTo = (file: string) => string | undefined;

const OUTCOME: Readonly<Record<PackageRun['outcome'], string>> = {
  built: 'built',
  failed: 'failed',
  cached: 'cached',
  cutoff: 'early cutoff',
  skipped: 'skipped',
  unfinished: 'never finished',
};

function result(run: PackageRun): Html {
  if (run.outcome === 'failed' || run.outcome === 'unfinished') {
    const tail = run.logTail !== undefined && run.logTail.length > 0 ? markup`<pre>${run.logTail.join('\n')}</pre>` : '';
    return markup`<details><summary>${OUTCOME[run.outcome]}${run.reason === undefined ? '' : `: ${run.reason}`}</summary>${tail}</details>`;
  }
  return markup`${OUTCOME[run.outcome]}${run.reason === undefined ? '' : markup` <span class="note">(${run.reason})</span>`}`;
}

function logLink(run: PackageRun, linkTo: LinkTo): Html | string {
  if (run.log === undefined) return '';
  const href = linkTo(run.log);
  const name = run.log.split('/').pop() ?? run.log;
  return href === undefined ? markup`<code>${name}</code>` : markup`<a href="${href}">${name}</a>`;
}

function row(run: PackageRun, stage: StageRuns, slot: number | undefined, critical: boolean, linkTo: LinkTo): Html {
  const time = ranContainer(run) ? formatMs(run.ms ?? run.end - run.start) : '';
  const size = run.bytes === undefined ? '' : formatBytes(run.bytes);
  return markup`<tr class="${run.outcome}${critical ? ' critical' : ''}" data-pkg="${run.pkg}"><td>${run.pkg}</td><td class="${run.outcome}">${result(run)}</td><td class="num">${slot === undefined ? '' : slot + 1}</td><td class="num">+${formatMs(run.start - stage.start)}</td><td class="num">${time}</td><td class="num">${size}</td><td class="num">${run.files ?? ''}</td><td>${logLink(run, linkTo)}</td></tr>`;
}

/** Every package of the stage, in the order it started: result, slot, start, build time, output size and files, log. */
export function packageTable(stage: StageRuns, slots: ReadonlyMap<string, number>, critical: ReadonlySet<string>, linkTo: LinkTo): Html {
  const byStart = [...stage.packages].sort((x, y) => x.start - y.start || x.end - y.end);
  const rows = byStart.map((run) => row(run, stage, slots.get(run.pkg), critical.has(run.pkg), linkTo));
  return markup`<table class="packages" data-stage="${stage.stage}"><thead><tr><th>package</th><th>result</th><th class="num">slot</th><th class="num">start</th><th class="num">time</th><th class="num">output</th><th class="num">files</th><th>log</th></tr></thead><tbody>${rows}</tbody></table>`;
}
