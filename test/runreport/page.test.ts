import { describe, expect, it } from 'vitest';
import type { StampedEvent } from '../../farm/report/index.js';
import { escapeHtml, htmlText, markup, renderRunReport } from '../../farm/runreport/index.js';
import type { RunRecord } from '../../farm/runs/index.js';

const at = (ms: number): string => new Date(Date.UTC(2026, 10, 27) + ms).toISOString();
/** A package name no recipe may have, as a hostile or corrupt record could hold it. */
const EVIL = `"><script>alert(1)</script><img src=x onerror=alert(2)>'`;
const linkTo = (file: string): string => `logs/${encodeURIComponent(file.split('/').pop() ?? '')}`;

function record(events: StampedEvent[], ended = true): RunRecord {
  const end = ended ? { type: 'run-end' as const, ts: at(5000), exitCode: 1 } : undefined;
  const start = {
    type: 'run-start' as const,
    ts: at(0),
    command: 'build',
    args: { positionals: [EVIL], options: { jobs: '2', 'keep-going': true } },
    farm: '0.1.0',
    root: '/p',
  };
  return { file: '/p/workspace/runs/x.jsonl', start, end, events, unreadable: 0 };
}

const EVENTS: StampedEvent[] = [
  { ts: at(10), type: 'plan', stage: 'dev', toBuild: ['base', EVIL, 'app'], cached: ['cached1'], waitsFor: { [EVIL]: ['base'], app: [EVIL, 'base'] } },
  { ts: at(11), type: 'build-cached', pkg: 'cached1', key: 'k', via: 'key', files: 1, bytes: 10 },
  { ts: at(12), type: 'build-start', pkg: 'base', key: 'k', stage: 'dev', log: '/p/workspace/logs/base.log' },
  { ts: at(13), type: 'build-start', pkg: 'other', key: 'k', stage: 'dev', log: '/p/workspace/logs/other.log' },
  { ts: at(500), type: 'build-done', pkg: 'other', outputSha256: 's', ms: 487, files: 1, bytes: 1 },
  { ts: at(1012), type: 'build-done', pkg: 'base', outputSha256: 's', ms: 1000, files: 3, bytes: 2048 },
  { ts: at(1013), type: 'build-start', pkg: EVIL, key: 'k', stage: 'dev', log: `/p/workspace/logs/${EVIL}.log` },
  {
    ts: at(3013),
    type: 'build-failed',
    pkg: EVIL,
    reason: `exit 2 ${EVIL}`,
    logTail: [`error: ${EVIL}`, '\u001b[31mred\u001b[0m'],
    logFile: `/p/workspace/logs/${EVIL}.log`,
  },
  { ts: at(3014), type: 'build-skipped', pkg: 'app', because: `dependency ${EVIL} failed` },
];

describe('the run report page', () => {
  it('escapes every name and line from the record: in text, in attributes, in the chart', () => {
    const page = renderRunReport(record(EVENTS), { linkTo, farmVersion: '0.1.0' });
    // Nothing the record holds became markup.
    expect(page).not.toMatch(/<script|<img|onerror=alert\(\d\)>/);
    expect(page).toContain('data-pkg="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;"');
    expect(page).toContain('<title>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&#39;: failed in 2.0 s');
    expect(page).toContain('<pre>error: &quot;&gt;&lt;script&gt;');
    // A log's colour codes are not characters of a page.
    expect(page).toContain('\ufffd[31mred\ufffd[0m');
    expect(page).not.toContain('\u001b');
    // The only tags are the farm's own.
    const tags = new Set([...page.matchAll(/<([a-zA-Z][\w-]*)/g)].map((m) => m[1]));
    const allowed =
      'html head meta title style body header h1 h2 p span dl dt dd code section i svg rect text line g table thead tbody tr th td details summary pre a footer ul li';
    expect([...tags].filter((t) => !allowed.split(' ').includes(t as string))).toEqual([]);
  });

  it('a bar per build, slots from the times, a mark per cache hit, the critical path outlined, logs linked', () => {
    const page = renderRunReport(record(EVENTS), { linkTo, farmVersion: '0.1.0' });
    expect([...page.matchAll(/<rect class="(bar|mark) ([\w ]+)" data-pkg="(\w+)"/g)].map((m) => `${m[3]} ${m[1]} ${m[2]}`)).toEqual([
      'cached1 mark cached',
      'other bar built',
      'base bar built critical',
    ]);
    expect(page).toMatch(/<rect class="bar failed critical" data-pkg="&quot;/);
    // base and other ran at once: two slots (and the cache lane).
    expect(page).toContain('>slot 2<');
    expect(page).toContain('>cache<');
    expect(page).toMatch(/Critical path: <span class="critical-path">base → &quot;&gt;&lt;script/);
    expect(page).toContain('<a href="logs/base.log">base.log</a>');
    // The link is what linkTo made, as an attribute value (a name with a / is the last part of a path).
    expect(page).toContain(`<a href="${escapeHtml(linkTo(`/p/workspace/logs/${EVIL}.log`))}">`);
    expect(page).toContain('<span class="verdict fail">failed, exit 1</span>');
    expect(page).toContain('2 built, 1 cached (0 by early cutoff), 1 failed, 1 skipped');
    expect(page).toMatch(/<tr class="skipped" data-pkg="app"><td>app<\/td><td class="skipped">skipped <span class="note">\(dependency &quot;/);
  });

  it('a record without an end says the run did not finish; an empty one says nothing was built', () => {
    const partial = renderRunReport({ ...record(EVENTS.slice(0, 4), false), unreadable: 1 }, { linkTo, farmVersion: '0.1.0' });
    expect(partial).toContain('incomplete: no end recorded');
    expect(partial).toContain('(1 unreadable line(s) skipped)');
    expect(partial).toMatch(/<rect class="bar unfinished[ "]/);
    expect(partial).toContain('0 built, 1 cached (0 by early cutoff), 0 failed, 0 skipped, 2 never finished');
    expect(renderRunReport(record([]), { linkTo, farmVersion: '0.1.0' })).toContain('No package was planned or built in this run.');
  });

  it('markup templates escape values and keep markup; escapeHtml covers quotes', () => {
    expect(escapeHtml(`<a href='x'>&"`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&quot;');
    const inner = markup`<b>${'<i>'}</b>`;
    expect(htmlText(markup`<p title="${'"x"'}">${inner}${[1, false, undefined, null, 'y', [markup`<br>`, '&']]}</p>`)).toBe(
      '<p title="&quot;x&quot;"><b>&lt;i&gt;</b>1y<br>&amp;</p>',
    );
    const page = renderRunReport(record([{ ts: at(1), type: 'info', message: 'x' }]), { linkTo, farmVersion: '<v>' });
    expect(page).toContain('stasis-farm &lt;v&gt;: report of a recorded run');
  });
});
