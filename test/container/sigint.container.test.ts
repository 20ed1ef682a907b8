import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { beforeAll, describe, expect, it } from 'vitest';
import { containerTierReady, editRecipe, workspaceContainers, makeRoot, MIRROR, runFarm, startFarm, summaryOf } from '../support/farm.js';
import { CI_PACKAGES, copyRoot, FIXTURE_MS, sharedCiBuild } from '../support/shared.js';

const ready = await containerTierReady();
const LATENCY_LIMIT_MS = 2000;
/**
 * Taken out of the cold tree the trials interrupt: a hand-written configure (zlib), autoconf and
 * libtool (xz, the longest of them: no trial lasts long enough to finish it), a plain Makefile
 * (bzip2) and a build_deps chain (lua -> lpeg).
 */
const COLD = ['zlib', 'bzip2', 'xz', 'lua', 'lpeg'];

/** A reproducible stream of random numbers in [0, 1) (mulberry32); the seed is printed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Trial {
  readonly label: string;
  /** When the signal went: after which event (or delay), plus how many ms. */
  readonly when: string;
  /** The run ended before the signal could be sent. */
  readonly finished: boolean;
  readonly code: number | null;
  readonly latencyMs: number;
  /** The last event before the signal: where the farm was. */
  readonly phase: string;
  /** Packages whose build-done arrived more than 100 ms after the signal. */
  readonly doneAfterSignal: readonly string[];
  readonly doneBeforeSignal: readonly string[];
  readonly stderr: string;
}

interface FarmLine {
  readonly type: string;
  readonly pkg?: string;
}

/**
 * When a trial sends its signal: `extraMs` after the first event `on` accepts or (`normalizing`)
 * the engine shows one of this root's build containers exited and not yet removed (its output is
 * being read and normalized), whichever comes first; `extraMs` after the start when neither is given.
 */
interface Trigger {
  readonly name: string;
  readonly on?: (event: FarmLine, seen: readonly FarmLine[]) => boolean;
  readonly normalizing?: boolean;
  readonly extraMs: number;
}

/** Start a ci build, send SIGINT (`signals` times, 50 ms apart) at `trigger`, and time the exit. */
async function interruptAt(root: string, label: string, trigger: Trigger, signals = 1): Promise<Trial> {
  const child = startFarm(root, ['build', '--profile', 'ci', '--mirror', MIRROR, '--json']);
  const events: { at: number; event: FarmLine }[] = [];
  let fire: (what: string) => void = () => {};
  const fired = new Promise<string>((resolve) => (fire = resolve));
  let stderr = '';
  let buffer = '';
  child.stderr?.on('data', (c: Buffer) => {
    const text = c.toString();
    stderr += text;
    buffer += text;
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      let event: FarmLine;
      try {
        event = JSON.parse(line) as FarmLine;
      } catch {
        continue; // not an event
      }
      events.push({ at: performance.now(), event });
      if (
        trigger.on?.(
          event,
          events.map((e) => e.event),
        ) === true
      )
        fire(trigger.name);
    }
  });
  child.stdout?.resume();
  const exited = new Promise<{ code: number | null; at: number }>((resolve) => child.on('exit', (code) => resolve({ code, at: performance.now() })));
  let done = false;
  void exited.then(() => (done = true));
  if (trigger.on === undefined && trigger.normalizing !== true) fire(trigger.name);
  if (trigger.normalizing === true) {
    void (async () => {
      while (!done && (await workspaceContainers(root, { exited: true })).length === 0) await new Promise((r) => setTimeout(r, 50));
      fire('a build container exited');
    })();
  }
  let when = `${trigger.name} +${trigger.extraMs} ms`;
  const early = await Promise.race([
    exited,
    fired.then((what) => {
      when = `${what} +${trigger.extraMs} ms`;
      return new Promise<undefined>((r) => setTimeout(() => r(undefined), trigger.extraMs));
    }),
  ]);
  if (early !== undefined) return { label, when, finished: true, code: early.code, latencyMs: 0, phase: 'finished', doneAfterSignal: [], doneBeforeSignal: [], stderr };
  const sentAt = performance.now();
  child.kill('SIGINT');
  for (let i = 1; i < signals; i++) setTimeout(() => child.kill('SIGINT'), 50 * i);
  const { code, at } = await exited;
  const before = events.filter((e) => e.at <= sentAt);
  const last = before.at(-1)?.event;
  const built = (from: typeof events): string[] => from.filter((e) => e.event.type === 'build-done').map((e) => e.event.pkg as string);
  return {
    label,
    when,
    finished: false,
    code,
    latencyMs: Math.round(at - sentAt),
    phase: last === undefined ? 'loading' : `${last.type}${last.pkg === undefined ? '' : ` ${last.pkg}`}`,
    doneAfterSignal: built(events.filter((e) => e.at > sentAt + 100)),
    doneBeforeSignal: built(before),
    stderr,
  };
}

