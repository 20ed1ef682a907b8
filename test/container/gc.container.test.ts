import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import { describe, expect, it } from 'vitest';
import { stageImageRef } from '../../farm/release/stage-image.js';
import { createDockerRuntime } from '../../farm/runtime/docker.js';
import { FARM_MARK, farmLabels, LABELS } from '../../farm/runtime/labels.js';
import type { Container } from '../../farm/runtime/port.js';
import { workspacePaths } from '../../farm/workspace/paths.js';
import { cli } from '../support/cli.js';
import { containerTierReady, makeRoot } from '../support/farm.js';

const ready = await containerTierReady();
const runtime = createDockerRuntime();
/** The real engine for the in-process CLI (the helper gives it none by default). */
const ENGINE = (): typeof runtime => runtime;

/** FROM scratch plus one file, tagged as a stage image (`ref`) in no time. */
async function tinyStageImage(ref: string): Promise<string> {
  const context = pack();
  context.entry({ name: 'Dockerfile' }, 'FROM scratch\nCOPY hello /hello\n');
  context.entry({ name: 'hello' }, 'hello\n');
  context.finalize();
  return runtime.buildImage(context as unknown as Readable, ref, {
    dockerfile: 'Dockerfile',
    labels: farmLabels({ kind: 'stage', stage: 'a', run: 'gc-test' }),
  });
}

describe.skipIf(!ready)('stasis-farm gc (real engine)', () => {
  it('lists an unused stage image of the project, keeps it while a container uses it, removes it with --yes', async () => {
    const root = await makeRoot();
    // Tagged for the project's stage A workspace: that, not a label, makes it the project's.
    const ref = stageImageRef('a', randomBytes(32).toString('hex'), workspacePaths(root, 'a').id);
    let container: Container | undefined;
    try {
      const id = await tinyStageImage(ref);

      const dry = await cli(root, ['gc', '--json'], {}, ENGINE);
      expect(dry.code, dry.err).toBe(0);
      const summary = JSON.parse(dry.out) as { dryRun: boolean; images: { ref: string; id: string; stage: string; bytes: number }[] };
      expect(summary.dryRun).toBe(true);
      // Only this project's image: other projects' stage images on the engine are not its business.
      expect(summary.images).toEqual([{ ref, id, stage: 'a', bytes: expect.any(Number) as number }]);
      expect((await runtime.inspectImage(ref))?.id).toBe(id);
      const text = await cli(root, ['gc'], {}, ENGINE);
      expect(text.out).toContain(`would remove stage image ${ref} (stage a,`);

      container = await runtime.createContainer({
        image: ref,
        cmd: ['/hello'],
        env: {},
        workdir: '/',
        hostname: 'gc-test',
        labels: { [LABELS.farm]: FARM_MARK, [LABELS.run]: 'gc-test' },
        limits: { memoryBytes: 64 * 1024 * 1024, pids: 16, logBytes: 1024 * 1024 },
      });
      const inUse = await cli(root, ['gc', '--yes', '--json'], {}, ENGINE);
      expect(inUse.code, inUse.err).toBe(0);
      expect((JSON.parse(inUse.out) as { imagesInUse: { ref: string }[] }).imagesInUse.map((i) => i.ref)).toEqual([ref]);
      expect(inUse.err).toContain(`kept stage image ${ref}`);
      expect((await runtime.inspectImage(ref))?.id).toBe(id);
      await container.remove();

      const yes = await cli(root, ['gc', '--yes'], {}, ENGINE);
      expect(yes.code, yes.err).toBe(0);
      expect(yes.err).toContain(`removed stage image ${ref} (stage a)`);
      expect(yes.out).toMatch(/gc: removed 1 stage image and 0 cache entries/);
      expect(await runtime.inspectImage(ref)).toBeUndefined();
      expect(await runtime.inspectImage(id)).toBeUndefined();
    } finally {
      await container?.remove();
      await runtime.removeImage(ref, { force: true });
      await rm(root, { recursive: true, force: true });
    }
  });
});
