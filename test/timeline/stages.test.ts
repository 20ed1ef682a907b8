import { describe, expect, it } from 'vitest';
import type { StampedEvent } from '../../farm/report/index.js';
import { stagesOf } from '../../farm/timeline/index.js';

const at = (ms: number): string => new Date(Date.UTC(2026, 10, 27) + ms).toISOString();
const T0 = Date.UTC(2026, 10, 27);
type E = StampedEvent;

function plan(ms: number, stage: string, packages: string[]): E {
  return { ts: at(ms), type: 'plan', stage, toBuild: packages, cached: [], waitsFor: {} };
}

describe('a run record read stage by stage', () => {
  it('a build: one dev stage from its plan; built, cached, cutoff, failed and skipped packages with their times', () => {
    const events: E[] = [
      { ts: at(0), type: 'info', message: 'fetching' },
      plan(10, 'dev', ['a', 'b', 'c', 'd', 'e']),
      { ts: at(11), type: 'build-cached', pkg: 'a', key: 'k', via: 'key', files: 3, bytes: 100 },
      { ts: at(12), type: 'build-start', pkg: 'b', key: 'k', stage: 'dev', log: '/w/logs/b.log' },
      { ts: at(212), type: 'build-done', pkg: 'b', outputSha256: 's', ms: 199, files: 2, bytes: 50 },
      { ts: at(213), type: 'build-cached', pkg: 'c', key: 'k', via: 'cutoff', files: 1, bytes: 9 },
      { ts: at(214), type: 'build-start', pkg: 'd', key: 'k', stage: 'dev', log: '/w/logs/d.log' },
      { ts: at(300), type: 'build-failed', pkg: 'd', reason: 'exit 2', logTail: ['boom'], logFile: '/w/logs/d.log' },
      { ts: at(301), type: 'build-skipped', pkg: 'e', because: 'dependency d failed' },
    ];
    const [dev, ...rest] = stagesOf(events, T0 + 400);
    expect(rest).toEqual([]);
    expect(dev?.stage).toBe('dev');
    expect([dev?.start, dev?.end]).toEqual([T0 + 10, T0 + 400]);
    expect(dev?.planned).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(dev?.packages).toEqual([
      { pkg: 'a', outcome: 'cached', start: T0 + 11, end: T0 + 11, files: 3, bytes: 100 },
      { pkg: 'b', outcome: 'built', start: T0 + 12, end: T0 + 212, ms: 199, files: 2, bytes: 50, log: '/w/logs/b.log' },
      { pkg: 'c', outcome: 'cutoff', start: T0 + 213, end: T0 + 213, files: 1, bytes: 9 },
      { pkg: 'd', outcome: 'failed', start: T0 + 214, end: T0 + 300, reason: 'exit 2', logTail: ['boom'], log: '/w/logs/d.log' },
      { pkg: 'e', outcome: 'skipped', start: T0 + 301, end: T0 + 301, reason: 'dependency d failed' },
    ]);
  });

  it('a release: a stage from each stage-start to its stage-done, the same package in each', () => {
    const events: E[] = [];
    for (const [i, stage] of ['dev', 'a', 'b'].entries()) {
      const t = i * 1000;
      events.push({ ts: at(t), type: 'stage-start', stage, image: 'img' }, plan(t + 100, stage, ['p']));
      events.push({ ts: at(t + 110), type: 'build-start', pkg: 'p', key: 'k', stage, log: `/${stage}/p.log` });
      events.push({ ts: at(t + 500), type: 'build-done', pkg: 'p', outputSha256: 's', ms: 390, files: 1, bytes: 1 });
      events.push({ ts: at(t + 600), type: 'stage-done', stage, ms: 600 });
    }
    const stages = stagesOf(events);
    expect(stages.map((s) => [s.stage, s.start - T0, s.end - T0, s.packages.map((p) => `${p.pkg} ${p.outcome} ${p.log}`)])).toEqual([
      ['dev', 0, 600, ['p built /dev/p.log']],
      ['a', 1000, 1600, ['p built /a/p.log']],
      ['b', 2000, 2600, ['p built /b/p.log']],
    ]);
  });

  it('a build that never ended (the run crashed) is unfinished at the end of the record', () => {
    const events: E[] = [
      plan(0, 'dev', ['p', 'q']),
      { ts: at(5), type: 'build-start', pkg: 'p', key: 'k', stage: 'dev', log: '/l/p.log' },
      { ts: at(50), type: 'info', message: 'x' },
    ];
    const [dev] = stagesOf(events);
    expect(dev?.packages).toEqual([{ pkg: 'p', outcome: 'unfinished', start: T0 + 5, end: T0 + 50, log: '/l/p.log' }]);
  });
});