/** Every entry of the dev cache, checked whole: meta, manifest, and output.tar with its recorded sha256. */
async function cachedPackages(root: string): Promise<{ pkgs: string[]; problems: string[] }> {
  const dir = join(root, 'workspace', 'cache');
  const names = await readdir(dir).catch(() => [] as string[]);
  const problems = names.filter((n) => n.startsWith('.tmp')).map((n) => `leftover ${n}`);
  const pkgs: string[] = [];
  for (const name of names.filter((n) => /^[0-9a-f]{64}$/.test(n))) {
    try {
      const meta = JSON.parse(await readFile(join(dir, name, 'meta.json'), 'utf8')) as { pkg: string; outputSha256: string };
      JSON.parse(await readFile(join(dir, name, 'manifest.json'), 'utf8'));
      const hash = createHash('sha256');
      for await (const chunk of createReadStream(join(dir, name, 'output.tar'))) hash.update(chunk as Buffer);
      if (hash.digest('hex') !== meta.outputSha256) problems.push(`${meta.pkg}: output.tar does not match meta.json`);
      pkgs.push(meta.pkg);
    } catch (error) {
      problems.push(`${name}: ${(error as Error).message}`);
    }
  }
  return { pkgs: pkgs.sort(), problems };
}

/** Remove the cache entries of `pkgs` from a dev workspace; the packages whose entries went. */
async function uncache(root: string, pkgs: readonly string[]): Promise<string[]> {
  const dir = join(root, 'workspace', 'cache');
  const removed: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => /^[0-9a-f]{64}$/.test(n))) {
    const meta = JSON.parse(await readFile(join(dir, name, 'meta.json'), 'utf8')) as { pkg: string };
    if (!pkgs.includes(meta.pkg)) continue;
    await rm(join(dir, name), { recursive: true });
    removed.push(meta.pkg);
  }
  return removed;
}

