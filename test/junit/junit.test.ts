import { describe, expect, it } from 'vitest';
import { auditDoneEvent, type AuditReport } from '../../farm/audit/index.js';
import { escapeXml, junitFromRun, renderJUnit, type TestSuite } from '../../farm/junit/index.js';
import type { StampedEvent } from '../../farm/report/index.js';
import type { RunRecord } from '../../farm/runs/index.js';
import { xmlProblem } from '../support/xml.js';

const HOSTILE = `]]></failure><script>alert('x')</script>&amp;"\u0000\u001b[31m\ud800`;
const at = (ms: number): string => new Date(Date.UTC(2026, 10, 27) + ms).toISOString();

function record(events: StampedEvent[], end: RunRecord['end']): RunRecord {
  const start = { type: 'run-start' as const, ts: at(0), command: 'release', args: { positionals: [], options: {} }, farm: '0.1.0', root: '/p' };
  return { file: undefined, start, end, events, unreadable: 0 };
}

describe('JUnit XML', () => {
  it('is well-formed whatever a log line holds: markup escaped, characters XML cannot hold replaced', () => {
    expect(escapeXml(`a<b>&"c'`)).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
    const suites: TestSuite[] = [
      {
        name: `build ${HOSTILE}`,
        cases: [
          { classname: 'build.dev', name: HOSTILE, ms: 1234, result: { kind: 'failure', type: 'BUILD_FAILED', message: HOSTILE, text: `${HOSTILE}\nline 2` } },
          { classname: 'build.dev', name: 'ok', result: { kind: 'pass', output: HOSTILE } },
          { classname: 'build.dev', name: 'later', result: { kind: 'skipped', message: HOSTILE } },
        ],
      },
      { name: 'empty', cases: [] },
    ];
    const xml = renderJUnit('stasis-farm build', suites);
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(&apos;x&apos;)&lt;/script&gt;&amp;amp;&quot;\ufffd\ufffd[31m\ufffd');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<testsuites name="stasis-farm build" tests="3" failures="1" errors="0" skipped="1" time="0.000">/);
    expect(xml).toMatch(/<testsuite name="build [^"]*" tests="3" failures="1" errors="0" skipped="1">/);
    expect(xml).toMatch(/<testcase classname="build.dev" name="[^"]*" time="1.234">\n\s+<failure type="BUILD_FAILED" message="[^"]*">/);
    // The checker catches what an escaping bug would make.
    expect(xmlProblem('<a><b></a>')).toMatch(/closes nothing/);
    expect(xmlProblem('<a>x < y</a>')).toMatch(/raw "<"/);
    expect(xmlProblem('<a t="&x"/>')).toMatch(/raw "&"/);
  });

  it('a run: a case per package and stage, a failure per package A and B differ, an error for the error that ended it', () => {
    const events: StampedEvent[] = [
      { ts: at(1), type: 'plan', stage: 'dev', toBuild: ['a', 'b', 'c'], cached: ['z'], waitsFor: {} },
      { ts: at(2), type: 'build-cached', pkg: 'z', key: 'k', via: 'key', files: 1, bytes: 1 },
      { ts: at(3), type: 'build-start', pkg: 'a', key: 'k', stage: 'dev', log: '/w/logs/a.log' },
      { ts: at(1003), type: 'build-done', pkg: 'a', outputSha256: 's', ms: 1000, files: 1, bytes: 1 },
      { ts: at(1004), type: 'build-start', pkg: 'b', key: 'k', stage: 'dev', log: '/w/logs/b.log' },
      { ts: at(1500), type: 'build-failed', pkg: 'b', reason: 'exit code 2', logTail: ['cc: error: <x>'], logFile: '/w/logs/b.log' },
      {
        ts: at(1600),
        type: 'compare-done',
        a: 'stage A',
        b: 'stage B',
        pass: false,
        informational: false,
        packages: [
          { name: 'a', verdict: 'identical', fileCount: 0, files: [] },
          { name: 'b', verdict: 'different', a: 'aaaa', b: 'bbbb', fileCount: 1, files: [{ path: 'usr/bin/b', change: 'content', detail: '1 B -> 2 B' }] },
          { name: 'c', verdict: 'only-b', fileCount: 0, files: [] },
        ],
      },
    ];
    const suites = junitFromRun(record(events, { type: 'run-end', ts: at(2000), exitCode: 4, error: { code: 'SOURCE_MISSING', message: 'no <source>' } }));
    expect(suites.map((s) => s.name)).toEqual(['build dev', 'compare stage A vs stage B', 'stasis-farm release']);
    const results = suites.map((s) => s.cases.map((c) => `${c.name} ${c.result.kind}`));
    // c was planned and never reported: skipped.
    expect(results).toEqual([['z pass', 'a pass', 'b failure', 'c skipped'], ['a pass', 'b failure', 'c failure'], ['release error']]);
    const xml = renderJUnit('stasis-farm release', suites);
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toContain('<failure type="BUILD_FAILED" message="build failed (exit code 2)">cc: error: &lt;x&gt;\nfull log: /w/logs/b.log</failure>');
    expect(xml).toContain('message="stage A and stage B differ (aaaa vs bbbb), 1 file(s)">/usr/bin/b: content 1 B -&gt; 2 B</failure>');
    expect(xml).toContain('<error type="SOURCE_MISSING" message="no &lt;source&gt;">');
  });

  it('an audit: a case per rule, its findings a failure; a warning rule passes with its warnings', () => {
    const report: AuditReport = {
      target: '/r',
      files: 10,
      elfFiles: 2,
      findings: [{ rule: 'setuid', severity: 'failure', path: 'usr/bin/<su>', package: 'su&co', detail: 'setuid file' }],
      warnings: [{ rule: 'elf-unstripped', severity: 'warning', path: 'usr/bin/x', package: 'x', detail: 'has .symtab' }],
      allowed: [],
    };
    const suites = junitFromRun(record([{ ts: at(5), ...auditDoneEvent(report, 'stage B') }], { type: 'run-end', ts: at(9), exitCode: 1 }));
    expect(suites).toHaveLength(1);
    const cases = suites[0]?.cases ?? [];
    expect(cases.length).toBeGreaterThan(20);
    expect(cases.filter((c) => c.result.kind === 'failure').map((c) => c.name)).toEqual(['setuid']);
    expect(cases.find((c) => c.name === 'elf-unstripped')?.result).toEqual({ kind: 'pass', output: '1 warning(s)\n/usr/bin/x (x): has .symtab' });
    const xml = renderJUnit('stasis-farm tests', suites);
    expect(xmlProblem(xml)).toBeUndefined();
    expect(xml).toContain('<failure type="AUDIT_FAILED" message="1 finding(s) in stage B">/usr/bin/&lt;su&gt; (su&amp;co): setuid file</failure>');
  });
});
