import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bootImage, nodeBootHost, openRootfsDirectory, openRootfsTarball, VERDICT_EXIT, type RootfsImage } from '../boot/index.js';
import { FarmError } from '../errors/index.js';
import { exists } from '../fs/exists.js';
import { readRootfsManifest } from '../rootfs/assemble.js';
import { workspacePaths, type StageName, type WorkspacePaths } from '../workspace/paths.js';
import { intFlag } from './args.js';
import { configuredDefaults } from './defaults.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import { DEFAULT_TIMEOUT_S, type BOOT } from './spec-boot.js';

/** The stage workspace whose preview `target` is (its tmp and logs are used); else the dev workspace. */
function workspaceOf(root: string, target: string): WorkspacePaths {
  const stages: StageName[] = ['dev', 'a', 'b'];
  return stages.map((s) => workspacePaths(root, s)).find((p) => p.preview === target) ?? workspacePaths(root, 'dev');
}

async function openImage(ctx: CliContext, target: string, manifestFlag: string | undefined, paths: WorkspacePaths, defaulted: boolean): Promise<RootfsImage> {
  const st = await stat(target).catch(() => undefined);
  if (st === undefined) throw new FarmError('USAGE', `boot: ${target} does not exist`, { hint: defaulted ? 'build first: stasis-farm build' : undefined });
  if (!st.isDirectory()) return openRootfsTarball(target);
  const manifestFile =
    manifestFlag !== undefined ? resolve(ctx.root, manifestFlag) : target === paths.preview ? paths.previewManifest : `${target.replace(/\/+$/, '')}.manifest.json`;
  const manifest = (await exists(manifestFile)) ? await readRootfsManifest(manifestFile) : undefined;
  if (manifest === undefined) {
    throw new FarmError('USAGE', `boot: ${target} has no farm manifest (${manifestFile}); owners and modes cannot come from a rootless tree`, {
      hint: 'boot a stage workspace preview, pass --manifest FILE, or boot a release tarball',
    });
  }
  return openRootfsDirectory(target, manifest);
}

/** `stasis-farm boot [ROOTFS|TARBALL]`: boot it in qemu and check it from inside. */
export async function boot(ctx: CliContext, { values, positionals }: ArgsOf<typeof BOOT>): Promise<number> {
  const timeoutSeconds = intFlag(values.timeout, 'timeout') ?? DEFAULT_TIMEOUT_S;
  const defaulted = positionals[0] === undefined;
  const target = defaulted ? workspacePaths(ctx.root, 'dev').preview : resolve(ctx.root, positionals[0] as string);
  const paths = workspaceOf(ctx.root, target);
  const image = await openImage(ctx, target, values.manifest, paths, defaulted);
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
