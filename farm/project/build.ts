import { cpus } from 'node:os';
import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { BuildCache, type CacheEntry } from '../cache/index.js';
import type { BuildDefaults } from '../config/types.js';
import { buildEnv } from '../pkgbuild/env.js';
import { buildAll, type BuildAllInput, type BuildAllResult } from '../pkgbuild/build-all.js';
import type { BuildContext } from '../pkgbuild/build-package.js';
import { createBuildIo } from '../pkgbuild/store-io.js';
import { CacheCorrupt, checkInterrupted, untilInterrupted } from '../errors/index.js';
import { inspectBuilder, type Builder } from '../image/inspect.js';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime, ContainerSpec, Ulimit } from '../runtime/port.js';
import { assembleRootfs, removeStaleAssemblies, type AssembleResult } from '../rootfs/assemble.js';
import { renderContextFor } from '../rootfs/context.js';
import { renderSystemFiles } from '../rootfs/render.js';
import { type HttpGet, SourceStore } from '../sources/index.js';
import { lockWorkspace } from '../workspace/lock.js';
import { workspacePaths, type WorkspacePaths } from '../workspace/paths.js';
import { recordKeys, writeManifest } from '../workspace/state.js';
import { toolchainEnv } from '../toolchain/index.js';
import { FARM_VERSION } from '../version.js';
import { projectKeys } from './keys.js';
import type { Project } from './load.js';
import { buildPriorities } from './durations.js';
import { planFromCache } from './plan.js';
import { ensureSources } from './sources.js';
import { poolEngines, sweepStale, type PoolInput } from './engines.js';
import { needsOf, type EvaluatedRecipe } from '../recipe/index.js';

export interface BuildOptions {
  readonly runtime: ContainerRuntime;
  /** Builder image reference (dev: default.lua's builder; stages: the stage image). */
  readonly image: string;
  readonly mirrors: readonly string[];
  /** How sources are downloaded (the CLI's client, with its proxies); the default client when undefined. */
  readonly httpGet?: HttpGet | undefined;
  readonly offline: boolean;
  readonly jobs: number | undefined;
  readonly keepGoing: boolean;
  readonly waitForLock: boolean;
  readonly sink: EventSink;
  readonly signal: AbortSignal;
  readonly storeDir?: string;
  /** Clear the stage's cache, preview and logs first (release stages). */
  readonly clean?: boolean;
  /** The build containers' limits; without ulimits, default.lua's (farm/validate/limits.ts). */
  readonly limits?: ContainerSpec['limits'];
  readonly now?: () => number;
  /**
   * false: build (or take from the cache) and stop; the preview and the stage's
   * records of its last full build are left as they are (`build PKG...`). Default true.
   */
  readonly assemble?: boolean;
  /**
   * An engine pool (default.lua's engines, --engine, STASIS_ENGINES): the builds run on these
   * engines, `runtime` (DOCKER_HOST's engine) only holds the builder they get it from. Without
   * them, everything runs on `runtime` with --jobs slots.
   */
  readonly engines?: readonly PoolInput[];
}

export interface BuildOutcome {
  readonly paths: WorkspacePaths;
  readonly result: BuildAllResult;
  readonly rootfs: AssembleResult | undefined;
  readonly builder: Builder;
  readonly keys: ReadonlyMap<string, { readonly key: string }>;
}

const DEFAULT_LIMITS = { memoryBytes: 6 * 1024 ** 3, pids: 4096, logBytes: 16 * 1024 * 1024 };

/**
 * The farm's main job for one stage: sources verified, every package built (or
 * taken from the cache) in its own container, the rootfs assembled.
 */
export async function buildProject(project: Project, options: BuildOptions): Promise<BuildOutcome> {
  const paths = workspacePaths(project.root, project.stage, options.storeDir);
  await untilInterrupted(options.runtime.ping(), options.signal);
  const builder = await untilInterrupted(inspectBuilder(options.runtime, options.image), options.signal);
  const keys = projectKeys(project, builder);
  const store = new SourceStore(paths.store);
  // Sources first: under --offline every missing one is listed before any build starts;
  // with --keep-going a package whose sources cannot be had fails alone (with its dependents).
  const unavailable = await ensureSources(project, {
    store,
    mirrors: options.mirrors,
    httpGet: options.httpGet,
    offline: options.offline,
    sink: options.sink,
    signal: options.signal,
    collect: options.keepGoing,
  });

  await using lock = await lockWorkspace(paths.dir, { waitMs: options.waitForLock ? 3_600_000 : 0, signal: options.signal });
  void lock;
  if (options.clean === true) await clearStage(paths);
  await sweepStale(options.runtime, paths.id, options.sink);
  const cache = new BuildCache(paths.cache);
  await removeLeftovers(options.sink, paths, cache);

  const stage = { paths, builder, keys, cache };
  const ctx = buildContext(project, options, stage, store);
  await announcePlan(project, stage, options.sink);
  const input = buildAllInput(project, options, stage, unavailable, await buildPriorities(project, paths));
  // Awaited here: the workspace lock is held until the build and assembly are over.
  return await buildAndAssemble(project, options, stage, ctx, input);
}