describe.skipIf(!ready)('SIGINT at any moment of a real ci build', () => {
  let root: string;
  const trials: Trial[] = [];
  const seed = Number(process.env['SIGINT_SEED'] ?? Date.now() % 1_000_000);
  const rand = random(seed);
  const between = (lo: number, hi: number): number => Math.round(lo + (hi - lo) * rand());

  beforeAll(async () => {
    // The run's cold ci build (shared with build.container.test.ts), copied; then the packages in
    // COLD lose their cache entries and every source leaves the store: a build of this tree loads,
    // fetches, builds and normalizes for real, and the others are found cached.
    const cold = await sharedCiBuild();
    expect(cold.run.code, cold.run.stderr.slice(-3000)).toBe(0);
    root = await copyRoot(cold.root);
    const removed = await uncache(root, COLD);
    expect(removed.sort()).toEqual([...COLD].sort());
    await rm(join(root, 'workspace', 'sources'), { recursive: true, force: true });
    console.info(`SIGINT trials: seed ${seed} (SIGINT_SEED=${seed} repeats them)`);
  }, FIXTURE_MS);

  /** One interrupted run, checked: exit 130 within 2 s, no container, only whole cache entries, nothing cached after the signal. */
  async function trial(label: string, trigger: Trigger, signals = 1): Promise<void> {
    const before = await cachedPackages(root);
    const t = await interruptAt(root, label, trigger, signals);
    // Every trigger comes while the run still has work to do: a run that ends first is a failure, not a retry.
    expect(t.finished, `${label}: the run ended (exit ${t.code}) before its signal (${t.when})\n${t.stderr.slice(-3000)}`).toBe(false);
    trials.push(t);
    console.info(`${label}: SIGINT at ${t.when} during "${t.phase}": exit ${t.code} in ${t.latencyMs} ms`);
    expect(t.code, t.stderr.slice(-3000)).toBe(130);
    expect(t.latencyMs, `${label} (${t.phase})`).toBeLessThan(LATENCY_LIMIT_MS);
    const after = await cachedPackages(root);
    // After a second Ctrl-C the farm leaves at once: a half-written temp entry may stay (the next run removes it); never a partial entry.
    expect(after.problems.filter((p) => signals === 1 || !p.startsWith('leftover'))).toEqual([]);
    expect(t.doneAfterSignal, 'nothing is cached after the signal').toEqual([]);
    const fresh = after.pkgs.filter((p) => !before.pkgs.includes(p));
    for (const pkg of fresh) expect(t.doneBeforeSignal, `${pkg} was cached without a build-done before the signal`).toContain(pkg);
    if (signals === 1) expect(await workspaceContainers(root)).toEqual([]);
  }

  const after = (name: string, on: Trigger['on'], lo: number, hi: number): Trigger => ({ name, on, extraMs: between(lo, hi) });
  const is =
    (type: string, pkg?: string) =>
    (e: FarmLine): boolean =>
      e.type === type && (pkg === undefined || e.pkg === pkg);

  it('cold build: interrupted while loading, fetching, building and normalizing; then a run rebuilds only what was interrupted', async () => {
    // First, while the store is empty: as a source is fetched.
    await trial('fetch', after('fetch-start', is('fetch-start'), 0, 150));
    await trial('start #1', after('the start', undefined, 300, 2500));
    await trial('start #2', after('the start', undefined, 300, 2500));
    await trial('container', after('build-start', is('build-start'), 200, 3000));
    await trial(
      'output',
      after('the 20th build-output', (_e, seen) => seen.filter(is('build-output')).length === 20, 0, 2000),
    );
    // Between a container's exit and its build-done: output read and normalized. Should the engine
    // remove a container between two looks, the next build-done ends the wait instead.
    await trial('normalizing', { name: 'build-done', on: is('build-done'), normalizing: true, extraMs: 0 });
    await trial('any #1', after('the start', undefined, 2500, 8000));
    await trial('any #2', after('the start', undefined, 2500, 8000));
    // Two Ctrl-Cs: the second ends the farm at once.
    await trial('double', after('build-start', is('build-start'), 500, 3000), 2);
    const cached = (await cachedPackages(root)).pkgs;
    const r = await runFarm(root, ['build', '--profile', 'ci', '--mirror', MIRROR, '--json']);
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    const s = summaryOf(r.stdout);
    expect([...s.built].sort()).toEqual(CI_PACKAGES.filter((p) => !cached.includes(p)));
    expect(s.built.length, 'the trials left something to build').toBeGreaterThan(0);
    expect(await workspaceContainers(root)).toEqual([]);
  }, 1_800_000);

  it('warm build: interrupted while assembling (config changed) and while building one edited package', async () => {
    const config = join(root, 'config.lua');
    const text = await readFile(config, 'utf8');
    let n = 0;
    // A new hostname: every package cached, the rootfs assembled again; the signal comes once the last package is found cached.
    const allCached = (_e: FarmLine, seen: readonly FarmLine[]): boolean => seen.filter(is('build-cached')).length === CI_PACKAGES.length;
    for (let i = 1; i <= 3; i++) {
      await writeFile(config, text.replace('hostname = "stasis"', `hostname = "stasis-${++n}"`));
      await trial(`assembly #${i}`, after('every package cached', allCached, 0, 150));
    }
    // zlib edited (a new key each time), interrupted in its container; its build sleeps first, so it outlasts the signal however fast the machine.
    for (let k = 1; k <= 2; k++) {
      await editRecipe(root, 'zlib', (t) => t.replace(/build = \[\[(\n# interrupted rebuild \d+\nsleep 5)?/, `build = [[\n# interrupted rebuild ${k}\nsleep 5`));
      await trial(`rebuild #${k}`, after('build-start zlib', is('build-start', 'zlib'), 300, 2500));
    }
    const cached = (await cachedPackages(root)).pkgs;
    const r = await runFarm(root, ['build', '--profile', 'ci', '--mirror', MIRROR, '--json']);
    expect(r.code, r.stderr.slice(-3000)).toBe(0);
    const s = summaryOf(r.stdout);
    // zlib's new key was never cached; its dependents are cut off (same output).
    expect(cached.filter((p) => p === 'zlib')).toHaveLength(1);
    expect(s.built).toEqual(['zlib']);
    const preview = await readFile(join(root, 'workspace', 'preview', 'etc', 'hostname'), 'utf8');
    expect(preview).toBe(`stasis-${n}\n`);
  }, 1_800_000);

  it('reports the worst exit latency over at least 10 interrupted runs', () => {
    expect(trials.length).toBeGreaterThanOrEqual(10);
    const worst = trials.reduce((w, t) => (t.latencyMs > w.latencyMs ? t : w));
    console.info(`worst SIGINT exit latency: ${worst.latencyMs} ms (${worst.label}, during "${worst.phase}")`);
    console.info(trials.map((t) => `  ${t.label}: ${t.when}, ${t.phase}: ${t.latencyMs} ms`).join('\n'));
    expect(worst.latencyMs).toBeLessThan(LATENCY_LIMIT_MS);
  });

  it('a build container outlives a SIGKILLed farm only until its own deadline; the next run sweeps it', async () => {
    // A root of its own: the example config's services need the ci packages.
    const root = await makeRoot();
    await mkdir(join(root, 'system', 'sleeper'), { recursive: true });
    await writeFile(
      join(root, 'system', 'sleeper', 'pkg.lua'),
      'return { name = "sleeper", version = "1", description = "sleeps", license = "MIT", sources = {}, timeout = 3, build = "sleep 600" }\n',
    );
    await writeFile(join(root, 'profiles', 'sleeper.lua'), 'return { description = "test", packages = { "sleeper" } }\n');
    const running = async (): Promise<number> => (await workspaceContainers(root, { running: true })).length;
    const child = startFarm(root, ['build', '--profile', 'sleeper', '--json']);
    child.stderr?.resume();
    const started = Date.now();
    while ((await running()) === 0 && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 100));
    expect(await running()).toBe(1);
    child.kill('SIGKILL');
    const killedAt = Date.now();
    // timeout 3 s + a 5 s margin, measured from the container's start.
    while ((await running()) > 0 && Date.now() - killedAt < 20_000) await new Promise((r) => setTimeout(r, 250));
    const stoppedAfter = Date.now() - killedAt;
    console.info(`the orphaned container stopped itself ${stoppedAfter} ms after the farm was killed`);
    expect(await running()).toBe(0);
    expect(stoppedAfter).toBeLessThan(12_000);
    await writeFile(
      join(root, 'system', 'sleeper', 'pkg.lua'),
      'return { name = "sleeper", version = "1", description = "sleeps", license = "MIT", sources = {}, build = "true" }\n',
    );
    const r = await runFarm(root, ['build', '--profile', 'sleeper', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/"type":"sweep","removed":1/);
    expect(await workspaceContainers(root)).toEqual([]);
  });
});
