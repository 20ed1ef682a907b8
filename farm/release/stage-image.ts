import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { buildRootfsImage } from '../image/rootfs-image.js';
import type { EventSink } from '../report/events.js';
import { packRootfs } from '../rootfs/pack.js';
import type { RootfsEntry } from '../rootfs/merge.js';
import { farmLabels } from '../runtime/labels.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { StageName } from '../workspace/paths.js';

export interface StageImage {
  readonly ref: string;
  readonly id: string;
  readonly rootfsSha256: string;
}

const REF = /^stasis-stage:(dev|a|b)-[0-9a-f]{12}-([0-9a-f]{12})$/;

/**
 * The tag of the stage image for `stage` built from a rootfs, in the workspace
 * `workspaceId` (WorkspacePaths.id): `stasis-stage:<stage>-<rootfs sha256, 12 hex>-<workspace id>`.
 * The workspace is in the tag, never in a label: a label is part of the image's
 * config, hence of its id (every stage package's `builderImage` key input), and
 * the id must not depend on where the project is checked out. A tag is not.
 */
export function stageImageRef(stage: StageName, rootfsSha256: string, workspaceId: string): string {
  if (!/^[0-9a-f]{64}$/.test(rootfsSha256) || !/^[0-9a-f]{12}$/.test(workspaceId))
    throw new Error(`stageImageRef: not a rootfs sha256 and a workspace id: ${rootfsSha256}, ${workspaceId}`);
  return `stasis-stage:${stage}-${rootfsSha256.slice(0, 12)}-${workspaceId}`;
}

/**
 * The stage and workspace a tag made by stageImageRef names; undefined for any
 * other reference (older farms' `stasis-stage:<stage>-<sha>` included).
 */
export function parseStageImageRef(ref: string): { readonly stage: StageName; readonly workspaceId: string } | undefined {
  const m = REF.exec(ref);
  return m === null ? undefined : { stage: m[1] as StageName, workspaceId: m[2] as string };
}

/**
 * Turn an assembled rootfs into a stage image with Dockerfile.stage
 * (FROM scratch + the rootfs), built through the engine with network none
 * (image/rootfs-image.ts, which also makes builders of imported Stasis rootfs tarballs).
 */
export async function buildStageImage(
  runtime: ContainerRuntime,
  options: {
    readonly stage: StageName;
    readonly previewDir: string;
    readonly entries: readonly RootfsEntry[];
    readonly sourceDateEpoch: number;
    readonly dockerfile: string;
    readonly tmpDir: string;
    readonly runId: string;
    /** The workspace that will build in the image (its WorkspacePaths.id): in the tag only, so `gc` finds the project's own images. */
    readonly workspaceId: string;
    readonly sink: EventSink;
  },
): Promise<StageImage> {
  await mkdir(options.tmpDir, { recursive: true });
  const rootfsTar = join(options.tmpDir, `stage-${options.stage}-rootfs.tar`);
  const hash = createHash('sha256');
  try {
    await pipeline(
      packRootfs(options.previewDir, options.entries, options.sourceDateEpoch),
      new Transform({
        transform(chunk: Buffer, _e, cb) {
          hash.update(chunk);
          cb(null, chunk);
        },
      }),
      createWriteStream(rootfsTar),
    );
    const rootfsSha256 = hash.digest('hex');
    const ref = stageImageRef(options.stage, rootfsSha256, options.workspaceId);
    const id = await buildRootfsImage(runtime, {
      ref,
      dockerfile: options.dockerfile,
      rootfsTar,
      labels: farmLabels({ kind: 'stage', stage: options.stage, run: options.runId, rootfs: rootfsSha256 }),
      // The toolchain (STASIS_CC, STASIS_TOOLCHAIN_FLAGS) is the Dockerfile's to declare.
      buildArgs: { STAGE: options.stage, ROOTFS_SHA256: rootfsSha256 },
      sink: options.sink,
    });
    return { ref, id, rootfsSha256 };
  } finally {
    await rm(rootfsTar, { force: true });
  }
}
