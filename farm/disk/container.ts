import { FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import { farmLabels } from '../runtime/labels.js';
import { firstFile } from '../tar/first-file.js';
import type { Container, ContainerRuntime, ContainerSpec } from '../runtime/port.js';
import type { Readable } from 'node:stream';

export interface ToolsRun {
  readonly runtime: ContainerRuntime;
  /** The image made from the rootfs: the tools that run are the rootfs's own. */
  readonly image: string;
  readonly limits: ContainerSpec['limits'];
  readonly sink: EventSink;
  readonly signal: AbortSignal;
  readonly sourceDateEpoch: number;
  /** The script to run (put in with the inputs). */
  readonly script: string;
  /** For messages: disk, boot --disk. */
  readonly what: string;
  readonly timeoutMs?: number;
}

/** The tools container's limits: sfdisk, mke2fs, grub-mkimage and debugfs need little. */
export const DISK_TOOLS_LIMITS = { memoryBytes: 2 * 1024 ** 3, pids: 1024, logBytes: 16 * 1024 * 1024 };

/** Lines the scripts print for the user (the rest goes to the error's tail when they fail). */
const STEP = /^stasis-disk: /;

/**
 * Run a script in a container of the tools image (network none, no capabilities, as every
 * farm container), its inputs put in first; then hand the stopped container to `take`.
 * The container is removed however this ends.
 */
export async function runInContainer<T>(o: ToolsRun, inputs: readonly (readonly [string, Readable])[], take: (container: Container) => Promise<T>): Promise<T> {
  await using container = await o.runtime.createContainer({
    image: o.image,
    cmd: ['/bin/sh', o.script],
    env: { SOURCE_DATE_EPOCH: String(o.sourceDateEpoch), TZ: 'UTC', LC_ALL: 'C' },
    workdir: '/',
    hostname: 'stasis-disk',
    labels: farmLabels({ kind: o.what === 'disk' ? 'disk' : 'disk-check' }),
    limits: o.limits,
  });
  for (const [path, tar] of inputs) await container.putArchive(path, tar);
  const lines: string[] = [];
  let partial = '';
  const status = await container.run({
    timeoutMs: o.timeoutMs ?? 30 * 60_000,
    signal: o.signal,
    onOutput: (chunk) => {
      const parts = (partial + chunk.toString('utf8')).split('\n');
      partial = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (STEP.test(line)) o.sink({ type: 'info', message: line.replace(STEP, `${o.what}: `) });
      }
    },
  });
  if (partial !== '') lines.push(partial);
  if (status.exitCode !== 0 || status.timedOut) {
    const why = status.timedOut ? 'timed out' : status.oomKilled ? 'was killed by the OOM killer' : `exited ${status.exitCode}`;
    throw new FarmError('DISK_FAILED', `${o.what}: the tools container (${o.image}) ${why}:\n${lines.slice(-20).join('\n')}`, {
      hint: 'the lines above are the end of its output',
    });
  }
  return await take(container);
}

/** The bytes of one small file of a stopped container. */
export async function takeFile(container: Container, path: string): Promise<Buffer> {
  const body = await firstFile(await container.getArchive(path));
  if (body === undefined) throw new FarmError('DISK_FAILED', `the tools container has no file ${path}`);
  return body;
}
