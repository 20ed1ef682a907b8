import type { AuditReport } from '../audit/index.js';
import type { BuildOutcome } from '../project/build.js';
import type { Project } from '../project/load.js';
import { FARM_VERSION } from '../version.js';
import type { Comparison } from './compare.js';
import type { RecipeTree } from './recipe-tree.js';
import { makeSpdx } from './sbom.js';
import type { StageImage } from './stage-image.js';

/** What booting stage B's rootfs found (see farm/boot); recorded in manifest.yaml. */
export interface ReleaseBootRecord {
  readonly pass: boolean;
  /** The verdict's kind: pass, check-failed, kernel-panic, timeout, ... */
  readonly verdict: string;
  readonly exitCode: number;
  readonly kernel: { readonly file: string; readonly sha256: string } | undefined;
  readonly accel: string | undefined;
  readonly ms: number;
  /** The serial console log (shipped in dist/ as boot-serial.log). */
  readonly log: string | undefined;
  readonly checks: readonly { readonly name: string; readonly ok: boolean }[];
}

/** The parts of a stage's run that the release's records name (a StageRun is one). */
export interface StageBuild {
  readonly project: Project;
  readonly outcome: BuildOutcome;
}

/** Everything manifest.yaml records of a release that passed its comparison and audit. */
export interface ManifestInput {
  readonly name: string;
  readonly tree: RecipeTree;
  readonly gitCommit: string | undefined;
  readonly runs: { readonly dev: StageBuild; readonly a: StageBuild; readonly b: StageBuild };
  readonly stageImages: Readonly<Record<string, StageImage>>;
  readonly devVsA: Comparison;
  readonly aVsB: Comparison;
  readonly audit: AuditReport;
  readonly boot: ReleaseBootRecord | undefined;
}

/** The release's manifest.yaml (writeDist adds the rootfs tarball's name and hash). */
export function releaseManifest(input: ManifestInput): Record<string, unknown> {
  const { runs, tree, audit, aVsB, devVsA } = input;
  const { builder } = runs.dev.outcome;
  return {
    release: input.name,
    farm_version: FARM_VERSION,
    profile: runs.b.project.profile.name,
    source_date_epoch: runs.b.project.config.defaults.sourceDateEpoch,
    recipe_tree: { sha256: tree.sha256, files: tree.files, ...(input.gitCommit === undefined ? {} : { git_commit: input.gitCommit }) },
    // The dev stage's builder; libc says whether dev ran on a glibc host (the Debian builder's
    // musl-gcc) or a musl one (a Stasis or Alpine rootfs): stages A and B always run on Stasis.
    builder_image: { ref: builder.ref, id: builder.id, cc: builder.cc, libc: builder.libc },
    stage_images: Object.fromEntries(Object.entries(input.stageImages).map(([k, v]) => [k, { ref: v.ref, id: v.id, rootfs_sha256: v.rootfsSha256 }])),
    boot: bootSection(input.boot),
    audit: { verdict: 'clean', files: audit.files, elf_files: audit.elfFiles, allowed: audit.allowed.map((f) => `${f.rule} /${f.path}: ${f.reason}`) },
    comparison: {
      a_vs_b: aVsB.pass ? 'identical' : 'different',
      excluded: aVsB.different.filter((d) => d.excluded).map((d) => d.name),
      dev_vs_a_identical: devVsA.identical.length,
      dev_vs_a_different: devVsA.different.map((d) => d.name),
    },
    packages: packagesSection(runs),
  };
}

/** Stage B's SPDX document, once the rootfs tarball's hash is known. */
export function releaseSbom(name: string, b: StageBuild, rootfsSha256: string): Record<string, unknown> {
  return makeSpdx({
    name,
    rootfsSha256,
    sourceDateEpoch: b.project.config.defaults.sourceDateEpoch,
    farmVersion: FARM_VERSION,
    packages: b.project.order.order.map((pkg) => ({
      evaluated: b.project.recipes.get(pkg) as NonNullable<ReturnType<typeof b.project.recipes.get>>,
      outputSha256: outputOf(b, pkg) ?? '',
    })),
  });
}

function bootSection(boot: ReleaseBootRecord | undefined): Record<string, unknown> {
  // A release made without booting says so, and how to boot it next time.
  if (boot === undefined) return { verdict: 'not run', hint: 'release --kernel FILE boots stage B under qemu before dist/ is written' };
  return {
    verdict: boot.verdict,
    kernel: boot.kernel,
    accel: boot.accel,
    seconds: Math.round(boot.ms / 100) / 10,
    checks: boot.checks.map((c) => `${c.ok ? 'ok' : 'FAIL'} ${c.name}`),
    serial_log: boot.log === undefined ? undefined : 'boot-serial.log',
  };
}

/** One record per package of stage B, with its output in all three stages (for `challenge`). */
function packagesSection({ dev, a, b }: ManifestInput['runs']): Record<string, unknown>[] {
  return b.project.order.order.map((pkg) => {
    const r = b.project.recipes.get(pkg)?.recipe;
    return {
      name: pkg,
      version: r?.version,
      license: r?.license,
      sources: (r?.sources ?? []).map((s) => ({ file: s.file, ...(s.url === undefined ? {} : { url: s.url }), sha256: s.sha256 })),
      key: b.outcome.keys.get(pkg)?.key,
      output_sha256: { dev: outputOf(dev, pkg), a: outputOf(a, pkg), b: outputOf(b, pkg) },
    };
  });
}

function outputOf(run: StageBuild, pkg: string): string | undefined {
  return run.outcome.result.entries.get(pkg)?.meta.outputSha256;
}
