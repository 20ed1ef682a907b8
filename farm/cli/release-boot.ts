import { resolve } from 'node:path';
import { bootImage, nodeBootHost, openRootfsDirectory, VERDICT_EXIT } from '../boot/index.js';
import { sha256File } from '../fs/hash.js';
import type { ReleaseBootStep } from '../release/release.js';
import type { CliContext } from './io.js';

/**
 * The release's boot step: stage B's rootfs booted under qemu with the given
 * kernel, as `stasis-farm boot` would. Undefined without `--kernel`: the
 * manifest then says the boot did not run. (STASIS_KERNEL alone does not
 * boot a release: not every profile has an init to boot.)
 */
export function releaseBootStep(ctx: CliContext, kernelFlag: string | undefined, timeoutSeconds: number): ReleaseBootStep | undefined {
  if (kernelFlag === undefined) return undefined;
  const kernel = resolve(ctx.root, kernelFlag);
  return async (rootfs) => {
    const report = await bootImage({
      image: openRootfsDirectory(rootfs.dir, rootfs.entries),
      host: nodeBootHost(ctx.env),
      kernel,
      env: ctx.env,
      tmpDir: rootfs.tmpDir,
      logDir: rootfs.logDir,
      sourceDateEpoch: rootfs.sourceDateEpoch,
      timeoutSeconds,
      sink: ctx.sink,
      signal: ctx.signal,
    });
    const v = report.verdict;
    const checks = v.kind === 'pass' || v.kind === 'check-failed' ? v.checks.map((c) => ({ name: c.name, ok: c.ok })) : [];
    return {
      pass: v.kind === 'pass',
      verdict: v.kind,
      exitCode: VERDICT_EXIT[v.kind],
      kernel: report.kernel === undefined ? undefined : { file: report.kernel.split('/').pop() ?? report.kernel, sha256: await sha256File(report.kernel) },
      accel: report.accel,
      ms: report.ms,
      log: report.log,
      checks,
    };
  };
}
