import { join } from 'node:path';
import type { BuildAllResult } from '../pkgbuild/build-all.js';
import { FarmError } from '../errors/index.js';
import { buildProject, type BuildOutcome } from '../project/build.js';
import { loadProject, type Project } from '../project/load.js';
import type { EventSink } from '../report/events.js';
import { coresBusy, type CpuSample } from '../report/cpu.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { HttpGet } from '../sources/index.js';
import { readRootfsManifest } from '../rootfs/assemble.js';
import type { RootfsEntry } from '../rootfs/merge.js';
import { stageRecords, workspacePaths, type StageName } from '../workspace/paths.js';
import { readManifest } from '../workspace/state.js';
import { FARM_HOME, FARM_VERSION } from '../version.js';
import { compareStages, type Comparison, type Exclusion, type StageSnapshot } from './compare.js';
import { writeDist, type DistResult } from './dist.js';
import { makeSpdx } from './sbom.js';
import { buildStageImage, type StageImage } from './stage-image.js';
import { comparisonToYaml } from './compare-report.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { auditReportToYaml, auditTree, openTreeFromDirectory, type AuditOptions, type AuditReport } from '../audit/index.js';
import { hashRecipeTree } from './recipe-tree.js';

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

/** Boots a stage's assembled rootfs (injected by the CLI: qemu is an effect). */
export type ReleaseBootStep = (rootfs: {
  readonly dir: string;
  readonly entries: readonly RootfsEntry[];
  readonly tmpDir: string;
  readonly logDir: string;
  readonly sourceDateEpoch: number;
}) => Promise<ReleaseBootRecord>;

export interface ReleaseOptions {
  readonly root: string;
  readonly runtime: ContainerRuntime;
  readonly profile: string | undefined;
  readonly mirrors: readonly string[];
  /** How sources are downloaded (the CLI's client, with its proxies); the default client when undefined. */
  readonly httpGet?: HttpGet | undefined;
  readonly offline: boolean;
  readonly jobs: number | undefined;
  readonly keepGoing: boolean;
  readonly exclusions: readonly Exclusion[];
  readonly sink: EventSink;
  readonly signal: AbortSignal;
  readonly now?: () => number;
  /** The machine's CPU counters (report/cpu.ts sampleCpu): each stage reports how busy the cores were. */
  readonly sampleCpu?: () => CpuSample | undefined;
  /** Boot stage B before dist/ is written; a verdict other than pass fails the release. */
  readonly boot?: ReleaseBootStep;
  /** How stage B's rootfs is audited before dist/ is written (allowlist, host and user names); any finding fails the release. */
  readonly audit?: AuditOptions;
  /** The git commit of the recipe tree, when it is a clean checkout (recorded in manifest.yaml). */
  readonly gitCommit?: string | undefined;
  /** The source store (default: the project's workspace/sources). */
  readonly storeDir?: string;
}

export interface StageRun {
  readonly stage: StageName;
  readonly project: Project;
  readonly outcome: BuildOutcome;
  readonly image: string;
  readonly ms: number;
  /** How busy the machine's cores were during the stage (0..1), when the CPU could be sampled. */
  readonly coresBusy: number | undefined;
}

export interface ReleaseResult {
  readonly stages: readonly StageRun[];
  /** The stage whose build failed, if one did. */
  readonly failedStage: { readonly stage: StageName; readonly result: BuildAllResult } | undefined;
  readonly devVsA: Comparison | undefined;
  readonly aVsB: Comparison | undefined;
  readonly dist: DistResult | undefined;
  readonly stageImages: Readonly<Record<string, StageImage>>;
  readonly compareMs: number;
  /** Stage B's boot, when one ran. */
  readonly boot?: ReleaseBootRecord;
  /** Stage B's audit, when the stages were identical; findings fail the release. */
  readonly audit?: AuditReport;
}

export function snapshotOf(run: StageRun): StageSnapshot {
  return {
    label: run.stage === 'dev' ? 'dev' : `stage ${run.stage.toUpperCase()}`,
    packages: run.project.order.order.map((name) => {
      const e = run.outcome.result.entries.get(name);
      return { name, version: e?.meta.version ?? '', key: e?.meta.key ?? '', outputSha256: e?.meta.outputSha256 ?? '' };
    }),
    files: run.outcome.rootfs?.entries ?? [],
  };
}

