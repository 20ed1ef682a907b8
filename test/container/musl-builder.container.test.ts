import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createDockerRuntime } from '../../farm/runtime/docker.js';
import { FARM_MARK, LABELS } from '../../farm/runtime/labels.js';
import { containerTierReady, makeRoot, MIRROR, runFarm, summaryOf } from '../support/farm.js';
import { FIXTURE_MS, sharedTinyRelease } from '../support/shared.js';

const ready = await containerTierReady();
const runtime = createDockerRuntime();
const PACKAGES = ['busybox', 'make', 'musl', 'tcc'];

/**
 * Files and directories only glibc has, looked for everywhere in the image (one filesystem:
 * not /proc or /sys): its dynamic loader, its libc.so.6 and the Debian multiarch directories.
 */
const GLIBC_PROBE = [
  'find / -xdev \\( -name "ld-linux*.so*" -o -name "libc.so.6" -o -name "x86_64-linux-gnu" \\) -print',
  'for d in /lib64 /lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu; do if [ -e "$d" ]; then echo "$d"; fi; done',
  'echo probe-done',
].join('; ');

/** Run a shell command in a fresh container of `image` (network none, as every farm container); exit code and output. */
async function runIn(image: string, script: string): Promise<{ code: number; output: string }> {
  const container = await runtime.createContainer({
    image,
    cmd: ['/bin/sh', '-c', script],
    env: {},
    workdir: '/',
    hostname: 'musl-probe',
    labels: { [LABELS.farm]: FARM_MARK, [LABELS.run]: 'musl-builder-test' },
    limits: { memoryBytes: 256 * 1024 * 1024, pids: 64, logBytes: 1024 * 1024 },
  });
  try {
    let output = '';
    const status = await container.run({ timeoutMs: 120_000, onOutput: (chunk) => (output += chunk.toString()) });
    return { code: status.exitCode, output };
  } finally {
    await container.remove();
  }
}

// Issue 16, item 7: the farm's own musl output is a working builder. The run's tiny release
// (tcc, musl, busybox, make; test/support/shared.ts) is imported with `image import`, which
// sees a Stasis rootfs and makes a builder of it as it is (no package manager); the tiny
// profile's dev stage is then built in it, and no glibc is anywhere in that image.
describe.skipIf(!ready)('a musl-only builder: the tiny release’s own rootfs builds the tiny dev stage', () => {
  it(
    'imports the release tarball as a builder (musl, STASIS_CC=tcc), builds tiny’s dev stage in it, and has no glibc',
    async () => {
      const tiny = await sharedTinyRelease();
      expect(tiny.run.code, tiny.run.stdout.slice(-3000) + tiny.run.stderr.slice(-3000)).toBe(0);
      const dist = join(tiny.root, 'workspace-release-stage-b', 'dist');
      const released = parse(await readFile(join(dist, 'manifest.yaml'), 'utf8')) as { rootfs: { file: string } };
      const tarball = join(dist, released.rootfs.file);
      // A ref of this run only: other runs may share the engine; removed at the end.
      const ref = `stasis-builder:musl-test-${randomBytes(6).toString('hex')}`;
      const root = await makeRoot();
      try {
        const imported = await runFarm(root, ['image', 'import', tarball, '--ref', ref]);
        expect(imported.code, imported.stdout + imported.stderr).toBe(0);
        expect(imported.stdout).toMatch(new RegExp(`builder ${ref} ready \\(sha256:[0-9a-f]+, libc musl: the rootfs as it is, STASIS_CC=tcc\\)`));
        const image = await runtime.inspectImage(ref);
        expect(image?.labels[LABELS.kind]).toBe('builder');
        expect(image?.labels[LABELS.libc]).toBe('musl');
        expect(image?.env).toContain('STASIS_CC=tcc');

        const built = await runFarm(root, ['build', '--profile', 'tiny', '--builder', ref, '--mirror', MIRROR, '--json']);
        expect(built.code, built.stdout.slice(-3000) + built.stderr.slice(-3000)).toBe(0);
        const summary = summaryOf(built.stdout);
        expect(summary.failed).toEqual([]);
        expect([...summary.built].sort()).toEqual(PACKAGES);
        const dev = parse(await readFile(join(root, 'workspace', 'manifest.yaml'), 'utf8')) as { builder_image: { ref: string; id: string; cc: string; libc: string } };
        expect(dev.builder_image).toMatchObject({ ref, id: image?.id, cc: 'tcc', libc: 'musl' });

        const probe = await runIn(ref, GLIBC_PROBE);
        expect(probe.code, probe.output).toBe(0);
        expect(probe.output.trim()).toBe('probe-done');
      } finally {
        await runtime.removeImage(ref, { force: true });
        await rm(root, { recursive: true, force: true });
      }
      expect(await runtime.inspectImage(ref)).toBeUndefined();
    },
    FIXTURE_MS,
  );
});
