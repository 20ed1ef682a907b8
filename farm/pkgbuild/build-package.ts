import { createReadStream, createWriteStream } from 'node:fs';
import { addAbortSignal } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { BuildFailed, checkInterrupted, FarmError, interrupted, OutputTooLarge } from '../errors/index.js';
import { deadlineMarginS, withDeadline } from './deadline.js';
import { oomKills } from './oom.js';
import type { EvaluatedRecipe } from '../recipe/types.js';
import type { EventSink } from '../report/events.js';
import { buildKind, farmLabels } from '../runtime/labels.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { BuildCache, CacheEntry } from '../cache/cache.js';
import { BUILD_HOSTNAME, SRC_DIR } from './env.js';
import type { BuildIo } from './io.js';
import { BuildLog } from './log.js';
import { renderRunScript } from './script.js';
import { STRIP_HELPER_PATH, STRIP_SCRIPT } from './strip.js';
import { skeletonTar } from './skeleton.js';

export interface PackageJob {
  readonly evaluated: EvaluatedRecipe;
  readonly key: string;
  readonly selfHash: string;
  readonly inputs: unknown;
  /** Outputs to unpack into /build/sysroot, in dependency order. */
  readonly sysroot: readonly { readonly pkg: string; readonly entry: CacheEntry }[];
  readonly env: Readonly<Record<string, string>>;
}

export interface BuildContext {
  readonly runtime: ContainerRuntime;
  readonly io: BuildIo;
  readonly cache: BuildCache;
  readonly image: string;
  readonly stage: string;
  readonly runId: string;
  readonly workspaceId: string;
  readonly logDir: string;
  readonly tmpDir: string;
  readonly sourceDateEpoch: number;
  readonly limits: { readonly memoryBytes: number; readonly pids: number; readonly logBytes: number };
  /** default.lua's `output_limit` (MiB): the most a package's files may hold unless its recipe raises it. */
  readonly outputLimitMiB: number;
  readonly sink: EventSink;
  readonly signal: AbortSignal;
  readonly now: () => number;
}

/** Capabilities a build gets back after dropping all: enough for `install` and `chown 0:0`. */
export const BUILD_CAPS = ['CHOWN', 'DAC_OVERRIDE', 'FOWNER'] as const;

/**
 * Build one package in a fresh container: put the inputs in as tar streams,
 * run the recipe, take $DESTDIR out as a tar stream, normalize, hash, cache.
 * The container is removed whatever happens.
 */
