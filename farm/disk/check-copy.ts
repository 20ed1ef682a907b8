import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pack } from 'tar-stream';
import type { Readable } from 'node:stream';
import { CHECK_SERVICE } from '../boot/additions.js';
import { FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime, ContainerSpec } from '../runtime/port.js';
import { skeletonTar } from '../tar/skeleton.js';
import { runInContainer } from './container.js';
import { DISK_DIR, IMAGE_IN_CONTAINER } from './script.js';
import type { DiskSidecar } from './sidecar.js';
import { writeImageFromTar } from './write-image.js';

export interface CheckCopyOptions {
  readonly runtime: ContainerRuntime;
  readonly image: string;
  readonly sidecar: DiskSidecar;
  /** The check service's run script (boot's checkScript). */
  readonly script: string;
  readonly tmpDir: string;
  readonly sourceDateEpoch: number;
  readonly limits: ContainerSpec['limits'];
  readonly sink: EventSink;
  readonly signal: AbortSignal;
}

/** debugfs's commands adding the check service to the root filesystem (as s6-linux-init's run-image has it). */
function debugfsCommands(): string {
  const dir = `/${CHECK_SERVICE}`;
  return [`mkdir ${dir}`, `cd ${dir}`, `write ${DISK_DIR}/run run`, 'sif run mode 0100755', 'sif run uid 0', 'sif run gid 0', `sif ${dir} mode 040755`, ''].join('\n');
}

/** One file as a tar stream (the image into the container). */
function fileTar(name: string, path: string, size: number): Readable {
  const p = pack();
  const entry = p.entry({ name, size, mode: 0o644, mtime: new Date(0) }, (err) => (err ? p.destroy(err) : p.finalize()));
  createReadStream(path)
    .on('error', (error) => p.destroy(error))
    .pipe(entry);
  return p as unknown as Readable;
}

/**
 * A copy of a disk image with the boot check's service added to its root filesystem, made with
 * the rootfs's own debugfs in its tools image (the one that made the disk), and checked with
 * e2fsck. The image itself is only read. Returns the copy's path, in `tmpDir`.
 */
export async function checkedCopy(o: CheckCopyOptions): Promise<string> {
  const root = o.sidecar.partitions.find((p) => p.role === 'root');
  if (root === undefined) throw new FarmError('USAGE', `${o.image}: its layout (${o.image}.json) has no root partition`);
  if ((await o.runtime.inspectImage(o.sidecar.tools_image)) === undefined) {
    throw new FarmError('IMAGE_MISSING', `boot --disk: the tools image ${o.sidecar.tools_image} that made ${o.image} is gone`, {
      hint: 'make the disk image again with stasis-farm disk (it keeps its tools image)',
    });
  }
  const size = (await stat(o.image)).size;
  if (size !== o.sidecar.bytes) throw new FarmError('USAGE', `${o.image} is ${size} bytes, its layout says ${o.sidecar.bytes}: not the image stasis-farm disk made`);
  await mkdir(o.tmpDir, { recursive: true });
  const copy = join(o.tmpDir, `disk-check-${process.pid}.img`);
  await rm(copy, { force: true });
  const inject = [
    '#!/bin/sh',
    'set -eu',
    'PATH=/usr/bin:/usr/sbin:/bin:/sbin',
    `debugfs -w -f ${DISK_DIR}/commands "${IMAGE_IN_CONTAINER}?offset=${root.start}"`,
    `e2fsck -fn "${IMAGE_IN_CONTAINER}?offset=${root.start}"`,
    'echo "stasis-disk: check service added"',
    '',
  ].join('\n');
  o.sink({ type: 'info', message: `boot --disk: adding the check service to a copy of ${o.image}` });
  await runInContainer(
    {
      runtime: o.runtime,
      image: o.sidecar.tools_image,
      limits: o.limits,
      sink: o.sink,
      signal: o.signal,
      sourceDateEpoch: o.sourceDateEpoch,
      script: `${DISK_DIR}/inject.sh`,
      what: 'boot --disk',
    },
    [
      [
        '/',
        skeletonTar(
          [DISK_DIR.slice(1)],
          [
            { name: `${DISK_DIR.slice(1)}/inject.sh`, data: inject, mode: 0o755 },
            { name: `${DISK_DIR.slice(1)}/commands`, data: debugfsCommands(), mode: 0o644 },
            { name: `${DISK_DIR.slice(1)}/run`, data: o.script, mode: 0o755 },
          ],
          o.sourceDateEpoch,
        ),
      ],
      [DISK_DIR, fileTar('disk.img', o.image, size)],
    ],
    async (container) => writeImageFromTar(await container.getArchive(IMAGE_IN_CONTAINER), copy, size, []),
  );
  return copy;
}
