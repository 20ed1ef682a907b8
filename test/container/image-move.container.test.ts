import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Docker from 'dockerode';
import { describe, expect, it } from 'vitest';
import { readIndex } from '../../farm/mirror/index.js';
import { workspacePaths } from '../../farm/workspace/paths.js';
import { BUILDER, containerCreates, containerTierReady, editRecipe, makeRoot, MIRROR, runFarm, summaryOf } from '../support/farm.js';
import { secondEngineReady, startSecondEngine } from '../support/second-engine.js';

const TESTS = 'image copy and the airgap kit (a second dockerd)';
const ready = (await containerTierReady()) && (await secondEngineReady(TESTS));

/** The builder's id on the machine's own engine. */
async function localBuilderId(): Promise<string> {
  return (await new Docker({ socketPath: '/var/run/docker.sock' }).getImage(BUILDER).inspect()).Id;
}

describe.skipIf(!ready)(TESTS, () => {
  it('image copy --to puts the builder on a second engine with the same id, and skips it the second time', async () => {
    await using engine = await startSecondEngine();
    const root = await makeRoot();
    try {
      const id = await localBuilderId();
      const copied = await runFarm(root, ['image', 'copy', '--to', engine.url]);
      expect(copied.code, copied.stderr).toBe(0);
      expect(copied.stdout).toContain(`copied ${BUILDER} (${id.slice(0, 19)}) to ${engine.url}`);
      expect((await engine.docker.getImage(BUILDER).inspect()).Id).toBe(id);
      const again = await runFarm(root, ['image', 'copy', BUILDER, '--to', engine.url]);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain(`${engine.url} already has ${BUILDER}`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it("a kit made with --with-builder builds musl offline on a fresh engine that had nothing, under the farm's ulimits", async () => {
    const root = await makeRoot();
    const kit = join(await mkdtemp(join(tmpdir(), 'stasis-kit-')), 'kit');
    try {
      const exported = await runFarm(root, ['mirror', 'export', kit, '--profile', 'tiny', '--with-builder', '--mirror', MIRROR]);
      expect(exported.code, exported.stderr).toBe(0);
      const index = await readIndex(kit);
      expect(index.builder).toMatchObject({ ref: BUILDER, id: await localBuilderId(), file: 'builder.tar' });
      expect(Object.keys(index.packages).sort()).toEqual(['busybox', 'make', 'musl', 'tcc']);

      await using engine = await startSecondEngine();
      const env = { DOCKER_HOST: engine.url };
      const loaded = await runFarm(root, ['image', 'load', kit], env);
      expect(loaded.code, loaded.stderr).toBe(0);
      expect(loaded.stdout).toContain(`loaded ${BUILDER} (${index.builder?.id.slice(0, 19)}) from ${kit} into ${engine.url}`);
      expect((await engine.docker.getImage(BUILDER).inspect()).Id).toBe(index.builder?.id);

      // The build shows the limits its processes run under (grep reads its own, inherited ones).
      await editRecipe(root, 'musl', (text) => text.replace('build = [[\n', 'build = [[\ngrep -E "^Max (open files|processes|core file size)" /proc/self/limits\n'));
      const since = Math.floor(Date.now() / 1000);
      const built = await runFarm(root, ['build', 'musl', '--offline', '--mirror', kit, '--json'], env);
      expect(built.code, built.stderr).toBe(0);
      expect(summaryOf(built.stdout).built).toEqual(['musl']);
      const log = await readFile(join(workspacePaths(root, 'dev').logs, 'musl.log'), 'utf8');
      expect(log).toMatch(/^Max open files\s+1024\s+4096\s+files/m);
      expect(log).toMatch(/^Max processes\s+16384\s+16384\s+processes/m);
      expect(log).toMatch(/^Max core file size\s+0\s+0\s+bytes/m);
      // Built on the second engine: the machine's own engine created no container for this workspace.
      expect(await containerCreates(root, since, Math.floor(Date.now() / 1000) + 1)).toBe(0);
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(join(kit, '..'), { recursive: true, force: true });
    }
  });
});