export async function buildPackage(ctx: BuildContext, job: PackageJob): Promise<CacheEntry> {
  const { recipe } = job.evaluated;
  const started = ctx.now();
  await mkdir(ctx.logDir, { recursive: true });
  await mkdir(ctx.tmpDir, { recursive: true });
  const logPath = join(ctx.logDir, `${recipe.name}.log`);
  const log = new BuildLog(logPath, (line) => ctx.sink({ type: 'build-output', pkg: recipe.name, line }));
  ctx.sink({ type: 'build-start', pkg: recipe.name, key: job.key, stage: ctx.stage });

  const spool = join(ctx.tmpDir, `${recipe.name}-${job.key.slice(0, 12)}`);
  await mkdir(spool, { recursive: true });
  let closed = false;
  const closeLog = async (): Promise<void> => {
    if (!closed) {
      closed = true;
      await log.close();
    }
  };
  /** The build failed: say why in its log, record it in the cache (nothing is cached), and the error to throw. */
  const failed = async (reason: string, exitCode: number, hint?: string, cause?: unknown): Promise<BuildFailed> => {
    log.note(`[stasis-farm: ${reason}]`);
    await closeLog();
    await ctx.cache.recordFailure(recipe.name, job.key, reason);
    return new BuildFailed(recipe.name, reason, exitCode, log.lastLines().slice(-25), logPath, hint, { cause });
  };
  try {
    // Sources are re-packed (verified, made safe) into spool files first, so an
    // unsafe archive fails before any container exists.
    const sourceTars: string[] = [];
    let cwd: string | undefined;
    for (const [index, source] of recipe.sources.entries()) {
      const archive = await ctx.io.sourceArchive(source, ctx.signal);
      const file = join(spool, `source-${index}.tar`);
      await pipeline(archive.stream, createWriteStream(file), { signal: ctx.signal });
      const top = await archive.topDir;
      if (index === 0 && source.extract && top !== undefined) cwd = `${SRC_DIR}/${top}`;
      sourceTars.push(file);
    }
    checkInterrupted(ctx.signal, INTERRUPTED);
    await using container = await ctx.runtime.createContainer({
      image: ctx.image,
      // The container stops itself a margin after the timeout should the farm be gone by then.
      cmd: withDeadline(['/bin/sh', '/build/run.sh'], recipe.timeout + deadlineMarginS(recipe.timeout)),
      env: job.env,
      workdir: '/build',
      hostname: BUILD_HOSTNAME,
      labels: farmLabels({ kind: buildKind(ctx.workspaceId), run: ctx.runId, pkg: recipe.name, stage: ctx.stage }),
      limits: ctx.limits,
      capAdd: BUILD_CAPS,
    });

    // Inputs go in before start (the engine refuses or hides later copies).
    const patches = await Promise.all(
      recipe.patches.map(async (name) => ({ name: `build/patches/${name}`, data: await readFile(join(job.evaluated.dir, name)), mode: 0o644 })),
    );
    const files = await Promise.all(
      recipe.files.map(async (name) => ({ name: `build/files/${name}`, data: await readFile(join(job.evaluated.dir, name)), mode: 0o644 })),
    );
    const fromConfig = await Promise.all(
      (job.evaluated.configFiles ?? []).map(async (f) => ({ name: `build/files/${f.name}`, data: await readFile(f.path), mode: 0o644 })),
    );
    files.push(...fromConfig);
    const dirs = ['build/', 'build/src/', 'build/patches/', 'build/files/', 'build/sysroot/', 'build/dest/', 'build/home/'];
    await container.putArchive('/', skeletonTar(dirs, [...patches, ...files, { name: 'build/build.sh', data: recipe.build, mode: 0o755 }], ctx.sourceDateEpoch));

    // Uploads stop when interrupted (a sysroot can be hundreds of MiB).
    for (const file of sourceTars) {
      await container.putArchive('/build', addAbortSignal(ctx.signal, createReadStream(file)));
    }
    for (const dep of job.sysroot) {
      await container.putArchive('/build/sysroot', addAbortSignal(ctx.signal, createReadStream(dep.entry.tarPath)));
    }
    await container.putArchive(
      '/',
      skeletonTar(
        [],
        [
          { name: 'build/run.sh', data: renderRunScript({ cwd: cwd ?? SRC_DIR, patches: recipe.patches, strip: recipe.strip }), mode: 0o755 },
          ...(recipe.strip ? [{ name: STRIP_HELPER_PATH.slice(1), data: STRIP_SCRIPT, mode: 0o755 }] : []),
        ],
        ctx.sourceDateEpoch,
      ),
    );

    checkInterrupted(ctx.signal, INTERRUPTED);
    const status = await container.run({
      timeoutMs: recipe.timeout * 1000,
      onOutput: (chunk) => log.write(chunk),
      signal: ctx.signal,
    });
    checkInterrupted(ctx.signal, INTERRUPTED);
    let reason: string | undefined;
    if (status.timedOut) reason = `timed out after ${recipe.timeout} s`;
    else if (status.oomKilled || (status.exitCode !== 0 && (await oomKills(container)) > 0)) {
      reason = `killed by the OOM killer (memory limit ${Math.round(ctx.limits.memoryBytes / 1024 / 1024)} MiB)`;
    } else if (status.exitCode !== 0) reason = `exit code ${status.exitCode}`;
    if (reason !== undefined) throw await failed(reason, status.exitCode);

    const limitMiB = recipe.outputLimit ?? ctx.outputLimitMiB;
    const output = await ctx.io
      .normalizeOutput(await container.getArchive('/build/dest'), {
        tmpDir: spool,
        sourceDateEpoch: ctx.sourceDateEpoch,
        limitBytes: limitMiB * 1024 * 1024,
        signal: ctx.signal,
      })
      .catch(async (error: unknown) => {
        if (!(error instanceof OutputTooLarge)) throw error;
        const reason = `output larger than its limit of ${limitMiB} MiB (${error.reachedBytes} bytes with ${error.entry}); raise it with output_limit (MiB) in system/${recipe.name}/pkg.lua`;
        throw await failed(reason, status.exitCode, tooLargeHint(recipe.name, limitMiB), error);
      });
    const ms = ctx.now() - started;
    const bytes = output.manifest.reduce((sum, e) => sum + (e.type === 'file' ? e.size : 0), 0);
    log.note(`[stasis-farm: ${recipe.name} output sha256 ${output.sha256}, ${output.manifest.length} entries]`);
    await closeLog();
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
      logPath,
      signal: ctx.signal,
    });
    await ctx.cache.clearFailure(recipe.name);
    ctx.sink({ type: 'build-done', pkg: recipe.name, outputSha256: output.sha256, ms, files: output.manifest.length, bytes });
    return entry;
  } catch (error) {
    await closeLog().catch(() => {});
    if (ctx.signal.aborted && !(error instanceof FarmError && error.code === 'INTERRUPTED')) throw interrupted(INTERRUPTED, error);
    throw error;
  } finally {
    await rm(spool, { recursive: true, force: true });
  }
}

function tooLargeHint(pkg: string, limitMiB: number): string {
  return `nothing was cached; if the output is meant to be this big, raise the limit: output_limit = ${limitMiB * 2} (MiB) in system/${pkg}/pkg.lua, or output_limit in default.lua for every package`;
}

const INTERRUPTED = 'interrupted; the container was removed and nothing was cached';
