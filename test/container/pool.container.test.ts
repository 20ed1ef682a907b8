import { rm } from 'node:fs/promises';
import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FARM_MARK, LABELS } from '../../farm/runtime/labels.js';
import type { FarmEvent } from '../../farm/report/events.js';
import { workspacePaths } from '../../farm/workspace/paths.js';
import { BUILDER, containerTierReady, makeRoot, MIRROR, runFarm, startFarm, summaryOf } from '../support/farm.js';
import { devRecords, keysAndOutputs } from '../support/dev-records.js';
import { secondEngineReady, startSecondEngine, type SecondEngine } from '../support/second-engine.js';
import { CI_PACKAGES, FIXTURE_MS, sharedCiBuild, sharedTinyRelease } from '../support/shared.js';

const TESTS = 'an engine pool: the machine’s engine and a second dockerd';
const ready = (await containerTierReady()) && (await secondEngineReady(TESTS));
const LOCAL = 'unix:///var/run/docker.sock';
const local = new Docker({ socketPath: '/var/run/docker.sock' });

/** Farm containers left on an engine (any workspace's: nothing else builds on the test's own engine). */
async function farmContainersOn(docker: Docker): Promise<string[]> {
  return (await docker.listContainers({ all: true, filters: { label: [`${LABELS.farm}=${FARM_MARK}`] } })).map((c) => c.Id);
}

/** The JSON events of a run's stderr (--json). */
function eventsOf(stderr: string): FarmEvent[] {
  return stderr
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as FarmEvent);
}

// Issue 20: a second dockerd of the test's own (its own data root and socket) is a remote engine.
// The ci profile is built across it and the machine's engine from cold: the builder is copied to
// the second engine by the farm (it starts without it), packages land on both, and every key and
// output, and the rootfs's file manifest, equal the one-engine cold build of the same tree and
// config (the run's shared ci build). Then the second engine is killed while it builds the tiny
// profile: the package is built again on the first, and the result is that of the run's one-engine
// tiny build (its shared tiny release's dev stage).
describe.skipIf(!ready)(TESTS, () => {
  let engine2: SecondEngine;
  beforeAll(async () => {
    engine2 = await startSecondEngine();
  });
  afterAll(async () => {
    await engine2.stop();
  });

  const pool = (): string[] => ['--engine', `${LOCAL} name=local jobs=1`, '--engine', `${engine2.url} name=engine2 jobs=1`];

  it(
    'builds ci on both engines (the builder copied to the second by the farm): same keys, outputs and rootfs as on one engine',
    async () => {
      const shared = await sharedCiBuild();
      expect(shared.run.code, shared.run.stderr.slice(-3000)).toBe(0);
      const oneEngine = await devRecords(shared.root);
      expect(await engine2.docker.listImages()).toEqual([]);
      const root = await makeRoot({ config: 'example' });
      try {
        const r = await runFarm(root, ['build', '--profile', 'ci', '--mirror', MIRROR, '--json', ...pool()]);
        expect(r.code, r.stdout.slice(-3000) + r.stderr.slice(-3000)).toBe(0);
        const summary = summaryOf(r.stdout) as ReturnType<typeof summaryOf> & { builtOn: Record<string, string> };
        expect([...summary.built].sort()).toEqual(CI_PACKAGES);
        expect(new Set(Object.values(summary.builtOn))).toEqual(new Set(['local', 'engine2']));
        const starts = eventsOf(r.stderr).flatMap((e) => (e.type === 'build-start' ? [e.engine] : []));
        expect(starts.every((e) => e === 'local' || e === 'engine2')).toBe(true);
        expect((await engine2.docker.getImage(BUILDER).inspect()).Id).toBe((await local.getImage(BUILDER).inspect()).Id);

        const pooled = await devRecords(root);
        expect(pooled.manifest.builder_image.id).toBe(oneEngine.manifest.builder_image.id);
        expect(keysAndOutputs(pooled.manifest)).toEqual(keysAndOutputs(oneEngine.manifest));
        expect(pooled.files).toBe(oneEngine.files);
        expect(await farmContainersOn(engine2.docker)).toEqual([]);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
    FIXTURE_MS,
  );

  it(
    'the second engine killed while it builds: the package is built again on the first, the run succeeds, the same rootfs',
    async () => {
      const oneEngine = await devRecords((await sharedTinyRelease()).root);
      const root = await makeRoot();
      try {
        const child = startFarm(root, ['build', '--profile', 'tiny', '--mirror', MIRROR, '--json', ...pool()]);
        let stdout = '';
        let stderr = '';
        let victim: string | undefined;
        let killed = false;
        child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr?.on('data', (c: Buffer) => {
          stderr += c.toString();
          if (killed) return;
          for (const e of eventsOf(stderr)) {
            if (e.type === 'build-start' && e.engine === 'engine2') victim = e.pkg;
            // Killed once its build prints: its container runs on the second engine.
            if (victim !== undefined && e.type === 'build-output' && e.pkg === victim) {
              killed = true;
              engine2.kill();
              break;
            }
          }
        });
        const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
        expect(code, stdout.slice(-3000) + stderr.slice(-3000)).toBe(0);
        expect(killed).toBe(true);
        const events = eventsOf(stderr);
        expect(events.filter((e) => e.type === 'engine-down')).toMatchObject([
          { type: 'engine-down', engine: 'engine2', reason: expect.stringMatching(/stopped answering/) as unknown, left: ['local'] },
        ]);
        const doneOn = Object.fromEntries(events.flatMap((e) => (e.type === 'build-done' ? [[e.pkg, e.engine]] : [])));
        expect(doneOn[victim as string]).toBe('local');
        const pooled = await devRecords(root);
        expect(keysAndOutputs(pooled.manifest)).toEqual(keysAndOutputs(oneEngine.manifest));
        expect(pooled.files).toBe(oneEngine.files);
        // The engine still up has no container of this workspace left.
        const kind = `build:${workspacePaths(root, 'dev').id}`;
        expect((await local.listContainers({ all: true, filters: { label: [`${LABELS.kind}=${kind}`] } })).map((c) => c.Id)).toEqual([]);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
    FIXTURE_MS,
  );
});
