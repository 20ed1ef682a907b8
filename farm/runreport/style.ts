import { trusted } from './html.js';

/** The report's whole style sheet (inline: the page loads nothing). */
export const STYLE = trusted(`
:root { --built: #3b7dd8; --failed: #d33b3b; --cached: #9aa3ad; --cutoff: #2a9d8f; --critical: #f08c00; --line: #d8dde3; }
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2329; margin: 24px auto; max-width: 1060px; padding: 0 16px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
code, pre, .mono { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12.5px; }
pre { background: #f5f7f9; padding: 8px; overflow-x: auto; white-space: pre-wrap; word-break: break-all; margin: 4px 0; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 8px 0; } dl.facts dt { color: #5b6670; } dl.facts dd { margin: 0; }
.verdict { display: inline-block; padding: 2px 10px; border-radius: 4px; font-weight: 600; }
.verdict.pass { background: #e3f4e6; color: #1d6b2c; } .verdict.fail { background: #fbe4e4; color: #9b1c1c; } .verdict.partial { background: #fff1d6; color: #8a5300; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; } th, td { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: #f5f7f9; font-weight: 600; } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
td.built { color: var(--built); } td.failed, td.different, td.only-a, td.only-b, td.unfinished { color: var(--failed); font-weight: 600; }
td.cached, td.skipped { color: #5b6670; } td.cutoff, td.excluded { color: var(--cutoff); } td.identical { color: #1d6b2c; }
tr.critical td:first-child { box-shadow: inset 4px 0 0 var(--critical); }
svg.gantt { display: block; width: 100%; height: auto; margin: 8px 0; }
svg.gantt .lane { fill: #f5f7f9; } svg.gantt .lane.alt { fill: #eceff2; }
svg.gantt .tick { stroke: var(--line); } svg.gantt text { font-size: 11px; fill: #5b6670; } svg.gantt text.name { fill: #fff; font-size: 10.5px; }
svg.gantt .bar.built { fill: var(--built); } svg.gantt .bar.failed { fill: var(--failed); } svg.gantt .bar.unfinished { fill: #c78b2a; }
svg.gantt .mark.cached { fill: var(--cached); } svg.gantt .mark.cutoff { fill: var(--cutoff); }
svg.gantt .critical { stroke: var(--critical); stroke-width: 3; }
.legend span { display: inline-block; margin-right: 14px; } .legend i { display: inline-block; width: 12px; height: 12px; margin-right: 4px; vertical-align: -1px; border-radius: 2px; }
.legend .built { background: var(--built); } .legend .failed { background: var(--failed); } .legend .cached { background: var(--cached); }
.legend .cutoff { background: var(--cutoff); } .legend .critical { background: #fff; border: 3px solid var(--critical); width: 8px; height: 8px; }
.note { color: #5b6670; } footer { margin-top: 40px; color: #5b6670; font-size: 12px; }
`);