/** What the build of one stage works with once its workspace is locked and swept. */
interface StageSetup {
  readonly paths: WorkspacePaths;
  readonly builder: Builder;
  readonly keys: ReturnType<typeof projectKeys>;
  readonly cache: BuildCache;
}

/** A release stage starts from nothing: its cache, preview, logs and dist/ go (the source store stays). */
async function clearStage(paths: WorkspacePaths): Promise<void> {
  await Promise.all(
    [paths.cache, paths.preview, paths.logs, paths.keys, paths.tmp, paths.dist, paths.previewManifest, `${paths.previewManifest}.id`].map((d) =>
      rm(d, { recursive: true, force: true }),
    ),
  );
}

/** Leftovers of a run that crashed or was killed: partial cache entries, scratch trees, spool files. */
async function removeLeftovers(sink: EventSink, paths: WorkspacePaths, cache: BuildCache): Promise<void> {
  const leftovers = [...(await cache.cleanTemp()), ...(await removeStaleAssemblies(paths.preview))];
  if (
    await rm(paths.tmp, { recursive: true }).then(
      () => true,
      () => false,
    )
  )
    leftovers.push('tmp/');
  if (leftovers.length > 0) sink({ type: 'cleanup', removed: leftovers });
}

function buildContext(project: Project, options: BuildOptions, stage: StageSetup, store: SourceStore): BuildContext {
  const { paths } = stage;
  return {
    runtime: options.runtime,
    io: createBuildIo(store),
    cache: stage.cache,
    image: stage.builder.id,
    stage: project.stage,
    runId: `${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`,
    workspaceId: paths.id,
    logDir: paths.logs,
    tmpDir: paths.tmp,
    sourceDateEpoch: project.config.defaults.sourceDateEpoch,
    limits: withUlimits(options.limits ?? DEFAULT_LIMITS, project.config.defaults.ulimits),
    outputLimitMiB: project.config.defaults.outputLimit,
    sink: options.sink,
    signal: options.signal,
    now: options.now ?? Date.now,
  };
}

/** The limits with explicit rlimits: default.lua's open files and processes, and no core dumps (they would land in the build tree). */
function withUlimits(limits: ContainerSpec['limits'], ulimits: BuildDefaults['ulimits']): ContainerSpec['limits'] {
  if (limits.ulimits !== undefined) return limits;
  const list: Ulimit[] = [
    { name: 'nofile', ...ulimits.nofile },
    { name: 'nproc', ...ulimits.nproc },
    { name: 'core', soft: 0, hard: 0 },
  ];
  return { ...limits, ulimits: list };
}

/** The plan event: what the cache holds now (early cutoff may still spare some of the rest). */
async function announcePlan(project: Project, stage: StageSetup, sink: EventSink): Promise<void> {
  const plan = await planFromCache(project, stage.keys, stage.cache);
  sink({
    type: 'plan',
    stage: project.stage,
    toBuild: plan.filter((p) => p.status === 'build').map((p) => p.name),
    cached: plan.filter((p) => p.status === 'cached').map((p) => p.name),
    waitsFor: Object.fromEntries(project.order.order.map((name) => [name, project.order.sysroot.get(name) ?? []])),
  });
}

function buildAllInput(
  project: Project,
  options: BuildOptions,
  stage: StageSetup,
  unavailable: ReadonlyMap<string, Error>,
  priority: ReadonlyMap<string, number>,
): BuildAllInput {
  const cores = Math.max(1, cpus().length);
  const toolchain = toolchainEnv(project.config.defaults, stage.builder);
  return {
    order: project.order.order,
    recipes: project.recipes,
    keys: stage.keys,
    sysroot: project.order.sysroot,
    concurrency: Math.max(1, options.jobs ?? cores),
    cores,
    keepGoing: options.keepGoing,
    unavailable,
    priority,
    ...poolOf(options, stage),
    needs: new Map(project.order.order.map((pkg) => [pkg, needsOf((project.recipes.get(pkg) as EvaluatedRecipe).recipe)])),
    envFor: (pkg: string) => {
      const evaluated = project.recipes.get(pkg);
      if (evaluated === undefined) throw new Error(`unknown package ${pkg}`);
      return buildEnv({
        recipe: evaluated.recipe,
        stage: project.stage,
        sourceDateEpoch: project.config.defaults.sourceDateEpoch,
        toolchain,
      });
    },
  };
}

