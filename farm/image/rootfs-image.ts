import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pack } from 'tar-stream';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime } from '../runtime/port.js';

/** The name of the rootfs in the build context: a Dockerfile's `ADD rootfs.tar /` unpacks it (plain, gzip, bzip2 or xz). */
export const ROOTFS_IN_CONTEXT = 'rootfs.tar';

export interface RootfsImageOptions {
  readonly ref: string;
  /** A Dockerfile whose context is itself and the rootfs (Dockerfile.stage, images/rootfs/Dockerfile). */
  readonly dockerfile: string;
  /** The rootfs tarball on disk, streamed into the context as it is. */
  readonly rootfsTar: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly buildArgs: Readonly<Record<string, string>>;
  readonly sink: EventSink;
}

/**
 * Make an image of a rootfs tarball and a Dockerfile (FROM scratch, ADD rootfs.tar /,
 * the environment and labels it declares), built through the engine with network
 * none: how stage images and builders imported from a Stasis rootfs are made.
 */
export async function buildRootfsImage(runtime: ContainerRuntime, options: RootfsImageOptions): Promise<string> {
  const dockerfile = await readFile(options.dockerfile);
  const size = (await stat(options.rootfsTar)).size;
  const context = pack();
  context.entry({ name: 'Dockerfile', size: dockerfile.length, mode: 0o644, mtime: new Date(0) }, dockerfile);
  const body = context.entry({ name: ROOTFS_IN_CONTEXT, size, mode: 0o644, mtime: new Date(0) });
  void (async () => {
    const sink = body as unknown as NodeJS.WritableStream;
    for await (const chunk of createReadStream(options.rootfsTar)) {
      if (!sink.write(chunk as Buffer)) await new Promise((resolve) => sink.once('drain', resolve));
    }
    sink.end();
    context.finalize();
  })().catch((error: unknown) => context.destroy(error as Error));
  return runtime.buildImage(context as unknown as Readable, options.ref, {
    dockerfile: 'Dockerfile',
    labels: options.labels,
    buildArgs: options.buildArgs,
    onOutput: (line) => options.sink({ type: 'image-progress', ref: options.ref, line }),
  });
}
