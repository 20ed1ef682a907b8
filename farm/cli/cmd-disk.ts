import { mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DISK_TOOLS_LIMITS, makeDisk } from '../disk/index.js';
import { parseSize } from '../disk/size.js';
import { workspacePaths } from '../workspace/paths.js';
import { configuredDefaults } from './defaults.js';
import { out, type CliContext } from './io.js';
import { openRootfs, workspaceOf } from './open-rootfs.js';
import type { ArgsOf } from './spec.js';
import { DEFAULT_DISK_SIZE, type DISK } from './spec-disk.js';

/** `stasis-farm disk [DIST|ROOTFS|TARBALL]`: a bootable disk image of it. */
export async function disk(ctx: CliContext, { values, positionals }: ArgsOf<typeof DISK>): Promise<number> {
  const size = parseSize(values.size ?? DEFAULT_DISK_SIZE, '--size');
  const bootSize = values['boot-size'] === undefined ? undefined : parseSize(values['boot-size'], '--boot-size');
  const swapSize = values['swap-size'] === undefined ? undefined : parseSize(values['swap-size'], '--swap-size');
  const defaulted = positionals[0] === undefined;
  const target = defaulted ? workspacePaths(ctx.root, 'dev').preview : resolve(ctx.root, positionals[0] as string);
  const paths = workspaceOf(ctx.root, target);
  const image = await openRootfs(ctx, 'disk', target, values.manifest, defaulted);
  const outFile = values.out === undefined ? join(dirname(paths.preview), 'disk', 'stasis.img') : resolve(ctx.root, values.out);
  await mkdir(dirname(outFile), { recursive: true });
  const result = await makeDisk({
    image,
    runtime: await ctx.runtime(),
    out: outFile,
    size,
    bootSize,
    swapSize,
    kernel: values.kernel === undefined ? undefined : resolve(ctx.root, values.kernel),
    tmpDir: paths.tmp,
    sourceDateEpoch: (await configuredDefaults(ctx)).sde,
    limits: DISK_TOOLS_LIMITS,
    sink: ctx.sink,
    signal: ctx.signal,
  });
  if (ctx.json) out(ctx, JSON.stringify({ image: result.out, sha256: result.sha256, sidecar: result.sidecar, partitions: result.layout.partitions }));
  else out(ctx, `disk ${result.out}: ${Math.round(result.layout.bytes / 1024 / 1024)} MiB, sha256 ${result.sha256}\nlayout: ${result.sidecar}`);
  return 0;
}