/** The executor's engine pool, when engines were given. */
function poolOf(options: BuildOptions, stage: StageSetup): Pick<BuildAllInput, 'engines'> {
  if (options.engines === undefined || options.engines.length === 0) return {};
  const engines = poolEngines(options.engines, {
    home: { runtime: options.runtime, name: 'the DOCKER_HOST engine' },
    builder: stage.builder,
    workspaceId: stage.paths.id,
    defaultJobs: Math.max(1, options.jobs ?? cpus().length),
    sink: options.sink,
    signal: options.signal,
  });
  return { engines };
}

/**
 * Build every package, record what the stage holds, assemble the rootfs. A cache entry
 * found corrupt while assembling is evicted and its package rebuilt (at most once per package).
 */
async function buildAndAssemble(project: Project, options: BuildOptions, stage: StageSetup, ctx: BuildContext, input: BuildAllInput): Promise<BuildOutcome> {
  const { paths, builder, keys } = stage;
  for (let attempt = 0; ; attempt++) {
    const result = await buildAll(ctx, input);
    await rm(paths.tmp, { recursive: true, force: true });
    const unassembled: BuildOutcome = { paths, result, rootfs: undefined, builder, keys };
    // An interrupted run leaves the records of the last run that finished (and exits without their fsyncs).
    if (result.interrupted || options.assemble === false) return unassembled;
    await recordBuild(project, paths, builder, keys, result);
    if (result.failed.length > 0 || result.skipped.length > 0) return unassembled;
    checkInterrupted(options.signal, NOT_ASSEMBLED);
    try {
      const rootfs = await assemble(project, paths, result, options.signal);
      options.sink({ type: 'assemble-done', dir: paths.preview, packages: project.installed.length, files: rootfs.entries.length, reused: rootfs.reused });
      return { paths, result, rootfs, builder, keys };
    } catch (error) {
      checkInterrupted(options.signal, NOT_ASSEMBLED);
      if (!(error instanceof CacheCorrupt) || attempt >= project.order.order.length) throw error;
      await stage.cache.evict(error.key);
      options.sink({ type: 'cache-evicted', pkg: error.pkg, key: error.key, reason: error.why });
    }
  }
}

/** What the stage holds now: keys of the packages built or cached, and manifest.yaml. */
async function recordBuild(project: Project, paths: WorkspacePaths, builder: Builder, keys: ReturnType<typeof projectKeys>, result: BuildAllResult): Promise<void> {
  const done = new Map([...keys].filter(([name]) => result.entries.has(name)));
  await recordKeys(paths, done);
  await writeManifest(paths, {
    farm_version: FARM_VERSION,
    stage: project.stage,
    profile: project.profile.name,
    builder_image: { ref: builder.ref, id: builder.id, cc: builder.cc, ...(builder.flags === undefined ? {} : { toolchain_flags: builder.flags }), libc: builder.libc },
    source_date_epoch: project.config.defaults.sourceDateEpoch,
    packages: project.order.order
      .filter((name) => result.entries.has(name))
      .map((name) => {
        const entry = result.entries.get(name) as CacheEntry;
        const recipe = project.recipes.get(name)?.recipe;
        return {
          name,
          version: entry.meta.version,
          key: keys.get(name)?.key ?? '',
          output_sha256: entry.meta.outputSha256,
          files: entry.meta.files,
          bytes: entry.meta.bytes,
          build_ms: entry.meta.durationMs,
          sources: (recipe?.sources ?? []).map((s) => ({ file: s.file, ...(s.url === undefined ? {} : { url: s.url }), sha256: s.sha256 })),
        };
      }),
  });
}

async function assemble(project: Project, paths: WorkspacePaths, result: BuildAllResult, signal: AbortSignal): Promise<AssembleResult & { readonly reused: boolean }> {
  const packages = project.installed.map((pkg) => ({ pkg, entry: result.entries.get(pkg) as CacheEntry, fallback: project.recipes.get(pkg)?.recipe.fallback === true }));
  // config.lua becomes files here, at assembly: a hostname change rebuilds no package. The render
  // checks config.lua again, against what was built (tzdata's zones are known only now).
  const rendered = renderSystemFiles(project.config.system, await renderContextFor(packages, project.config.defaults.sourceDateEpoch));
  return assembleRootfs({ previewDir: paths.preview, manifestFile: paths.previewManifest, packages, rendered, signal });
}

const NOT_ASSEMBLED = 'interrupted; nothing was assembled and the previous preview is kept';
