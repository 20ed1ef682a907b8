import { describe, expect, it } from 'vitest';
import { parseCommandArgs } from '../../farm/cli/args.js';
import { enginesFor, resolveEngines } from '../../farm/cli/engines.js';
import { BUILD } from '../../farm/cli/spec-build.js';
import { CHALLENGE } from '../../farm/cli/spec-challenge.js';
import { RELEASE } from '../../farm/cli/spec-release.js';
import type { EngineSpec } from '../../farm/pool/types.js';

const FROM_DEFAULTS: readonly EngineSpec[] = [{ url: 'ssh://farm@from-default-lua', name: 'from-default-lua', jobs: 2, memoryBytes: undefined, features: [] }];
const engine = (url: string, name: string, more: Partial<EngineSpec> = {}): EngineSpec => ({ url, name, jobs: undefined, memoryBytes: undefined, features: [], ...more });

describe('the engine pool from --engine, STASIS_ENGINES and default.lua', () => {
  it('--engine wins over STASIS_ENGINES, which wins over default.lua; none anywhere: no pool (the local engine)', () => {
    const env = 'ssh://farm@from-env';
    expect(resolveEngines({ flags: ['ssh://farm@from-flag'], env, defaults: FROM_DEFAULTS })).toEqual([engine('ssh://farm@from-flag', 'from-flag')]);
    expect(resolveEngines({ flags: [], env, defaults: FROM_DEFAULTS })).toEqual([engine('ssh://farm@from-env', 'from-env')]);
    expect(resolveEngines({ flags: undefined, env: ' ;\n ', defaults: FROM_DEFAULTS })).toBe(FROM_DEFAULTS);
    expect(resolveEngines({ flags: undefined, env: undefined, defaults: [] })).toEqual([]);
  });

  it('an entry is a URL, or the URL and KEY=VALUE words in one argument', () => {
    expect(
      resolveEngines({
        flags: [
          'unix:///var/run/docker.sock jobs=4',
          'ssh://farm@builder2:2222  jobs=16 memory=65536 features=kvm,big name=b2',
          'tcp://builder3.lan:2376 tls=/etc/tls/b3',
        ],
        env: undefined,
        defaults: [],
      }),
    ).toEqual([
      engine('unix:///var/run/docker.sock', 'local', { jobs: 4 }),
      engine('ssh://farm@builder2:2222', 'b2', { jobs: 16, memoryBytes: 65536 * 1024 * 1024, features: ['kvm', 'big'] }),
      engine('tcp://builder3.lan:2376', 'builder3.lan:2376', { tls: '/etc/tls/b3' }),
    ]);
  });

  it('STASIS_ENGINES: entries separated by ";" or newlines, blank ones and # comments skipped (a machines file)', () => {
    const env = "# the farm's builders\nssh://farm@b1 jobs=8\n\n  ssh://farm@b2 features=kvm ; unix:///run/podman.sock\n";
    expect(resolveEngines({ flags: undefined, env, defaults: [] }).map((e) => [e.name, e.jobs, e.features])).toEqual([
      ['b1', 8, []],
      ['b2', undefined, ['kvm']],
      ['podman', undefined, []],
    ]);
  });

  it.each([
    [['ssh://a', 'ssh://b jobs=0'], /^--engine 2: jobs: expected an integer >= 1, got number 0$/],
    [['ssh://a jobs=many'], /^--engine 1: jobs: expected an integer >= 1, got the string "many"$/],
    [['ssh://a memory=16G'], /^--engine 1: memory: expected MiB as an integer \(16384 for 16 GiB\), got the string "16G"$/],
    [['ssh://a features=kvm,,big'], /^--engine 1: features\[2\]: "" is not a feature name/],
    [['ssh://a jobz=2'], /^--engine 1: jobz: unknown option \(did you mean "jobs"\?\)$/],
    [['ssh://a jobs=2 jobs=3'], /^--engine 1: jobs: given twice$/],
    [['ssh://a fast'], /^--engine 1: "fast" is not KEY=VALUE$/],
    [['jobs=2 ssh://a'], /^--engine 1: starts with "jobs=2": the URL comes first$/],
    [['  '], /^--engine 1: no engine URL$/],
    [['http://a'], /^--engine 1: url: "http:\/\/a": the scheme http:\/\/ is not one the farm speaks/],
    [['ssh://a tls=/etc/tls'], /^--engine 1: tls: TLS files are for a tcp:\/\/ engine/],
    [['ssh://a name=x', 'ssh://b name=x'], /^--engine 2: name: "x" is also the name of --engine 1$/],
    [['ssh://farm@a', 'ssh://farm@a:22 name=other'], /^--engine 2: url: ssh:\/\/farm@a:22 is the engine of --engine 1 too/],
  ])('--engine %j is a usage error naming the argument and the key, with the format in its hint', (flags, message) => {
    expect(() => resolveEngines({ flags, env: undefined, defaults: [] })).toThrow(
      expect.objectContaining({
        code: 'USAGE',
        message: expect.stringMatching(message) as unknown,
        hint: expect.stringContaining('URL [jobs=N] [memory=MIB]') as unknown,
      }),
    );
  });

  it('STASIS_ENGINES errors name the entry; every problem is listed at once', () => {
    expect(() => resolveEngines({ flags: undefined, env: 'ssh://a; ssh://b jobs=x;ftp://c', defaults: [] })).toThrow(
      expect.objectContaining({
        code: 'USAGE',
        message: expect.stringMatching(/^2 problems with the engines:\n {2}STASIS_ENGINES entry 2: jobs: .*\n {2}STASIS_ENGINES entry 3: url: "ftp:\/\/c"/) as unknown,
      }),
    );
  });

  it("enginesFor reads a command's --engine values, the CLI's STASIS_ENGINES and default.lua's engines", () => {
    const config = { defaults: { engines: FROM_DEFAULTS } };
    expect(enginesFor({ env: {} }, {}, config)).toBe(FROM_DEFAULTS);
    expect(enginesFor({ env: { STASIS_ENGINES: 'ssh://farm@e1' } }, {}, config).map((e) => e.name)).toEqual(['e1']);
    expect(enginesFor({ env: { STASIS_ENGINES: 'ssh://farm@e1' } }, { engine: ['ssh://f1', 'ssh://f2'] }, config).map((e) => e.name)).toEqual(['f1', 'f2']);
  });

  it('build, release and challenge take --engine, repeated, each one argument however many words it holds', () => {
    const args = ['--engine', 'ssh://farm@b1 jobs=8', '--engine=unix:///run/podman.sock'];
    const config = { defaults: { engines: [] } };
    for (const values of [parseCommandArgs(BUILD, args).values, parseCommandArgs(RELEASE, args).values, parseCommandArgs(CHALLENGE, [...args, 'dist']).values]) {
      expect(values.engine).toEqual(['ssh://farm@b1 jobs=8', 'unix:///run/podman.sock']);
      expect(enginesFor({ env: {} }, values, config).map((e) => [e.name, e.jobs])).toEqual([
        ['b1', 8],
        ['podman', undefined],
      ]);
    }
  });
});
