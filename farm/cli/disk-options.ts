import { resolve } from 'node:path';
import type { RootfsImage } from '../boot/index.js';
import { DISK_TOOLS_LIMITS, type DiskOptions } from '../disk/index.js';
import { parseSize } from '../disk/size.js';
import { configuredDefaults } from './defaults.js';
import type { CliContext } from './io.js';
import { DEFAULT_DISK_SIZE } from './spec-disk.js';

/** The options `disk` and `install` share. */
interface DiskValues {
  readonly size?: string;
  readonly 'boot-size'?: string;
  readonly 'swap-size'?: string;
  readonly kernel?: string;
}

/** --size, --boot-size and --swap-size, in bytes. */
export function diskSizes(values: DiskValues): { readonly size: number; readonly bootSize: number | undefined; readonly swapSize: number | undefined } {
  const optional = (text: string | undefined, what: string): number | undefined => (text === undefined ? undefined : parseSize(text, what));
  return {
    size: parseSize(values.size ?? DEFAULT_DISK_SIZE, '--size'),
    bootSize: optional(values['boot-size'], '--boot-size'),
    swapSize: optional(values['swap-size'], '--swap-size'),
  };
}

/** What makeDisk needs from the command line and the project, for an image of `image` at `out`. */
export async function diskOptions(
  ctx: CliContext,
  values: DiskValues,
  o: { readonly image: RootfsImage; readonly out: string; readonly tmpDir: string },
): Promise<DiskOptions> {
  return {
    ...o,
    ...diskSizes(values),
    runtime: await ctx.runtime(),
    kernel: values.kernel === undefined ? undefined : resolve(ctx.root, values.kernel),
    sourceDateEpoch: (await configuredDefaults(ctx)).sde,
    limits: DISK_TOOLS_LIMITS,
    sink: ctx.sink,
    signal: ctx.signal,
  };
}
