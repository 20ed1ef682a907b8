import { describe, expect, it } from 'vitest';
import { assign, engineName, fits, NO_NEEDS, unplaceable, type EngineSlots } from '../../farm/pool/index.js';

const engine = (name: string, free: number, extra: Partial<EngineSlots> = {}): EngineSlots => ({ name, free, memoryBytes: undefined, features: [], up: true, ...extra });
const GiB = 1024 ** 3;

describe('the engine pool scheduler', () => {
  it('starts the highest priority first, each on the engine with the most free slots (ties: the first listed)', () => {
    const ready = [
      { pkg: 'leaf', priority: 1, needs: NO_NEEDS },
      { pkg: 'gcc', priority: 90, needs: NO_NEEDS },
      { pkg: 'musl', priority: 50, needs: NO_NEEDS },
    ];
    expect(assign(ready, [engine('local', 1), engine('b', 2)])).toEqual([
      { pkg: 'gcc', engine: 'b' },
      { pkg: 'musl', engine: 'local' },
      { pkg: 'leaf', engine: 'b' },
    ]);
    expect(assign(ready, [engine('local', 1), engine('b', 1)]).map((a) => a.pkg)).toEqual(['gcc', 'musl']);
  });

  it('gives a package only to an engine that has its features and memory; one that fits nowhere free waits without holding back the rest', () => {
    const ready = [
      { pkg: 'kernel-test', priority: 9, needs: { memoryBytes: undefined, features: ['kvm'] } },
      { pkg: 'big', priority: 8, needs: { memoryBytes: 12 * GiB, features: [] } },
      { pkg: 'small', priority: 1, needs: NO_NEEDS },
    ];
    const engines = [engine('local', 2, { memoryBytes: 8 * GiB }), engine('kvm-host', 0, { features: ['kvm'], memoryBytes: 64 * GiB })];
    expect(assign(ready, engines)).toEqual([{ pkg: 'small', engine: 'local' }]);
    expect(fits({ memoryBytes: 12 * GiB, features: ['kvm'] }, engines[1] as EngineSlots)).toBe(true);
    expect(fits({ memoryBytes: undefined, features: [] }, { memoryBytes: 1, features: [] })).toBe(true);
  });

  it('an engine that is down gets nothing; packages no engine still up fits are named', () => {
    const engines = [engine('local', 2), engine('kvm-host', 2, { features: ['kvm'], up: false })];
    expect(assign([{ pkg: 'vm', priority: 1, needs: { memoryBytes: undefined, features: ['kvm'] } }], engines)).toEqual([]);
    const needs = new Map([
      ['vm', { memoryBytes: undefined, features: ['kvm'] }],
      ['zlib', NO_NEEDS],
    ]);
    expect(unplaceable(needs, engines)).toEqual(['vm']);
  });

  it('names engines after their host or socket', () => {
    expect(engineName('unix:///var/run/docker.sock')).toBe('local');
    expect(engineName('unix:///run/stasis-engine2.sock')).toBe('stasis-engine2');
    expect(engineName('tcp://builder1.example.org:2376')).toBe('builder1.example.org:2376');
    expect(engineName('ssh://farm@builder2')).toBe('builder2');
  });
});
