import { rm } from 'node:fs/promises';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { FARM_MARK, LABELS } from '../../farm/runtime/labels.js';
import { BUILDER, containerCreates, containerTierReady, makeRoot, MIRROR, runFarm, summaryOf } from '../support/farm.js';
import { devRecords, keysAndOutputs } from '../support/dev-records.js';
import { secondEngineReady, startPodmanService } from '../support/second-engine.js';
import { FIXTURE_MS, sharedTinyRelease } from '../support/shared.js';

const TESTS = 'the farm on podman (its Docker-compatible API service)';
const ready = (await containerTierReady()) && (await secondEngineReady(TESTS, 'podman'));

// Issue 21: podman serves the Docker API the farm speaks. Its service runs on a socket of the
// test's own (storage under the same directory), gets the builder with `image copy --to`, and
// builds the tiny profile from cold. Every package's key and output, and the assembled rootfs's
// file manifest, must equal those of the same tree's dev stage built on Docker (the run's shared
// tiny release, whose config.lua is the same small config).
describe.skipIf(!ready)(TESTS, () => {
  it(
    'builds the tiny profile on podman: same keys, outputs and rootfs as on Docker, and no container left',
    async () => {
      const docker = await devRecords((await sharedTinyRelease()).root);
      await using podman = await startPodmanService();
      const root = await makeRoot();
      try {
        const copied = await runFarm(root, ['image', 'copy', '--to', podman.url]);
        expect(copied.code, copied.stdout + copied.stderr).toBe(0);
        const local = await new Docker({ socketPath: '/var/run/docker.sock' }).getImage(BUILDER).inspect();
        expect((await podman.docker.getImage(BUILDER).inspect()).Id).toBe(local.Id);

        const since = Math.floor(Date.now() / 1000);
        const built = await runFarm(root, ['build', '--profile', 'tiny', '--mirror', MIRROR, '--json'], { DOCKER_HOST: podman.url });
        expect(built.code, built.stdout.slice(-3000) + built.stderr.slice(-3000)).toBe(0);
        expect([...summaryOf(built.stdout).built].sort()).toEqual(['busybox', 'make', 'musl', 'tcc']);
        // Built on podman: the machine's Docker engine made no container for this workspace.
        expect(await containerCreates(root, since, Math.floor(Date.now() / 1000) + 1)).toBe(0);

        const onPodman = await devRecords(root);
        expect(onPodman.manifest.builder_image.id).toBe(docker.manifest.builder_image.id);
        expect(keysAndOutputs(onPodman.manifest)).toEqual(keysAndOutputs(docker.manifest));
        expect(onPodman.files).toBe(docker.files);

        const left = await podman.docker.listContainers({ all: true, filters: { label: [`${LABELS.farm}=${FARM_MARK}`] } });
        expect(left.map((c) => c.Names.join(','))).toEqual([]);
      } finally {
        await rm(root, { recursive: true, force: true });
      }
    },
    FIXTURE_MS,
  );
});
