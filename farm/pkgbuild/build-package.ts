import { createReadStream, createWriteStream } from 'node:fs';
import { addAbortSignal } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BuildFailed, checkInterrupted, FarmError, interrupted, OutputTooLarge } from '../errors/index.js';
import { deadlineMarginS, withDeadline } from './deadline.js';
import { oomKills } from './oom.js';
import type { EvaluatedRecipe, Recipe } from '../recipe/types.js';
import type { EventSink } from '../report/events.js';
import { buildKind, farmLabels } from '../runtime/labels.js';
import type { Container, ContainerRuntime, ContainerSpec, ExitStatus } from '../runtime/port.js';
import type { BuildCache, CacheEntry } from '../cache/cache.js';
import type { NormalizedOutput } from '../tar/index.js';
import { BUILD_HOSTNAME, SRC_DIR } from './env.js';
import type { BuildIo } from './io.js';
import { BuildLog } from './log.js';
import { renderRunScript } from './script.js';
import { STRIP_HELPER_PATH, STRIP_SCRIPT } from './strip.js';
import { skeletonTar, type SkeletonFile } from '../tar/skeleton.js';
export interface PackageJob {
  readonly evaluated: EvaluatedRecipe;
  readonly key: string;
  readonly selfHash: string;
  readonly inputs: unknown;
  /** Outputs to unpack into /build/sysroot, in dependency order. */
  readonly sysroot: readonly { readonly pkg: string; readonly entry: CacheEntry }[];
  /** The container's environment (everything but $JOBS). */
  readonly env: Readonly<Record<string, string>>;
  /** $JOBS: how many jobs the build's `make -j` may run, decided when it starts (run.sh exports it). */
  readonly jobs: number;
}

/** What a build's container can be made from before its dependencies are built. */
export type PrepareJob = Pick<PackageJob, 'evaluated' | 'key' | 'env'>;

/**
 * A build's container made and filled with everything that does not depend on other packages:
 * the recipe's files, patches and script, and its sources (re-packed, safe). What is left for
 * the start is the sysroot and run.sh. Disposing of it removes the container and the spool.
 */
export interface PreparedBuild extends AsyncDisposable {
  readonly container: Container;
  /** The directory the build starts in (the first source's top directory, else /build/src). */
  readonly cwd: string;
  /** The build's own temporary directory (its output is normalized there). */
  readonly spool: string;
}

export interface BuildContext {
  readonly runtime: ContainerRuntime;
  /** The pool engine `runtime` is, as events name it (a build with engines given); undefined for the one default engine. */
  readonly engine?: string;
  readonly io: BuildIo;
  readonly cache: BuildCache;
  readonly image: string;
  readonly stage: string;
  readonly runId: string;
  readonly workspaceId: string;
  readonly logDir: string;
  readonly tmpDir: string;
  readonly sourceDateEpoch: number;
  readonly limits: ContainerSpec['limits'];
  /** default.lua's `output_limit` (MiB): the most a package's files may hold unless its recipe raises it. */
  readonly outputLimitMiB: number;
  readonly sink: EventSink;
  readonly signal: AbortSignal;
  readonly now: () => number;
}

/** Capabilities a build gets back after dropping all: enough for `install` and `chown 0:0`. */
export const BUILD_CAPS = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER'] as const;

/**
 * Make a build's container and put in what does not depend on other packages (prepareBuild's
 * work can run while the dependencies still build). Sources are re-packed (verified, made safe)
 * into spool files first, so an unsafe archive fails before any container exists. On failure
 * nothing is left: the container is removed, the spool deleted.
 */
