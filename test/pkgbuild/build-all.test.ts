import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { buildAll, fairJobs, type PoolEngine } from '../../farm/pkgbuild/build-all.js';
import type { PackageNeeds } from '../../farm/pool/index.js';
import type { ContainerRuntime } from '../../farm/runtime/port.js';
import { FarmError } from '../../farm/errors/index.js';
import type { BuildContext } from '../../farm/pkgbuild/build-package.js';
import type { BuildIo } from '../../farm/pkgbuild/io.js';
import { BuildCache } from '../../farm/cache/cache.js';
import { buildOrder, remainingWork } from '../../farm/graph/index.js';
import { computeKeys } from '../../farm/keys/index.js';
import type { FarmEvent } from '../../farm/report/events.js';
import type { EvaluatedRecipe } from '../../farm/recipe/types.js';
import { createFakeRuntime, type FakeRunContext, type FakeRunResult } from '../../farm/runtime/fake.js';
import { normalizeOutput } from '../../farm/tar/normalize.js';
import { makeRecipes } from '../graph/make-recipe.js';
import { LABELS } from '../../farm/runtime/labels.js';

const IMAGE = 'builder';
const TOOLCHAIN = { CC: 'cc', CFLAGS: '-O2', CXXFLAGS: '-O2', LDFLAGS: '-static', LTO: '0' };

const io: BuildIo = {
  sourceArchive(source) {
    if (source.file === 'bad.tar') return Promise.reject(new Error('bad.tar: not a safe archive'));
    const p = pack();
    p.entry({ name: `src/${source.file}-dir/`, type: 'directory' });
    p.entry({ name: `src/${source.file}-dir/README` }, 'hello');
    p.finalize();
    return Promise.resolve({ stream: p as unknown as Readable, topDir: Promise.resolve(`${source.file}-dir`) });
  },
  normalizeOutput,
};

type Behaviour = (pkg: string, ctx: FakeRunContext) => FakeRunResult | Promise<FakeRunResult>;

/** Whether `check` holds within two seconds (asked every 5 ms). */
async function until(check: () => boolean): Promise<boolean> {
  for (let waited = 0; waited < 2000; waited += 5) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 5));
  }
  return check();
}

/** The $JOBS a build ran with: what its run.sh exports. */
function jobsIn(run: FakeRunContext | undefined): string | undefined {
  return /^export JOBS=(\d+)$/m.exec(run?.files.get('/build/run.sh')?.toString() ?? '')?.[1];
}

/** By default a build installs usr/bin/<pkg> whose content is the build script. */
const defaultBehaviour = (pkg: string, ctx: FakeRunContext): FakeRunResult => ({
  dest: { [`usr/bin/${pkg}`]: { content: ctx.files.get('/build/build.sh')?.toString() ?? '', mode: 0o755 } },
});

async function setup(recipes: Map<string, EvaluatedRecipe>, behaviour: Behaviour = defaultBehaviour) {
  const dir = await mkdtemp(join(tmpdir(), 'farm-build-'));
  const runtime = createFakeRuntime((ctx) => behaviour(ctx.spec.labels[LABELS.pkg] ?? '?', ctx), {
    images: { [IMAGE]: { id: 'sha256:builder', labels: {}, env: [] } },
  });
  const cache = new BuildCache(join(dir, 'cache'));
  type RunOptions = {
    keepGoing?: boolean;
    signal?: AbortSignal;
    unavailable?: ReadonlyMap<string, Error>;
    priority?: ReadonlyMap<string, number>;
    concurrency?: number;
    engines?: readonly PoolEngine[];
    needs?: ReadonlyMap<string, PackageNeeds>;
  };
  const run = async (rs: Map<string, EvaluatedRecipe>, opts: RunOptions = {}) => {
    const events: FarmEvent[] = [];
    const ctx: BuildContext = {
      runtime,
      io,
      cache,
      image: IMAGE,
      stage: 'dev',
      runId: 'r1',
      workspaceId: 'ws',
      logDir: join(dir, 'logs'),
      tmpDir: join(dir, 'tmp'),
      sourceDateEpoch: 1700000000,
      limits: { memoryBytes: 1 << 30, pids: 100, logBytes: 1 << 20 },
      outputLimitMiB: 1024,
      sink: (e) => events.push(e),
      signal: opts.signal ?? new AbortController().signal,
      now: Date.now,
    };
    const order = buildOrder(rs, [...rs.keys()]);
    const keys = computeKeys(order, rs, { farmVersion: 't', builderImage: 'sha256:builder', stage: 'dev', toolchainEnv: TOOLCHAIN, stripStepSha256: 's'.repeat(64) });
    const result = await buildAll(ctx, {
      order: order.order,
      recipes: rs,
      keys,
      sysroot: order.sysroot,
      envFor: () => ({}),
      concurrency: opts.concurrency ?? 2,
      cores: 2,
      keepGoing: opts.keepGoing ?? false,
      unavailable: opts.unavailable,
      priority: opts.priority,
      ...(opts.engines === undefined ? {} : { engines: opts.engines }),
      ...(opts.needs === undefined ? {} : { needs: opts.needs }),
    });
    return { result, events, keys };
  };
  return { dir, runtime, cache, run: (opts?: RunOptions) => run(recipes, opts), runWith: run };
}