/**
 * dev -> stage A -> stage B. Each stage after dev builds every package inside
 * an image made from the previous stage's rootfs (Dockerfile.stage), network
 * none, from a cleared workspace. A and B must be identical (or excluded with
 * a reason); dev vs A is informational. dist/ is written only on a pass.
 */
export async function runRelease(options: ReleaseOptions): Promise<ReleaseResult> {
  const now = options.now ?? Date.now;
  const stages: StageRun[] = [];
  const stageImages: Record<string, StageImage> = {};
  const dockerfile = join(FARM_HOME, 'Dockerfile.stage');
  // What the release is built from, hashed before any stage reads it.
  const tree = await hashRecipeTree(options.root);

  const runStage = async (stage: StageName, image: string | undefined): Promise<StageRun> => {
    const started = now();
    const cpuAtStart = options.sampleCpu?.();
    const project = await loadProject(options.root, { stage, profile: options.profile });
    const ref = image ?? project.config.defaults.builder;
    options.sink({ type: 'stage-start', stage, image: ref });
    const outcome = await buildProject(project, {
      runtime: options.runtime,
      image: ref,
      mirrors: options.mirrors,
      httpGet: options.httpGet,
      offline: options.offline,
      jobs: options.jobs,
      keepGoing: options.keepGoing,
      waitForLock: false,
      sink: options.sink,
      signal: options.signal,
      clean: stage !== 'dev',
      ...(options.storeDir === undefined ? {} : { storeDir: options.storeDir }),
    });
    const ms = now() - started;
    options.sink({ type: 'stage-done', stage, ms });
    return { stage, project, outcome, image: ref, ms, coresBusy: coresBusy(cpuAtStart, options.sampleCpu?.()) };
  };

  const failed = (run: StageRun): boolean => run.outcome.rootfs === undefined;
  const result = (extra: Partial<ReleaseResult>): ReleaseResult => ({
    stages,
    failedStage: undefined,
    devVsA: undefined,
    aVsB: undefined,
    dist: undefined,
    stageImages,
    compareMs: 0,
    ...extra,
  });

  let previous: StageRun | undefined;
  for (const stage of ['dev', 'a', 'b'] as const) {
    let image: string | undefined;
    if (previous !== undefined) {
      const prevRootfs = previous.outcome.rootfs as NonNullable<BuildOutcome['rootfs']>;
      const si = await buildStageImage(options.runtime, {
        stage,
        previewDir: prevRootfs.dir,
        entries: prevRootfs.entries,
        sourceDateEpoch: previous.project.config.defaults.sourceDateEpoch,
        dockerfile,
        tmpDir: join(previous.outcome.paths.dir, 'tmp-stage-image'),
        runId: `release-${stage}`,
        workspaceId: workspacePaths(options.root, stage).id,
        sink: options.sink,
      });
      stageImages[stage] = si;
      image = si.ref;
    }
    const run = await runStage(stage, image);
    stages.push(run);
    if (failed(run)) return result({ failedStage: { stage, result: run.outcome.result } });
    previous = run;
  }

  const [dev, a, b] = stages as [StageRun, StageRun, StageRun];
  const compareStarted = now();
  const devVsA = compareStages(snapshotOf(dev), snapshotOf(a));
  const aVsB = compareStages(snapshotOf(a), snapshotOf(b), options.exclusions);
  await writeFileAtomic(join(b.outcome.paths.dir, 'compare.yaml'), comparisonToYaml(aVsB));
  await writeFileAtomic(join(b.outcome.paths.dir, 'compare-dev-a.yaml'), comparisonToYaml(devVsA));
  const compareMs = now() - compareStarted;
  if (!aVsB.pass) return result({ devVsA, aVsB, compareMs });

  const bRootfs = b.outcome.rootfs as NonNullable<BuildOutcome['rootfs']>;
  const sde = b.project.config.defaults.sourceDateEpoch;
  const audit = await auditTree(openTreeFromDirectory(bRootfs.dir, bRootfs.entries), options.audit);
  await writeFileAtomic(join(b.outcome.paths.dir, 'audit.yaml'), auditReportToYaml(audit));
  options.sink({
    type: 'info',
    message: `audit stage B: ${audit.files} files, ${audit.elfFiles} ELF, ${audit.findings.length} finding(s), ${audit.warnings.length} warning(s)`,
  });
  if (audit.findings.length > 0) return result({ devVsA, aVsB, compareMs, audit });
  const boot =
    options.boot === undefined
      ? undefined
      : await options.boot({ dir: bRootfs.dir, entries: bRootfs.entries, tmpDir: b.outcome.paths.tmp, logDir: b.outcome.paths.logs, sourceDateEpoch: sde });
  if (boot !== undefined && !boot.pass) return result({ devVsA, aVsB, compareMs, boot, audit });
  const name = `stasis-${b.project.profile.name}`;
  const outputOf = (run: StageRun, pkg: string): string | undefined => run.outcome.result.entries.get(pkg)?.meta.outputSha256;
  const manifest = {
    release: name,
    farm_version: FARM_VERSION,
    profile: b.project.profile.name,
    source_date_epoch: sde,
    recipe_tree: { sha256: tree.sha256, files: tree.files, ...(options.gitCommit === undefined ? {} : { git_commit: options.gitCommit }) },
    builder_image: { ref: dev.outcome.builder.ref, id: dev.outcome.builder.id, cc: dev.outcome.builder.cc },
    stage_images: Object.fromEntries(Object.entries(stageImages).map(([k, v]) => [k, { ref: v.ref, id: v.id, rootfs_sha256: v.rootfsSha256 }])),
    boot:
      boot === undefined
        ? { verdict: 'not run', hint: 'release --kernel FILE boots stage B under qemu before dist/ is written' }
        : {
            verdict: boot.verdict,
            kernel: boot.kernel,
            accel: boot.accel,
            seconds: Math.round(boot.ms / 100) / 10,
            checks: boot.checks.map((c) => `${c.ok ? 'ok' : 'FAIL'} ${c.name}`),
            serial_log: boot.log === undefined ? undefined : 'boot-serial.log',
          },
    audit: { verdict: 'clean', files: audit.files, elf_files: audit.elfFiles, allowed: audit.allowed.map((f) => `${f.rule} /${f.path}: ${f.reason}`) },
    comparison: {
      a_vs_b: aVsB.pass ? 'identical' : 'different',
      excluded: aVsB.different.filter((d) => d.excluded).map((d) => d.name),
      dev_vs_a_identical: devVsA.identical.length,
      dev_vs_a_different: devVsA.different.map((d) => d.name),
    },
    packages: b.project.order.order.map((pkg) => {
      const r = b.project.recipes.get(pkg)?.recipe;
      return {
        name: pkg,
        version: r?.version,
        license: r?.license,
        sources: (r?.sources ?? []).map((s) => ({ file: s.file, ...(s.url === undefined ? {} : { url: s.url }), sha256: s.sha256 })),
        key: b.outcome.keys.get(pkg)?.key,
        output_sha256: { dev: outputOf(dev, pkg), a: outputOf(a, pkg), b: outputOf(b, pkg) },
      };
    }),
  };
  const dist = await writeDist({
    distDir: b.outcome.paths.dist,
    extraFiles: boot?.log === undefined ? [] : [{ name: 'boot-serial.log', from: boot.log }],
    name,
    previewDir: bRootfs.dir,
    entries: bRootfs.entries,
    sourceDateEpoch: sde,
    manifest,
    sbom: (rootfsSha256) =>
      makeSpdx({
        name,
        rootfsSha256,
        sourceDateEpoch: sde,
        farmVersion: FARM_VERSION,
        packages: b.project.order.order.map((pkg) => ({
          evaluated: b.project.recipes.get(pkg) as NonNullable<ReturnType<typeof b.project.recipes.get>>,
          outputSha256: outputOf(b, pkg) ?? '',
        })),
      }),
  });
  return result({ devVsA, aVsB, dist, compareMs, audit, ...(boot === undefined ? {} : { boot }) });
}

/** Load a stage snapshot from a workspace directory (for `stasis-farm compare`), through the workspace's and the rootfs's readers. */
export async function loadSnapshot(dir: string, label: string): Promise<StageSnapshot> {
  const records = stageRecords(dir);
  const manifest = await readManifest(records.manifest).catch((error: unknown) => {
    throw new FarmError('USAGE', `${dir}: no manifest.yaml (is it a stage workspace?)`, { cause: error });
  });
  if (manifest === undefined) throw new FarmError('USAGE', `${dir}: no manifest.yaml (is it a stage workspace?)`);
  return {
    label,
    packages: (manifest.packages ?? []).map((p) => ({ name: p.name, version: p.version, key: p.key, outputSha256: p.output_sha256 })),
    files: (await readRootfsManifest(records.previewManifest)) ?? [],
  };
}