export async function prepareBuild(ctx: BuildContext, job: PrepareJob): Promise<PreparedBuild> {
  const { recipe } = job.evaluated;
  // Its own directory: a build moved to another engine is prepared again while the first is still being removed.
  await mkdir(ctx.tmpDir, { recursive: true });
  const spool = await mkdtemp(join(ctx.tmpDir, `${recipe.name}-${job.key.slice(0, 12)}-`));
  let container: Container | undefined;
  try {
    const sources = await spoolSources(ctx, recipe, spool);
    checkInterrupted(ctx.signal, INTERRUPTED);
    container = await createBuildContainer(ctx, recipe, job.env);
    await putRecipeAndSources(ctx, container, job.evaluated, sources.tars);
    checkInterrupted(ctx.signal, INTERRUPTED);
    // The container holds them now; a build that waits for its dependencies keeps no second copy.
    await Promise.all(sources.tars.map((file) => rm(file, { force: true })));
    const made = container;
    return {
      container: made,
      cwd: sources.cwd ?? SRC_DIR,
      spool,
      async [Symbol.asyncDispose]() {
        try {
          await made[Symbol.asyncDispose]();
        } finally {
          await rm(spool, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    if (container !== undefined) await Promise.resolve(container[Symbol.asyncDispose]()).catch(() => {});
    await rm(spool, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Build one package in its prepared container: put the sysroot and run.sh in, run the recipe,
 * take $DESTDIR out as a tar stream, normalize, hash, cache. The caller made `prepared`
 * (prepareBuild, ahead of time or just before) and disposes of it whatever happens.
 */
export async function buildPackage(ctx: BuildContext, job: PackageJob, prepared: Promise<PreparedBuild>): Promise<CacheEntry> {
  const { recipe } = job.evaluated;
  const started = ctx.now();
  await mkdir(ctx.logDir, { recursive: true });
  const log = new PackageLog(ctx, job);
  ctx.sink({ type: 'build-start', pkg: recipe.name, key: job.key, stage: ctx.stage, log: log.path, ...engineOf(ctx) });
  try {
    const { container, cwd, spool } = await prepared;
    await putSysrootAndRun(ctx, container, job, cwd);
    checkInterrupted(ctx.signal, INTERRUPTED);
    const status = await container.run({
      timeoutMs: recipe.timeout * 1000,
      onOutput: (chunk) => log.write(chunk),
      signal: ctx.signal,
    });
    checkInterrupted(ctx.signal, INTERRUPTED);
    const reason = await failureOf(ctx, recipe, container, status);
    if (reason !== undefined) throw await log.failed(reason, status.exitCode);
    const output = await takeOutput(ctx, recipe, container, spool, log, status.exitCode);
    return await cacheOutput(ctx, job, { output, log, ms: ctx.now() - started });
  } catch (error) {
    await log.close().catch(() => {});
    if (ctx.signal.aborted && !(error instanceof FarmError && error.code === 'INTERRUPTED')) throw interrupted(INTERRUPTED, error);
    throw error;
  }
}

/** A package's build log, closed once whichever way the build ends. */
class PackageLog {
  readonly path: string;
  private readonly log: BuildLog;
  private closed = false;

  constructor(
    private readonly ctx: BuildContext,
    private readonly job: PackageJob,
  ) {
    const pkg = job.evaluated.recipe.name;
    this.path = join(ctx.logDir, `${pkg}.log`);
    this.log = new BuildLog(this.path, (line) => ctx.sink({ type: 'build-output', pkg, line }));
  }

  write(chunk: Buffer): void {
    this.log.write(chunk);
  }

  note(line: string): void {
    this.log.note(line);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.log.close();
  }

  /** The build failed: say why in its log, record it in the cache (nothing is cached), and the error to throw. */
  async failed(reason: string, exitCode: number, hint?: string, cause?: unknown): Promise<BuildFailed> {
    const pkg = this.job.evaluated.recipe.name;
    this.log.note(`[stasis-farm: ${reason}]`);
    await this.close();
    await this.ctx.cache.recordFailure(pkg, this.job.key, reason);
    return new BuildFailed(pkg, reason, exitCode, this.log.lastLines().slice(-25), this.path, hint, { cause });
  }
}

/** Each source as a tar file in the spool, and the directory the build starts in (the first source's top directory). */
async function spoolSources(ctx: BuildContext, recipe: Recipe, spool: string): Promise<{ readonly tars: string[]; readonly cwd: string | undefined }> {
  const tars: string[] = [];
  let cwd: string | undefined;
  for (const [index, source] of recipe.sources.entries()) {
    const archive = await ctx.io.sourceArchive(source, ctx.signal);
    const file = join(spool, `source-${index}.tar`);
    await pipeline(archive.stream, createWriteStream(file), { signal: ctx.signal });
    const top = await archive.topDir;
    if (index === 0 && source.extract && top !== undefined) cwd = `${SRC_DIR}/${top}`;
    tars.push(file);
  }
  return { tars, cwd };
}

function createBuildContainer(ctx: BuildContext, recipe: Recipe, env: PackageJob['env']): Promise<Container> {
  return ctx.runtime.createContainer({
    image: ctx.image,
    // The container stops itself a margin after the timeout should the farm be gone by then.
    cmd: withDeadline(['/bin/sh', '/build/run.sh'], recipe.timeout + deadlineMarginS(recipe.timeout)),
    env,
    workdir: '/build',
    hostname: BUILD_HOSTNAME,
    labels: farmLabels({ kind: buildKind(ctx.workspaceId), run: ctx.runId, pkg: recipe.name, stage: ctx.stage }),
    limits: ctx.limits,
    capAdd: BUILD_CAPS,
  });
}

/** The recipe's script, patches and files, then its sources (inputs go in before the start: the engine refuses or hides later copies). */
async function putRecipeAndSources(ctx: BuildContext, container: Container, evaluated: EvaluatedRecipe, tars: readonly string[]): Promise<void> {
  const files = [...(await recipeFiles(evaluated)), { name: 'build/build.sh', data: evaluated.recipe.build, mode: 0o755 }];
  await container.putArchive('/', skeletonTar(BUILD_DIRS, files, ctx.sourceDateEpoch));
  for (const file of tars) {
    await container.putArchive('/build', addAbortSignal(ctx.signal, createReadStream(file)));
  }
}

/** The dependencies' outputs into /build/sysroot, then run.sh with the build's $JOBS. */
async function putSysrootAndRun(ctx: BuildContext, container: Container, job: PackageJob, cwd: string): Promise<void> {
  const { recipe } = job.evaluated;
  // Uploads stop when interrupted (a sysroot can be hundreds of MiB).
  for (const dep of job.sysroot) {
    await container.putArchive('/build/sysroot', addAbortSignal(ctx.signal, createReadStream(dep.entry.tarPath)));
  }
  await container.putArchive(
    '/',
    skeletonTar(
      [],
      [
        { name: 'build/run.sh', data: renderRunScript({ cwd, patches: recipe.patches, strip: recipe.strip, jobs: job.jobs }), mode: 0o755 },
        ...(recipe.strip ? [{ name: STRIP_HELPER_PATH.slice(1), data: STRIP_SCRIPT, mode: 0o755 }] : []),
      ],
      ctx.sourceDateEpoch,
    ),
  );
}

/** The recipe's patches and files, then the files config.lua gives the package, as skeleton entries. */
async function recipeFiles(evaluated: EvaluatedRecipe): Promise<SkeletonFile[]> {
  const { recipe } = evaluated;
  const patches = await Promise.all(
    recipe.patches.map(async (name) => ({ name: `build/patches/${name}`, data: await readFile(join(evaluated.dir, name)), mode: 0o644 })),
  );
  const files = await Promise.all(recipe.files.map(async (name) => ({ name: `build/files/${name}`, data: await readFile(join(evaluated.dir, name)), mode: 0o644 })));
  const fromConfig = await Promise.all((evaluated.configFiles ?? []).map(async (f) => ({ name: `build/files/${f.name}`, data: await readFile(f.path), mode: 0o644 })));
  return [...patches, ...files, ...fromConfig];
}

/** Why the build failed, or undefined when it succeeded. */
async function failureOf(ctx: BuildContext, recipe: Recipe, container: Container, status: ExitStatus): Promise<string | undefined> {
  if (status.timedOut) return `timed out after ${recipe.timeout} s`;
  // The engine's flag can miss a child the OOM killer ended; the kernel's count (oom.ts) is read only for a failed build.
  if (status.oomKilled || (status.exitCode !== 0 && (await oomKills(container)) > 0)) {
    return `killed by the OOM killer (memory limit ${Math.round(ctx.limits.memoryBytes / 1024 / 1024)} MiB)`;
  }
  if (status.exitCode !== 0) return `exit code ${status.exitCode}`;
  return undefined;
}

/** /build/dest normalized into the spool; more than the package's output limit fails the build. */
async function takeOutput(ctx: BuildContext, recipe: Recipe, container: Container, spool: string, log: PackageLog, exitCode: number): Promise<NormalizedOutput> {
  const limitMiB = recipe.outputLimit ?? ctx.outputLimitMiB;
  return ctx.io
    .normalizeOutput(await container.getArchive('/build/dest'), {
      tmpDir: spool,
      sourceDateEpoch: ctx.sourceDateEpoch,
      limitBytes: limitMiB * 1024 * 1024,
      signal: ctx.signal,
    })
    .catch(async (error: unknown) => {
      if (!(error instanceof OutputTooLarge)) throw error;
      const reason = `output larger than its limit of ${limitMiB} MiB (${error.reachedBytes} bytes with ${error.entry}); raise it with output_limit (MiB) in system/${recipe.name}/pkg.lua`;
      throw await log.failed(reason, exitCode, tooLargeHint(recipe.name, limitMiB), error);
    });
}

/** The normalized output into the cache, with what it was built from; the build is reported done. */
async function cacheOutput(
  ctx: BuildContext,
  job: PackageJob,
  built: { readonly output: NormalizedOutput; readonly log: PackageLog; readonly ms: number },
): Promise<CacheEntry> {
  const { recipe } = job.evaluated;
  const { output, log, ms } = built;
  const bytes = output.manifest.reduce((sum, e) => sum + (e.type === 'file' ? e.size : 0), 0);
  log.note(`[stasis-farm: ${recipe.name} output sha256 ${output.sha256}, ${output.manifest.length} entries]`);
  await log.close();
  // After a Ctrl-C nothing new is cached (the entry appears by one rename, checked just before it).
  const entry = await ctx.cache.put({
    meta: {
      key: job.key,
      pkg: recipe.name,
      version: recipe.version,
      stage: ctx.stage,
      outputSha256: output.sha256,
      selfHash: job.selfHash,
      depOutputs: Object.fromEntries(job.sysroot.map((d) => [d.pkg, d.entry.meta.outputSha256])),
      files: output.manifest.length,
      bytes,
      durationMs: ms,
      inputs: job.inputs,
    },
    tarPath: output.tarPath,
    manifestJson: JSON.stringify(output.manifest),
    logPath: log.path,
    signal: ctx.signal,
  });
  await ctx.cache.clearFailure(recipe.name);
  ctx.sink({ type: 'build-done', pkg: recipe.name, outputSha256: output.sha256, ms, files: output.manifest.length, bytes, ...engineOf(ctx) });
  return entry;
}

const BUILD_DIRS = ['build/', 'build/src/', 'build/patches/', 'build/files/', 'build/sysroot/', 'build/dest/', 'build/home/'];

function tooLargeHint(pkg: string, limitMiB: number): string {
  return `nothing was cached; if the output is meant to be this big, raise the limit: output_limit = ${limitMiB * 2} (MiB) in system/${pkg}/pkg.lua, or output_limit in default.lua for every package`;
}

const INTERRUPTED = 'interrupted; the container was removed and nothing was cached';

/** The engine field of a build's events: only a pool's engines are named. */
function engineOf(ctx: BuildContext): { readonly engine?: string } {
  return ctx.engine === undefined ? {} : { engine: ctx.engine };
}
