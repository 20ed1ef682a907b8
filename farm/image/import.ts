import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import { exists } from '../fs/exists.js';
import type { EventSink } from '../report/events.js';
import { farmLabels, LABELS } from '../runtime/labels.js';
import type { ContainerRuntime } from '../runtime/port.js';
import { importBuilder } from './builder.js';
import { probeRootfsTarball } from './probe.js';
import type { RootfsFacts } from './rootfs-facts.js';
import { buildRootfsImage } from './rootfs-image.js';

export interface ImportRootfsOptions {
  readonly ref: string;
  readonly tarPath: string;
  /** --definition: a directory whose Dockerfile.import (else Dockerfile) is built FROM the imported rootfs. */
  readonly definitionDir?: string | undefined;
  /** The farm's images/ (rootfs/ for a rootfs as it is, alpine/ for a minirootfs). */
  readonly imagesDir: string;
  readonly sink: EventSink;
}

export interface ImportedBuilder {
  readonly id: string;
  readonly facts: RootfsFacts;
  /** How it was made: the rootfs as it is (images/rootfs), or a definition's Dockerfile on top of it. */
  readonly made: 'rootfs' | { readonly definition: string };
}

/**
 * `image import`: make a builder of a rootfs tarball, chosen by what it is. A Stasis
 * rootfs (a release tarball: the farm's own musl output) or any rootfs with a shell and
 * a C compiler becomes a builder as it is, no package manager run (images/rootfs, built
 * as stage images are); an Alpine minirootfs gets images/alpine's toolchain step;
 * --definition overrides. A rootfs that cannot build anything is BUILDER_UNUSABLE.
 */
export async function importRootfs(runtime: ContainerRuntime, options: ImportRootfsOptions): Promise<ImportedBuilder> {
  const { ref, tarPath, sink } = options;
  if (!(await exists(tarPath))) throw new FarmError('IMAGE_FAILED', `${tarPath}: no such rootfs tarball`);
  const facts = await probeRootfsTarball(tarPath);
  sink({ type: 'info', message: describe(tarPath, facts) });
  const definitionDir = options.definitionDir ?? (facts.kind === 'alpine' ? join(options.imagesDir, 'alpine') : undefined);
  refuseUnusable(tarPath, facts, definitionDir);
  if (definitionDir !== undefined) {
    const dockerfileName = (await exists(join(definitionDir, 'Dockerfile.import'))) ? 'Dockerfile.import' : 'Dockerfile';
    const id = await importBuilder(runtime, { ref, tarPath, definitionDir, dockerfileName, sink, labels: { [LABELS.libc]: facts.libc } });
    return { id, facts, made: { definition: join(definitionDir, dockerfileName) } };
  }
  const id = await buildRootfsImage(runtime, {
    ref,
    dockerfile: join(options.imagesDir, 'rootfs', 'Dockerfile'),
    rootfsTar: tarPath,
    labels: farmLabels({ kind: 'builder', libc: facts.libc }),
    buildArgs: { STASIS_CC: facts.cc ?? 'cc', LIBC: facts.libc },
    sink,
  });
  return { id, facts, made: 'rootfs' };
}

function describe(tarPath: string, facts: RootfsFacts): string {
  const what = { stasis: 'a Stasis rootfs', alpine: 'an Alpine rootfs', other: 'a rootfs' }[facts.kind];
  return `${tarPath}: ${what} (libc ${facts.libc}, shell ${facts.shell ? '/bin/sh' : 'none'}, C compiler ${facts.cc ?? 'none'})`;
}

/**
 * A builder runs every build with /bin/sh; without a definition to install one it
 * also needs its own C compiler. What is missing is named, with the file.
 */
function refuseUnusable(tarPath: string, facts: RootfsFacts, definitionDir: string | undefined): void {
  const missing = [...(facts.shell ? [] : ['/bin/sh']), ...(definitionDir !== undefined || facts.cc !== undefined ? [] : ['C compiler (cc, tcc, gcc or clang on PATH)'])];
  if (missing.length === 0) return;
  throw new FarmError('BUILDER_UNUSABLE', `${tarPath} cannot be a builder: it has no ${missing.join(' and no ')}`, {
    hint:
      definitionDir === undefined
        ? `a builder needs /bin/sh and a C compiler: import a rootfs with both (a Stasis release tarball of a profile with tcc and busybox, such as tiny), or give ${tarPath} a definition that installs what it lacks: --definition DIR`
        : `the definition ${definitionDir} runs its steps with /bin/sh: ${tarPath} needs one`,
    data: { file: tarPath, kind: facts.kind, missing },
  });
}
