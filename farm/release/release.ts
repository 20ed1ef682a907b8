import { join } from 'node:path';
import type { BuildAllResult } from '../pkgbuild/build-all.js';
import { FarmError } from '../errors/index.js';
import { buildProject, type BuildOutcome } from '../project/build.js';
import { loadProject, type Project } from '../project/load.js';
import type { PoolInput } from '../project/engines.js';
import type { EventSink } from '../report/events.js';
import { coresBusy, type CpuSample } from '../report/cpu.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { HttpGet } from '../sources/index.js';
import { readRootfsManifest } from '../rootfs/assemble.js';
import type { RootfsEntry } from '../rootfs/merge.js';
import { stageRecords, workspacePaths, type StageName } from '../workspace/paths.js';
import { readManifest } from '../workspace/state.js';
import { FARM_HOME } from '../version.js';
import { compareStages, type Comparison, type Exclusion, type StageSnapshot } from './compare.js';
import { writeDist, type DistResult } from './dist.js';
import { releaseManifest, releaseSbom, type ManifestInput, type ReleaseBootRecord } from './release-manifest.js';
import { buildStageImage, type StageImage } from './stage-image.js';
import { comparisonToYaml } from './compare-report.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { auditDoneEvent, auditReportToYaml, auditTree, openTreeFromDirectory, type AuditOptions, type AuditReport } from '../audit/index.js';
import { compareDoneEvent } from './compare-event.js';
import { hashRecipeTree } from './recipe-tree.js';

export type { ReleaseBootRecord } from './release-manifest.js';

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
  /**
   * The dev stage's builder image instead of default.lua's (`--builder`): stages A and B run in
   * images of the previous stage's rootfs whatever it is.
   */
  readonly builder?: string | undefined;
  /** An engine pool every stage builds on (stage images are made on `runtime` and copied to each engine as it first needs them). */
  readonly engines?: readonly PoolInput[] | undefined;
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
  // What the release is built from, hashed before any stage reads it.
  const tree = await hashRecipeTree(options.root);
  const { stages, stageImages, failedStage } = await runStages(options, now);
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
  if (failedStage !== undefined) return result({ failedStage });

  const [dev, a, b] = stages as [StageRun, StageRun, StageRun];
  const compareStarted = now();
  const { devVsA, aVsB } = await compareAll(dev, a, b, options.exclusions);
  options.sink(compareDoneEvent(devVsA, true));
  options.sink(compareDoneEvent(aVsB, false));
  const compareMs = now() - compareStarted;
  if (!aVsB.pass) return result({ devVsA, aVsB, compareMs });

  const audit = await auditStageB(b, options);
  if (audit.findings.length > 0) return result({ devVsA, aVsB, compareMs, audit });
  const boot = await bootStageB(b, options.boot);
  if (boot !== undefined && !boot.pass) return result({ devVsA, aVsB, compareMs, boot, audit });
  const release: ManifestInput = {
    name: `stasis-${b.project.profile.name}`,
    tree,
    gitCommit: options.gitCommit,
    runs: { dev, a, b },
    stageImages,
    devVsA,
    aVsB,
    audit,
    boot,
  };
  const dist = await writeReleaseDist(release);
  return result({ devVsA, aVsB, dist, compareMs, audit, ...(boot === undefined ? {} : { boot }) });
}

/** The stages built so far, the images made between them, and the stage that failed (the chain stops there). */
interface StageChain {
  readonly stages: StageRun[];
  readonly stageImages: Record<string, StageImage>;
  readonly failedStage: ReleaseResult['failedStage'];
}

/** dev, then A in an image of dev's rootfs, then B in an image of A's; a stage with no rootfs ends the chain. */
async function runStages(options: ReleaseOptions, now: () => number): Promise<StageChain> {
  const stages: StageRun[] = [];
  const stageImages: Record<string, StageImage> = {};
  let previous: StageRun | undefined;
  for (const stage of ['dev', 'a', 'b'] as const) {
    let image: string | undefined;
    if (previous !== undefined) {
      const si = await imageOfStage(options, stage, previous);
      stageImages[stage] = si;
      image = si.ref;
    }
    const run = await runStage(options, now, stage, image);
    stages.push(run);
    if (run.outcome.rootfs === undefined) return { stages, stageImages, failedStage: { stage, result: run.outcome.result } };
    previous = run;
  }
  return { stages, stageImages, failedStage: undefined };
}