describe('buildAll with the fake engine', () => {
  it('builds in dependency order; a second run creates no container', async () => {
    const recipes = makeRecipes({ lua: {}, lpeg: { buildDeps: ['lua'] }, zlib: {} });
    const s = await setup(recipes);
    const first = await s.run();
    expect([...first.result.built].sort()).toEqual(['lpeg', 'lua', 'zlib']);
    expect(s.runtime.created).toHaveLength(3);
    const second = await s.run();
    expect(second.result.built).toEqual([]);
    expect([...second.result.cached].sort()).toEqual(['lpeg', 'lua', 'zlib']);
    expect(s.runtime.created).toHaveLength(3);
    expect(s.runtime.live()).toEqual([]);
  });

  it('starts the ready package with the most work below it first (critical path), not the first by name', async () => {
    // A long chain (gcc, then what it compiles) and three short leaves that sort before it.
    const recipes = makeRecipes({ aaa: {}, bbb: {}, ccc: {}, gcc: {}, libstdcxx: { buildDeps: ['gcc'] }, app: { buildDeps: ['libstdcxx'] } });
    const order = buildOrder(recipes, [...recipes.keys()]);
    const weights: Record<string, number> = { aaa: 5, bbb: 5, ccc: 5, gcc: 60, libstdcxx: 30, app: 10 };
    const priority = remainingWork(order.order, order.sysroot, (p) => weights[p] ?? 1);
    expect(Object.fromEntries(priority)).toEqual({ aaa: 5, bbb: 5, ccc: 5, gcc: 100, libstdcxx: 40, app: 10 });
    const started = (events: FarmEvent[]): string[] => events.flatMap((e) => (e.type === 'build-start' ? [e.pkg] : []));
    const plain = await (await setup(recipes)).run({ concurrency: 1 });
    expect(started(plain.events)[0]).toBe('aaa');
    const ranked = await (await setup(recipes)).run({ concurrency: 1, priority });
    // gcc first; once it is done, libstdcxx (40) outranks the leaves (5), and app (10) too.
    expect(started(ranked.events)).toEqual(['gcc', 'libstdcxx', 'app', 'aaa', 'bbb', 'ccc']);
  });

  it('puts the dependency outputs into the sysroot of the dependent build', async () => {
    const recipes = makeRecipes({ lua: {}, lpeg: { buildDeps: ['lua'] } });
    const seen: string[] = [];
    const s = await setup(recipes, (pkg, ctx) => {
      if (pkg === 'lpeg') seen.push(...[...ctx.files.keys()].filter((k) => k.startsWith('/build/sysroot/')));
      return defaultBehaviour(pkg, ctx);
    });
    await s.run();
    expect(seen).toContain('/build/sysroot/usr/bin/lua');
  });

  it('rebuilds an edited recipe and its dependents only', async () => {
    const recipes = makeRecipes({ lua: {}, lpeg: { buildDeps: ['lua'] }, zlib: {} });
    const s = await setup(recipes);
    await s.run();
    const edited = makeRecipes({ lua: { build: 'make && make install # v2' }, lpeg: { buildDeps: ['lua'] }, zlib: {} });
    const again = await s.runWith(edited);
    expect([...again.result.built].sort()).toEqual(['lpeg', 'lua']);
    expect(again.result.cached).toEqual(['zlib']);
  });

  it('early cutoff: a dependency rebuilt to identical output does not rebuild its dependents', async () => {
    const recipes = makeRecipes({ lua: { recipeSha256: '1'.repeat(64) }, lpeg: { buildDeps: ['lua'] } });
    // lua's output does not depend on the recipe bytes: the comment-only edit gives the same output.
    const s = await setup(recipes, (pkg) => ({ dest: { [`usr/bin/${pkg}`]: { content: `${pkg} binary`, mode: 0o755 } } }));
    await s.run();
    const edited = makeRecipes({ lua: { recipeSha256: '2'.repeat(64) }, lpeg: { buildDeps: ['lua'] } });
    const again = await s.runWith(edited);
    expect(again.result.built).toEqual(['lua']);
    expect(again.result.cutoff).toEqual(['lpeg']);
    expect(again.events.some((e) => e.type === 'build-cached' && e.pkg === 'lpeg' && e.via === 'cutoff')).toBe(true);
  });

  it('a failure stops new work, names the package and the log tail, and caches nothing for it', async () => {
    const recipes = makeRecipes({ a: {}, b: { buildDeps: ['a'] }, c: { buildDeps: ['b'] } });
    const s = await setup(recipes, (pkg, ctx) => (pkg === 'b' ? { exitCode: 2, output: 'compiling\nerror: boom\n' } : defaultBehaviour(pkg, ctx)));
    const { result, events } = await s.run();
    expect(result.failed.map((f) => f.pkg)).toEqual(['b']);
    expect(String((result.failed[0]?.error as Error).message)).toMatch(/b: build failed \(exit code 2\)/);
    expect(result.skipped.map((x) => x.pkg)).toEqual(['c']);
    // Reported when it happens (with the end of the log), and again by the CLI summary.
    const failedEvent = events.find((e) => e.type === 'build-failed');
    expect(failedEvent).toMatchObject({ pkg: 'b', reason: 'exit code 2', logTail: expect.arrayContaining(['error: boom']) as unknown });
    expect((result.failed[0]?.error as { logTail: string[] }).logTail).toContain('error: boom');
    expect(s.runtime.live()).toEqual([]);
  });

  it('a failed build is recorded in the cache, with why, until the package is built', async () => {
    const recipes = makeRecipes({ a: {} });
    let fail = true;
    const s = await setup(recipes, (pkg, ctx) => (fail ? { exitCode: 2 } : defaultBehaviour(pkg, ctx)));
    await s.run();
    expect([...(await s.cache.failures()).values()]).toMatchObject([{ pkg: 'a', reason: 'exit code 2' }]);
    expect(await s.cache.newest()).toEqual(new Map());
    fail = false;
    await s.run();
    expect(await s.cache.failures()).toEqual(new Map());
    expect([...(await s.cache.newest()).keys()]).toEqual(['a']);
  });

  it('an OOM kill is a failure even when the exit code is 0', async () => {
    const recipes = makeRecipes({ big: {} });
    const s = await setup(recipes, () => ({ exitCode: 0, oomKilled: true }));
    const { result } = await s.run();
    expect(String((result.failed[0]?.error as Error).message)).toMatch(/OOM/);
    expect(await readdir(s.cache.dir).catch(() => [])).not.toContain(expect.stringMatching(/^[0-9a-f]{64}$/));
  });

  it('--keep-going builds the independent packages after a failure', async () => {
    const recipes = makeRecipes({ bad: {}, good: {}, needsBad: { buildDeps: ['bad'] } });
    const s = await setup(recipes, (pkg, ctx) => (pkg === 'bad' ? { exitCode: 1 } : defaultBehaviour(pkg, ctx)));
    const { result } = await s.run({ keepGoing: true });
    expect(result.built).toEqual(['good']);
    expect(result.skipped.map((x) => x.pkg)).toEqual(['needsBad']);
  });

  it('--keep-going with a source that cannot be had: that package fails unless cached, its dependents are skipped', async () => {
    const recipes = makeRecipes({ nosrc: {}, good: {}, needsNosrc: { buildDeps: ['nosrc'] }, cachedNosrc: {} });
    const s = await setup(recipes);
    await s.runWith(makeRecipes({ cachedNosrc: {} }));
    const missing = new FarmError('FETCH_FAILED', 'nosrc: nosrc.tar.gz could not be fetched');
    const { result } = await s.run({
      keepGoing: true,
      unavailable: new Map<string, Error>([
        ['nosrc', missing],
        ['cachedNosrc', new FarmError('FETCH_FAILED', 'cachedNosrc: gone')],
      ]),
    });
    expect(result.failed).toEqual([{ pkg: 'nosrc', error: missing }]);
    expect(result.built).toEqual(['good']);
    expect(result.cached).toEqual(['cachedNosrc']);
    expect(result.skipped).toEqual([{ pkg: 'needsNosrc', because: 'dependency nosrc failed' }]);
    expect(s.runtime.created.map((c) => c.labels[LABELS.pkg])).not.toContain('nosrc');
  });

  it('make -j: a package that builds alone gets both cores and one more; of two at once the one with more work left gets that, the other one', async () => {
    // a -> b is a chain; x and y are independent of each other (and of the chain's start).
    const recipes = makeRecipes({ a: {}, b: { buildDeps: ['a'] } });
    const s = await setup(recipes, (pkg, ctx) => ({ ...defaultBehaviour(pkg, ctx), delayMs: 20 }));
    await s.run();
    const jobsOf = (pkg: string): string | undefined => jobsIn(s.runtime.runs.find((r) => r.spec.labels[LABELS.pkg] === pkg));
    // a runs beside nothing (b waits for it), then b alone.
    expect([jobsOf('a'), jobsOf('b')]).toEqual(['3', '3']);
    const pair = await setup(makeRecipes({ x: {}, y: {} }), (pkg, ctx) => ({ ...defaultBehaviour(pkg, ctx), delayMs: 20 }));
    await pair.run();
    // Equal estimates: whichever reaches its start first leads, the other gets the fair share
    // (containers may be created in either order: staging a build awaits).
    expect(pair.runtime.runs.map(jobsIn).sort()).toEqual(['1', '3']);
    // busybox beside two short ones (a release stage after musl): busybox leads, started first or not.
    const three = await setup(makeRecipes({ make: {}, tcc: {}, busybox: {} }), (pkg, ctx) => ({ ...defaultBehaviour(pkg, ctx), delayMs: pkg === 'busybox' ? 60 : 20 }));
    await three.run({
      priority: new Map([
        ['busybox', 30],
        ['make', 6],
        ['tcc', 6],
      ]),
    });
    const byPkg: Record<string, string | undefined> = Object.fromEntries(three.runtime.runs.map((r) => [r.spec.labels[LABELS.pkg] ?? '?', jobsIn(r)]));
    expect(byPkg).toEqual({ busybox: '3', make: '1', tcc: '1' });
    expect([fairJobs(2, 2, 5), fairJobs(4, 8, 3), fairJobs(2, 1, 4), fairJobs(1, 2, 0)]).toEqual([1, 2, 2, 1]);
  });

  it("makes the next package's container while its dependency builds, and runs it with the dependency in its sysroot", async () => {
    const recipes = makeRecipes({ a: {}, b: { buildDeps: ['a'] } });
    let madeDuringA: boolean | undefined;
    const s = await setup(recipes, async (pkg, ctx) => {
      if (pkg === 'a') madeDuringA = await until(() => s.runtime.created.some((c) => c.labels[LABELS.pkg] === 'b'));
      return defaultBehaviour(pkg, ctx);
    });
    const { result } = await s.run();
    expect(result.built).toEqual(['a', 'b']);
    expect(madeDuringA).toBe(true);
    // b ran with its sources, a's output in its sysroot, run.sh and the strip helper.
    const b = s.runtime.runs.find((r) => r.spec.labels[LABELS.pkg] === 'b');
    expect([...(b?.files.keys() ?? [])].sort()).toEqual([
      '/build/build.sh',
      '/build/run.sh',
      '/build/src/b-1.0.tar.gz-dir/README',
      '/build/strip.sh',
      '/build/sysroot/usr/bin/a',
    ]);
    expect(s.runtime.live()).toEqual([]);
  });

  it('makes the container of a package two steps down a chain while the first builds (its dependency is prepared ahead)', async () => {
    // A release stage: musl, then tcc, then busybox (which needs both).
    const recipes = makeRecipes({ musl: {}, tcc: { buildDeps: ['musl'] }, busybox: { buildDeps: ['musl', 'tcc'] } });
    let madeDuringMusl: string[] = [];
    const s = await setup(recipes, async (pkg, ctx) => {
      if (pkg === 'musl') {
        await until(() => s.runtime.created.length === 3);
        madeDuringMusl = s.runtime.created.map((c) => c.labels[LABELS.pkg] ?? '?');
      }
      return defaultBehaviour(pkg, ctx);
    });
    const { result } = await s.run();
    expect(result.built).toEqual(['musl', 'tcc', 'busybox']);
    // tcc's is made beside musl's own (in either order), then busybox's.
    expect(madeDuringMusl.slice(0, 2).sort()).toEqual(['musl', 'tcc']);
    expect(madeDuringMusl[2]).toBe('busybox');
    const busybox = s.runtime.runs.find((r) => r.spec.labels[LABELS.pkg] === 'busybox');
    expect([...(busybox?.files.keys() ?? [])].filter((f) => f.startsWith('/build/sysroot/')).sort()).toEqual([
      '/build/sysroot/usr/bin/musl',
      '/build/sysroot/usr/bin/tcc',
    ]);
    expect(s.runtime.live()).toEqual([]);
  });

  it('a package prepared ahead that never starts (its dependency failed) has its container removed and never runs', async () => {
    const recipes = makeRecipes({ a: {}, b: { buildDeps: ['a'] } });
    const s = await setup(recipes, async (pkg) => {
      if (pkg === 'a') await until(() => s.runtime.created.some((c) => c.labels[LABELS.pkg] === 'b'));
      return { exitCode: pkg === 'a' ? 2 : 0 };
    });
    const { result } = await s.run({ keepGoing: true });
    expect(result.failed.map((f) => f.pkg)).toEqual(['a']);
    expect(result.skipped).toEqual([{ pkg: 'b', because: 'dependency a failed' }]);
    expect(s.runtime.created.map((c) => c.labels[LABELS.pkg]).sort()).toEqual(['a', 'b']);
    expect(s.runtime.runs.map((r) => r.spec.labels[LABELS.pkg])).toEqual(['a']);
    expect(s.runtime.live()).toEqual([]);
    expect(await readdir(join(s.dir, 'tmp'))).toEqual([]);
  });

  it("a source that fails while prepared ahead fails that package's build, when it starts", async () => {
    const recipes = makeRecipes({
      a: {},
      b: { buildDeps: ['a'], sources: [{ url: 'https://example.org/bad.tar', sha256: 'c'.repeat(64), file: 'bad.tar', extract: true }] },
    });
    const s = await setup(recipes, async (pkg, ctx) => {
      if (pkg === 'a') await new Promise((r) => setTimeout(r, 30));
      return defaultBehaviour(pkg, ctx);
    });
    const { result, events } = await s.run({ keepGoing: true });
    expect(result.built).toEqual(['a']);
    expect(result.failed.map((f) => [f.pkg, (f.error as Error).message])).toEqual([['b', 'bad.tar: not a safe archive']]);
    expect(events.some((e) => e.type === 'build-start' && e.pkg === 'b')).toBe(true);
    expect(s.runtime.runs.map((r) => r.spec.labels[LABELS.pkg])).toEqual(['a']);
    expect(s.runtime.live()).toEqual([]);
  });

  it('an interrupt removes the running container and leaves no cache entry', async () => {
    const recipes = makeRecipes({ slow: {} });
    const s = await setup(recipes, () => ({ delayMs: 10_000 }));
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const { result } = await s.run({ signal: controller.signal });
    expect(result.interrupted).toBe(true);
    expect(s.runtime.live()).toEqual([]);
    const entries = (await readdir(s.cache.dir).catch(() => [] as string[])).filter((n) => /^[0-9a-f]{64}$/.test(n) || n.startsWith('.tmp'));
    expect(entries).toEqual([]);
  });
});

