import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bootDisk, bootImage, nodeBootHost, VERDICT_EXIT, type BootReport } from '../boot/index.js';
import { checkedCopy, DISK_TOOLS_LIMITS, readSidecar } from '../disk/index.js';
import { FarmError } from '../errors/index.js';
import { workspacePaths } from '../workspace/paths.js';
import { openRootfs, workspaceOf } from './open-rootfs.js';
import { intFlag } from './args.js';
import { configuredDefaults } from './defaults.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import { DEFAULT_TIMEOUT_S, type BOOT } from './spec-boot.js';

/** `stasis-farm boot [ROOTFS|TARBALL]`: boot it in qemu and check it from inside. */
export async function boot(ctx: CliContext, { values, positionals }: ArgsOf<typeof BOOT>): Promise<number> {
  const timeoutSeconds = intFlag(values.timeout, 'timeout') ?? DEFAULT_TIMEOUT_S;
  if (values.disk !== undefined) {
    if (positionals[0] !== undefined || values.kernel !== undefined || values.manifest !== undefined) {
      throw new FarmError('USAGE', 'boot --disk IMAGE boots the image alone: no ROOTFS|TARBALL, --kernel or --manifest with it', {
        hint: "the disk's kernel is the one its grub.cfg names",
      });
    }
    return bootFromDisk(ctx, resolve(ctx.root, values.disk), timeoutSeconds, values.net === true);
  }
  const defaulted = positionals[0] === undefined;
  const target = defaulted ? workspacePaths(ctx.root, 'dev').preview : resolve(ctx.root, positionals[0] as string);
  const paths = workspaceOf(ctx.root, target);
  const image = await openRootfs(ctx, 'boot', target, values.manifest, defaulted);
  const report = await bootImage({
    image,
    host: nodeBootHost(ctx.env),
    kernel: values.kernel === undefined ? undefined : resolve(ctx.root, values.kernel),
    env: ctx.env,
    tmpDir: paths.tmp,
    logDir: paths.logs,
    sourceDateEpoch: (await configuredDefaults(ctx)).sde,
    timeoutSeconds,
    net: values.net === true,
    sink: ctx.sink,
    signal: ctx.signal,
  });
  const code = VERDICT_EXIT[report.verdict.kind];
  if (ctx.json) out(ctx, JSON.stringify({ ...report, exit_code: code }));
  return code;
}

/** `boot --disk IMAGE`: the image booted through its GRUB, a copy with the check service added. */
async function bootFromDisk(ctx: CliContext, image: string, timeoutSeconds: number, net: boolean): Promise<number> {
  const sidecar = await readSidecar(image);
  const paths = workspacePaths(ctx.root, 'dev');
  const sde = (await configuredDefaults(ctx)).sde;
  let copy: string | undefined;
  try {
    const report: BootReport = await bootDisk({
      plan: sidecar.check,
      host: nodeBootHost(ctx.env),
      logDir: paths.logs,
      timeoutSeconds,
      net,
      sink: ctx.sink,
      signal: ctx.signal,
      checkedCopy: async (script) => {
        copy = await checkedCopy({
          runtime: await ctx.runtime(),
          image,
          sidecar,
          script,
          tmpDir: paths.tmp,
          sourceDateEpoch: sde,
          limits: DISK_TOOLS_LIMITS,
          sink: ctx.sink,
          signal: ctx.signal,
        });
        return copy;
      },
    });
    const code = VERDICT_EXIT[report.verdict.kind];
    if (ctx.json) out(ctx, JSON.stringify({ ...report, disk: image, exit_code: code }));
    return code;
  } finally {
    if (copy !== undefined) await rm(copy, { force: true });
  }
}
