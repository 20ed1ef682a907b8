import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { openRootfsDirectory, openRootfsTarball, type RootfsImage } from '../boot/index.js';
import { FarmError } from '../errors/index.js';
import { exists } from '../fs/exists.js';
import { readReleaseManifest } from '../release/manifest.js';
import { readRootfsManifest } from '../rootfs/assemble.js';
import { workspacePaths, type StageName, type WorkspacePaths } from '../workspace/paths.js';
import type { CliContext } from './io.js';

/** The stage workspace whose preview `target` is (its tmp and logs are used); else the dev workspace. */
export function workspaceOf(root: string, target: string): WorkspacePaths {
  const stages: StageName[] = ['dev', 'a', 'b'];
  return stages.map((s) => workspacePaths(root, s)).find((p) => p.preview === target) ?? workspacePaths(root, 'dev');
}

/**
 * A rootfs to boot or to put on a disk, from what the user named: a release directory (its
 * manifest.yaml names the rootfs tarball), a rootfs tarball, or a rootfs directory with the farm's
 * manifest (a stage workspace's preview, ROOTFS.manifest.json, or --manifest).
 */
export async function openRootfs(ctx: CliContext, command: string, target: string, manifestFlag: string | undefined, defaulted: boolean): Promise<RootfsImage> {
  const st = await stat(target).catch(() => undefined);
  if (st === undefined) throw new FarmError('USAGE', `${command}: ${target} does not exist`, { hint: defaulted ? 'build first: stasis-farm build' : undefined });
  if (!st.isDirectory()) return openRootfsTarball(target);
  const release = await readReleaseManifest(target).catch(() => undefined);
  const tarball = release?.rootfs?.file;
  if (tarball !== undefined) return openRootfsTarball(join(target, tarball));
  const paths = workspaceOf(ctx.root, target);
  const manifestFile =
    manifestFlag !== undefined ? resolve(ctx.root, manifestFlag) : target === paths.preview ? paths.previewManifest : `${target.replace(/\/+$/, '')}.manifest.json`;
  const manifest = (await exists(manifestFile)) ? await readRootfsManifest(manifestFile) : undefined;
  if (manifest === undefined) {
    throw new FarmError('USAGE', `${command}: ${target} has no farm manifest (${manifestFile}); owners and modes cannot come from a rootless tree`, {
      hint: `${command} a stage workspace preview, pass --manifest FILE, or name a release directory or tarball`,
    });
  }
  return openRootfsDirectory(target, manifest);
}