/** The builder image of `stage`: the previous stage's rootfs on Dockerfile.stage. */
async function imageOfStage(options: ReleaseOptions, stage: StageName, previous: StageRun): Promise<StageImage> {
  const prevRootfs = rootfsOf(previous);
  return buildStageImage(options.runtime, {
    stage,
    previewDir: prevRootfs.dir,
    entries: prevRootfs.entries,
    sourceDateEpoch: previous.project.config.defaults.sourceDateEpoch,
    dockerfile: join(FARM_HOME, 'Dockerfile.stage'),
    tmpDir: join(previous.outcome.paths.dir, 'tmp-stage-image'),
    runId: `release-${stage}`,
    workspaceId: workspacePaths(options.root, stage).id,
    sink: options.sink,
  });
}

/** One stage built from a cleared workspace (dev keeps its cache), in `image` or the dev builder (--builder, else default.lua's). */
async function runStage(options: ReleaseOptions, now: () => number, stage: StageName, image: string | undefined): Promise<StageRun> {
  const started = now();
  const cpuAtStart = options.sampleCpu?.();
  const project = await loadProject(options.root, { stage, profile: options.profile });
  const ref = image ?? options.builder ?? project.config.defaults.builder;
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
    ...(options.engines === undefined ? {} : { engines: options.engines }),
    ...(options.storeDir === undefined ? {} : { storeDir: options.storeDir }),
  });
  const ms = now() - started;
  options.sink({ type: 'stage-done', stage, ms });
  return { stage, project, outcome, image: ref, ms, coresBusy: coresBusy(cpuAtStart, options.sampleCpu?.()) };
}

/** dev vs A (informational) and A vs B (the verdict), both written beside stage B's records. */
async function compareAll(dev: StageRun, a: StageRun, b: StageRun, exclusions: readonly Exclusion[]): Promise<{ devVsA: Comparison; aVsB: Comparison }> {
  const devVsA = compareStages(snapshotOf(dev), snapshotOf(a));
  const aVsB = compareStages(snapshotOf(a), snapshotOf(b), exclusions);
  await writeFileAtomic(join(b.outcome.paths.dir, 'compare.yaml'), comparisonToYaml(aVsB));
  await writeFileAtomic(join(b.outcome.paths.dir, 'compare-dev-a.yaml'), comparisonToYaml(devVsA));
  return { devVsA, aVsB };
}

async function auditStageB(b: StageRun, options: ReleaseOptions): Promise<AuditReport> {
  const rootfs = rootfsOf(b);
  const audit = await auditTree(openTreeFromDirectory(rootfs.dir, rootfs.entries), options.audit);
  await writeFileAtomic(join(b.outcome.paths.dir, 'audit.yaml'), auditReportToYaml(audit));
  options.sink(auditDoneEvent(audit, 'stage B'));
  return audit;
}

/** Stage B booted by the injected step; undefined when the release runs without one. */
async function bootStageB(b: StageRun, boot: ReleaseBootStep | undefined): Promise<ReleaseBootRecord | undefined> {
  if (boot === undefined) return undefined;
  const rootfs = rootfsOf(b);
  const { paths } = b.outcome;
  return boot({ dir: rootfs.dir, entries: rootfs.entries, tmpDir: paths.tmp, logDir: paths.logs, sourceDateEpoch: b.project.config.defaults.sourceDateEpoch });
}

/** dist/: stage B's rootfs as a tarball, with the manifest, the SBOM and the boot's serial log. */
async function writeReleaseDist(input: ManifestInput): Promise<DistResult> {
  const { b } = input.runs;
  const rootfs = rootfsOf(b);
  return writeDist({
    distDir: b.outcome.paths.dist,
    extraFiles: input.boot?.log === undefined ? [] : [{ name: 'boot-serial.log', from: input.boot.log }],
    name: input.name,
    previewDir: rootfs.dir,
    entries: rootfs.entries,
    sourceDateEpoch: b.project.config.defaults.sourceDateEpoch,
    manifest: releaseManifest(input),
    sbom: (rootfsSha256) => releaseSbom(input.name, b, rootfsSha256),
  });
}

/** The rootfs of a stage that got past its build (the chain stops at one without). */
function rootfsOf(run: { readonly outcome: BuildOutcome }): NonNullable<BuildOutcome['rootfs']> {
  return run.outcome.rootfs as NonNullable<BuildOutcome['rootfs']>;
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
