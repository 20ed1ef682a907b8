import { cp, mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { FarmError } from '../errors/index.js';
import { FARM_VERSION } from '../version.js';
import { workspacePaths } from '../workspace/paths.js';
import { readReleaseManifest, type ReleaseManifest } from './manifest.js';
import { hashRecipeTree, RECIPE_TREE } from './recipe-tree.js';
import { runRelease, type ReleaseOptions, type ReleaseResult, type StageRun } from './release.js';

export type Verdict = 'same' | 'different' | 'not built';

export interface PackageChallenge {
  readonly name: string;
  readonly dev: Verdict;
  readonly a: Verdict;
  readonly b: Verdict;
}

export interface ChallengeResult {
  readonly manifest: ReleaseManifest;
  /** The copy of the recipe tree the release was rebuilt in. */
  readonly workRoot: string;
  readonly release: ReleaseResult;
  readonly packages: readonly PackageChallenge[];
  /** The rootfs tar's sha256: recorded, and rebuilt (undefined when the rebuild wrote no dist/). */
  readonly rootfs: { readonly recorded: string | undefined; readonly rebuilt: string | undefined };
  /**
   * The dev builder's image id: the release's and this rebuild's. `diverse` when the rebuild was
   * asked to use another builder (--builder) and did: a diverse double-compile, whose dev outputs
   * may differ (another compiler made them) and are not judged; stage A and B must still be the same.
   */
  readonly builder: { readonly recorded: string | undefined; readonly here: string | undefined; readonly diverse: boolean };
  /** Every judged output the same: each package in every judged stage, and the rootfs tar. */
  readonly same: boolean;
}

export interface ChallengeOptions extends Omit<ReleaseOptions, 'root' | 'profile' | 'boot' | 'gitCommit' | 'storeDir'> {
  /** The project here: its recipe tree must be the one the release records. */
  readonly root: string;
  readonly distDir: string;
  /** Where the recipe tree is copied and rebuilt (cleared first). */
  readonly workDir: string;
}

/** Whether a package came out as the release recorded it: in stage A and B, and in dev unless another builder (`diverse`) made dev. */
export function reproduced(p: PackageChallenge, diverse: boolean): boolean {
  return (diverse || p.dev === 'same') && p.a === 'same' && p.b === 'same';
}

/** Per package and stage: the output this machine built against the one the manifest records. */
export function judgePackages(manifest: ReleaseManifest, stages: readonly StageRun[]): PackageChallenge[] {
  const built = (stage: 'dev' | 'a' | 'b', pkg: string): string | undefined => stages.find((s) => s.stage === stage)?.outcome.result.entries.get(pkg)?.meta.outputSha256;
  const verdict = (stage: 'dev' | 'a' | 'b', pkg: string, recorded: string | undefined): Verdict => {
    const got = built(stage, pkg);
    return got === undefined ? 'not built' : got === recorded ? 'same' : 'different';
  };
  return (manifest.packages ?? []).map((p) => ({
    name: p.name,
    dev: verdict('dev', p.name, p.output_sha256?.dev),
    a: verdict('a', p.name, p.output_sha256?.a),
    b: verdict('b', p.name, p.output_sha256?.b),
  }));
}

/**
 * Rebuild a release on this machine from what its manifest records (recipe
 * tree, profile, SOURCE_DATE_EPOCH) and judge every package's output against
 * it. The recipe tree here must be the recorded one; the rebuild runs in a copy
 * of it under `workDir`, never in the project's own workspaces or the dist/.
 * With `builder`, the dev stage runs in that image instead (diverse
 * double-compiling, David A. Wheeler): its outputs are reported, not judged.
 */
export async function challengeRelease(options: ChallengeOptions): Promise<ChallengeResult> {
  const manifest = await readReleaseManifest(options.distDir);
  if (manifest?.packages === undefined) throw new FarmError('USAGE', `${options.distDir}: no release manifest.yaml there`);
  const recorded = manifest.recipe_tree?.sha256;
  if (recorded === undefined) {
    throw new FarmError('CHALLENGE_REFUSED', `${options.distDir}: the manifest records no recipe tree, so what to rebuild is unknown`, {
      hint: 'releases record recipe_tree since stasis-farm 0.1.0 with `challenge`; rebuild it with a newer farm',
    });
  }
  const here = await hashRecipeTree(options.root);
  if (here.sha256 !== recorded) {
    const commit = manifest.recipe_tree?.git_commit;
    throw new FarmError('CHALLENGE_REFUSED', `the recipe tree in ${options.root} (sha256 ${here.sha256}) is not the one the release was built from (${recorded})`, {
      hint: `${commit === undefined ? 'get the recipe tree the release was made from' : `check out ${commit}`}: ${RECIPE_TREE.join(', ')} must be byte-identical`,
    });
  }
  if (manifest.farm_version !== FARM_VERSION) {
    options.sink({
      type: 'warn',
      message: `the release was made by stasis-farm ${manifest.farm_version ?? '?'}, this is ${FARM_VERSION}: outputs may differ for that reason alone`,
    });
  }
  const workRoot = join(options.workDir, 'tree');
  await rm(options.workDir, { recursive: true, force: true });
  await mkdir(workRoot, { recursive: true });
  for (const part of RECIPE_TREE) await cp(join(options.root, part), join(workRoot, part), { recursive: true, verbatimSymlinks: true });
  const release = await runRelease({
    ...options,
    root: workRoot,
    profile: manifest.profile,
    storeDir: workspacePaths(options.root, 'dev').store,
  });
  const packages = judgePackages(manifest, release.stages);
  const rootfs = { recorded: manifest.rootfs?.tar_sha256, rebuilt: release.dist?.rootfsSha256 };
  const builtIn = release.stages[0]?.outcome.builder.id;
  const builder = { recorded: manifest.builder_image?.id, here: builtIn, diverse: options.builder !== undefined && builtIn !== manifest.builder_image?.id };
  const same = packages.every((p) => reproduced(p, builder.diverse)) && rootfs.rebuilt === rootfs.recorded;
  return { manifest, workRoot, release, packages, rootfs, builder, same };
}
