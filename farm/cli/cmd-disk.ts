import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { makeDisk } from '../disk/index.js';
import { FarmError } from '../errors/index.js';
import { workspacePaths } from '../workspace/paths.js';
import { out, type CliContext } from './io.js';
import { openRootfs, workspaceOf } from './open-rootfs.js';
import type { ArgsOf } from './spec.js';
import { diskOptions, diskSizes } from './disk-options.js';
import type { DISK } from './spec-disk.js';

/** `stasis-farm disk [DIST|ROOTFS|TARBALL]`: a bootable disk image of it. */
export async function disk(ctx: CliContext, { values, positionals }: ArgsOf<typeof DISK>): Promise<number> {
  diskSizes(values); // a bad size is refused before anything is opened
  const defaulted = positionals[0] === undefined;
  const target = defaulted ? workspacePaths(ctx.root, 'dev').preview : resolve(ctx.root, positionals[0] as string);
  const paths = workspaceOf(ctx.root, target);
  const image = await openRootfs(ctx, 'disk', target, values.manifest, defaulted);
  const outFile = values.out === undefined ? join(dirname(paths.preview), 'disk', 'stasis.img') : resolve(ctx.root, values.out);
  if (values.out === undefined) await mkdir(dirname(outFile), { recursive: true });
  else if (!(await stat(dirname(outFile)).catch(() => undefined))?.isDirectory()) {
    throw new FarmError('USAGE', `disk: --out ${values.out}: ${dirname(outFile)} is not a directory`);
  }
  const result = await makeDisk(await diskOptions(ctx, values, { image, out: outFile, tmpDir: paths.tmp }));
  if (ctx.json) out(ctx, JSON.stringify({ image: result.out, sha256: result.sha256, sidecar: result.sidecar, partitions: result.layout.partitions }));
  else out(ctx, `disk ${result.out}: ${Math.round(result.layout.bytes / 1024 / 1024)} MiB, sha256 ${result.sha256}\nlayout: ${result.sidecar}`);
  return 0;
}