/** A pool engine over a runtime: 1 slot unless told, ready at once unless told. */
function poolEngine(name: string, runtime: ContainerRuntime, extra: Partial<PoolEngine> = {}): PoolEngine {
  return { name, runtime, jobs: 1, cores: 1, memoryBytes: undefined, features: [], ready: () => Promise.resolve(), ...extra };
}

/** A runtime that can be made to vanish, as a dockerd killed mid-build: after kill(), ping and every new container fail. */
function killable(runtime: ContainerRuntime): { runtime: ContainerRuntime; kill: () => void } {
  let dead = false;
  const gone = () => Promise.reject(new Error('connect ENOENT /run/engine2.sock'));
  return {
    runtime: {
      ...runtime,
      ping: () => (dead ? gone() : runtime.ping()),
      createContainer: (spec) => (dead ? gone() : runtime.createContainer(spec)),
    },
    kill: () => (dead = true),
  };
}

describe('buildAll on a pool of engines (fake engines)', () => {
  const started = (events: FarmEvent[]): [string, string | undefined][] =>
    events.flatMap((e) => (e.type === 'build-start' ? [[e.pkg, e.engine] as [string, string | undefined]] : []));

  it('spreads independent packages over the engines and names the engine in the events; outputs as on one engine', async () => {
    const recipes = makeRecipes({ a: {}, b: {}, c: {}, d: { buildDeps: ['a', 'b', 'c'] } });
    const s = await setup(recipes, (pkg, ctx) => ({ ...defaultBehaviour(pkg, ctx), delayMs: 20 }));
    const other = createFakeRuntime((ctx) => ({ ...defaultBehaviour(ctx.spec.labels[LABELS.pkg] ?? '?', ctx), delayMs: 20 }), {
      images: { [IMAGE]: { id: 'sha256:builder', labels: {}, env: [] } },
    });
    const { result, events } = await s.run({ engines: [poolEngine('local', s.runtime), poolEngine('b', other, { jobs: 2 })] });
    expect([...result.built].sort()).toEqual(['a', 'b', 'c', 'd']);
    const where: Record<string, string | undefined> = Object.fromEntries(started(events));
    expect(new Set(Object.values(where))).toEqual(new Set(['local', 'b']));
    expect(other.created.length + s.runtime.created.length).toBe(4);
    expect(events.filter((e) => e.type === 'build-done').every((e) => e.type === 'build-done' && e.engine === where[e.pkg])).toBe(true);
    // The same tree on one engine: the same outputs.
    const one = await setup(recipes);
    const single = await one.run();
    for (const pkg of ['a', 'b', 'c', 'd']) expect(result.entries.get(pkg)?.meta.outputSha256).toBe(single.result.entries.get(pkg)?.meta.outputSha256);
  });

  it("make -j on a pool engine: the cores it says it has (docker info's NCPU), else its slots", async () => {
    const recipes = makeRecipes({ a: {}, b: { buildDeps: ['a'] } });
    const s = await setup(recipes);
    const engine = (cores: number | undefined) =>
      createFakeRuntime((ctx) => defaultBehaviour(ctx.spec.labels[LABELS.pkg] ?? '?', ctx), {
        images: { [IMAGE]: { id: 'sha256:builder', labels: {}, env: [] } },
        cores,
      });
    const four = engine(4);
    await s.run({ engines: [poolEngine('four', four)] });
    // One slot, four cores: a and b each build alone there, with every core and one more.
    expect(four.runs.map(jobsIn)).toEqual(['5', '5']);
    const silent = engine(undefined);
    await (await setup(recipes)).run({ engines: [poolEngine('silent', silent)] });
    expect(silent.runs.map(jobsIn)).toEqual(['2', '2']);
  });

  it('an engine that dies mid-build is put down and its build runs again on another; nothing of it is cached twice', async () => {
    const recipes = makeRecipes({ a: {}, b: {}, c: { buildDeps: ['a', 'b'] } });
    const s = await setup(recipes, (pkg, ctx) => ({ ...defaultBehaviour(pkg, ctx), delayMs: 30 }));
    const holder: { second?: { runtime: ContainerRuntime; kill: () => void } } = {};
    const dying = createFakeRuntime(
      () => {
        holder.second?.kill();
        throw new Error('socket hang up');
      },
      { images: { [IMAGE]: { id: 'sha256:builder', labels: {}, env: [] } } },
    );
    const second = killable(dying);
    holder.second = second;
    const { result, events } = await s.run({ engines: [poolEngine('local', s.runtime), poolEngine('engine2', second.runtime)] });
    expect(result.failed).toEqual([]);
    expect([...result.built].sort()).toEqual(['a', 'b', 'c']);
    const down = events.filter((e) => e.type === 'engine-down');
    expect(down).toEqual([{ type: 'engine-down', engine: 'engine2', reason: expect.stringMatching(/stopped answering: connect ENOENT/) as unknown, left: ['local'] }]);
    // Whatever engine2 had started was built again, on local.
    const onSecond = started(events)
      .filter(([, e]) => e === 'engine2')
      .map(([p]) => p);
    expect(onSecond.length).toBe(1);
    expect(started(events).filter(([p, e]) => p === onSecond[0] && e === 'local')).toHaveLength(1);
    expect(s.runtime.live()).toEqual([]);
    expect(dying.live()).toEqual([]);
  });

  it('an engine that cannot be made ready is skipped; with none left, what remains fails with a clear error', async () => {
    const recipes = makeRecipes({ a: {}, b: { buildDeps: ['a'] } });
    const s = await setup(recipes);
    const unready = (name: string) => poolEngine(name, s.runtime, { ready: () => Promise.reject(new Error(`${name} has no builder and none could be copied`)) });
    const mixed = await s.run({ engines: [unready('x'), poolEngine('local', s.runtime)] });
    expect(mixed.result.failed).toEqual([]);
    expect(mixed.events.filter((e) => e.type === 'engine-down').map((e) => e.type === 'engine-down' && e.engine)).toEqual(['x']);
    const none = await (await setup(recipes)).run({ engines: [unready('x'), unready('y')] });
    expect(none.result.failed.map((f) => f.pkg)).toEqual(['a']);
    expect(String((none.result.failed[0]?.error as Error).message)).toMatch(/a: no engine is left to build on \(down: x, y\)/);
    expect(none.result.skipped.map((x) => x.pkg)).toEqual(['b']);
  });

  it("a package goes only to an engine with its recipe's features and memory; one no engine offers fails, naming them", async () => {
    const recipes = makeRecipes({ vm: {}, plain: {}, huge: {} });
    const s = await setup(recipes);
    const kvm = createFakeRuntime((ctx) => defaultBehaviour(ctx.spec.labels[LABELS.pkg] ?? '?', ctx), {
      images: { [IMAGE]: { id: 'sha256:builder', labels: {}, env: [] } },
    });
    const needs = new Map<string, PackageNeeds>([
      ['vm', { memoryBytes: undefined, features: ['kvm'] }],
      ['huge', { memoryBytes: 64 * 1024 ** 3, features: [] }],
    ]);
    const { result, events } = await s.run({
      keepGoing: true,
      needs,
      engines: [poolEngine('local', s.runtime, { jobs: 2, memoryBytes: 8 * 1024 ** 3 }), poolEngine('kvm-host', kvm, { features: ['kvm'], memoryBytes: 16 * 1024 ** 3 })],
    });
    expect(Object.fromEntries(started(events))).toMatchObject({ vm: 'kvm-host' });
    expect(result.built).not.toContain('huge');
    expect(String((result.failed[0]?.error as Error).message)).toMatch(/huge: no engine that is up offers what its recipe asks \(memory 65536 MiB\)/);
  });
});
