import { basename } from 'node:path';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The container tier runs two files at a time. The two longest start first, each on its own
 * worker, and the shared cold ci build (test/support/shared.ts) is made by the second so that
 * sigint, which waits for it, never holds a worker idle; the short files fill in at the end.
 * The order is by what each file costs on a quiet 2-core machine (release 790 s, sigint 632 s
 * with the ci build, trust 623 s, build 137 s, boot 43 s), not by vitest's results cache,
 * which a fresh CI clone does not have.
 */
const HEAVIEST_FIRST = [
  'release.container.test.ts', // a boot release (3 stages of 16 packages) booted under qemu
  'disk.container.test.ts', // the boot profile with linux, grub, e2fsprogs and util-linux in the dev stage; its own kernel booted, a disk image booted through GRUB
  'build.container.test.ts', // makes the run's shared cold ci build, then checks and edits copies of it
  'trust.container.test.ts', // the CI templates' steps (a tiny build and release), its challenge from a trixie builder (a bootstrap and a second whole release), then make rebuilt in each stage
  'sigint.container.test.ts', // interrupted builds of copies of that ci tree
  'pool.container.test.ts', // the ci profile from cold again, across the machine's engine and a second dockerd; then tiny with that dockerd killed
  'podman.container.test.ts', // tiny's dev stage on podman (the builder copied there first), compared with that release's
  'musl-builder.container.test.ts', // that tiny release's tarball imported as a builder, tiny's dev stage built in it (not yet measured)
  'boot.container.test.ts',
  // The rest, ci-templates.container.test.ts among them (it only reads the tiny release trust makes), after these.
];

export default class HeaviestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification): number => {
      if (!f.moduleId.endsWith('.container.test.ts')) return -1; // the unit and integration tiers first: they take seconds
      const i = HEAVIEST_FIRST.indexOf(basename(f.moduleId));
      return i < 0 ? HEAVIEST_FIRST.length : i;
    };
    // Array.prototype.sort is stable: unit and integration files and the small container files keep the base order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
