import { formatMs } from '../report/format.js';
import { ranContainer, type PackageRun, type StageRuns } from '../timeline/index.js';
import { markup, type Html } from './html.js';

const WIDTH = 1000;
const LABEL = 64;
const PLOT = WIDTH - LABEL - 16;
const AXIS = 22;
const LANE = 22;
const BAR = 16;
/** A cache hit has no duration: it is drawn this wide. */
const MARK = 3;

/** Where the chart puts a moment, and which lane is where. */
interface Scale {
  readonly t0: number;
  readonly span: number;
  x(t: number): number;
  y(lane: number): number;
}

function scaleOf(stage: StageRuns): Scale {
  const t0 = stage.start;
  const span = Math.max(1, stage.end - t0, ...stage.packages.map((p) => p.end - t0));
  return { t0, span, x: (t) => LABEL + (Math.max(0, t - t0) / span) * PLOT, y: (lane) => AXIS + lane * LANE };
}

/** A step of 1, 2 or 5 times a power of ten giving about six ticks. */
function tickStep(span: number): number {
  const raw = span / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

const round = (n: number): number => Math.round(n * 10) / 10;

function axis(s: Scale, height: number): Html {
  const step = tickStep(s.span);
  const ticks: Html[] = [];
  for (let t = 0; t <= s.span; t += step) {
    const x = round(s.x(s.t0 + t));
    ticks.push(markup`<line class="tick" x1="${x}" y1="${AXIS - 4}" x2="${x}" y2="${height}"/><text x="${x}" y="${AXIS - 8}" text-anchor="middle">${formatMs(t)}</text>`);
  }
  return markup`<g class="axis">${ticks}</g>`;
}

function lanes(names: readonly string[], s: Scale): Html {
  return markup`${names.map(
    (name, i) =>
      markup`<rect class="lane${i % 2 === 1 ? ' alt' : ''}" x="${LABEL}" y="${s.y(i)}" width="${PLOT}" height="${LANE}"/><text x="${LABEL - 6}" y="${s.y(i) + 15}" text-anchor="end">${name}</text>`,
  )}`;
}

function tooltip(run: PackageRun): string {
  const what = run.outcome === 'cutoff' ? 'cached (early cutoff)' : run.outcome;
  const time = ranContainer(run) ? ` in ${formatMs(run.end - run.start)}` : '';
  return `${run.pkg}: ${what}${time}${run.reason === undefined ? '' : ` (${run.reason})`}`;
}

function bar(run: PackageRun, lane: number, s: Scale, critical: boolean): Html {
  const x = round(s.x(run.start));
  const w = round(Math.max(MARK, s.x(run.end) - s.x(run.start)));
  const y = s.y(lane) + (LANE - BAR) / 2;
  const kind = ranContainer(run) ? `bar ${run.outcome}` : `mark ${run.outcome}`;
  // A name fits in a bar about 6.5 px per character wide.
  const name = ranContainer(run) && w > run.pkg.length * 6.5 + 6 ? markup`<text class="name" x="${x + 4}" y="${y + 12}">${run.pkg}</text>` : '';
  return markup`<g><rect class="${kind}${critical ? ' critical' : ''}" data-pkg="${run.pkg}" x="${x}" y="${y}" width="${w}" height="${BAR}" rx="2"><title>${tooltip(run)}</title></rect>${name}</g>`;
}

/**
 * The stage as a Gantt chart: a lane per build slot (as many as ran at once), each build a bar
 * from its start to its end; cache hits and early cutoffs as marks in a lane of their own;
 * the critical path outlined.
 */
export function ganttChart(stage: StageRuns, slots: ReadonlyMap<string, number>, critical: ReadonlySet<string>): Html {
  const s = scaleOf(stage);
  const marks = stage.packages.filter((p) => p.outcome === 'cached' || p.outcome === 'cutoff');
  const bars = stage.packages.filter(ranContainer);
  const slotCount = Math.max(0, ...bars.map((b) => (slots.get(b.pkg) ?? 0) + 1));
  const names = [...(marks.length > 0 ? ['cache'] : []), ...Array.from({ length: slotCount }, (_, i) => `slot ${i + 1}`)];
  const first = marks.length > 0 ? 1 : 0;
  const height = s.y(names.length) + 4;
  const drawn = [...marks.map((m) => bar(m, 0, s, critical.has(m.pkg))), ...bars.map((b) => bar(b, first + (slots.get(b.pkg) ?? 0), s, critical.has(b.pkg)))];
  return markup`<svg xmlns="http://www.w3.org/2000/svg" class="gantt" data-stage="${stage.stage}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="builds of ${stage.stage} over time">${lanes(names, s)}${axis(s, height)}${drawn}</svg>`;
}
