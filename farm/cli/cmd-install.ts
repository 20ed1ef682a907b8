import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { makeDisk, sidecarPath } from '../disk/index.js';
import { checkTarget, hostTargetProbe, writeToTarget, type TargetProbe } from '../disk/install.js';
import { out, type CliContext } from './io.js';
import { openRootfs, workspaceOf } from './open-rootfs.js';
import type { ArgsOf } from './spec.js';
import { diskOptions, diskSizes } from './disk-options.js';
import type { INSTALL } from './spec-install.js';

/** `stasis-farm install DIST --target DEVICE`: the disk image, written to a whole disk after every guard. */
export async function install(ctx: CliContext, args: ArgsOf<typeof INSTALL>, probe: TargetProbe = hostTargetProbe): Promise<number> {
  const { values, positionals } = args;
  const { size } = diskSizes(values);
  const source = resolve(ctx.root, positionals[0] as string);
  const image = await openRootfs(ctx, 'install', source, values.manifest, false);
  const device = await checkTarget(values.target, probe, { force: values.force === true, bytes: size });
  const paths = workspaceOf(ctx.root, source);
  const file = join(paths.tmp, `install-${process.pid}.img`);
  try {
    const made = await makeDisk(await diskOptions(ctx, values, { image, out: file, tmpDir: paths.tmp }));
    ctx.sink({ type: 'info', message: `install: writing ${Math.round(size / 1024 / 1024)} MiB to ${device}` });
    await writeToTarget(file, device, size, made.sha256);
    out(
      ctx,
      ctx.json ? JSON.stringify({ device, sha256: made.sha256, partitions: made.layout.partitions }) : `installed on ${device}: sha256 ${made.sha256} (read back)`,
    );
    return 0;
  } finally {
    await rm(file, { force: true });
    await rm(sidecarPath(file), { force: true });
  }
}
