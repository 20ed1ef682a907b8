import { join, resolve } from 'node:path';
import { FarmError, isFarmError } from '../errors/index.js';
import { exists } from '../fs/exists.js';
import { inspectBuilder } from '../image/inspect.js';
import {
  exportMirror,
  expectedFiles,
  makeTorrent,
  pruneMirror,
  readIndex,
  recordedBuilder,
  serveMirror,
  verifyMirror,
  writeKitBuilder,
  type KitBuilder,
  type MirrorItem,
} from '../mirror/index.js';
import { loadProject } from '../project/load.js';
import { workspacePaths } from '../workspace/paths.js';
import { configuredDefaults } from './defaults.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf } from './spec.js';
import type { MIRROR_EXPORT, MIRROR_PRUNE, MIRROR_SERVE, MIRROR_TORRENT, MIRROR_VERIFY } from './spec-mirror.js';

async function itemsOf(ctx: CliContext, all: boolean, profile: string | undefined): Promise<MirrorItem[]> {
  const project = await loadProject(ctx.root, { all, profile });
  return project.order.order.flatMap((pkg) =>
    (project.recipes.get(pkg)?.recipe.sources ?? []).map((s) => ({ pkg, file: s.file, sha256: s.sha256, ...(s.url === undefined ? {} : { url: s.url }) })),
  );
}

const dirOf = (ctx: CliContext, positionals: readonly string[]): string => resolve(ctx.root, positionals[0] ?? join('workspace', 'mirror'));

export async function exportSources(ctx: CliContext, { values, positionals }: ArgsOf<typeof MIRROR_EXPORT>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  const items = await itemsOf(ctx, values.all === true, values.profile);
  const store = workspacePaths(ctx.root, 'dev').store;
  const builder = values['with-builder'] === true ? await exportBuilder(ctx, dir, values.builder) : await keptBuilder(ctx, dir);
  const r = await exportMirror(items, { dir, sources: [store, ...ctx.mirrors], sink: ctx.sink, builder });
  out(ctx, `${dir}: ${r.copied.length} copied (${(r.bytes / 1024 / 1024).toFixed(1)} MiB), ${r.kept.length} already present and verified`);
  if (builder !== undefined) out(ctx, `${dir}: builder ${builder.ref} (${builder.id.slice(0, 19)}) in ${builder.file}; offline: stasis-farm image load ${dir}`);
  return 0;
}

/** Without --with-builder: the builder the kit already carries stays in its index, if its archive is still there. */
async function keptBuilder(ctx: CliContext, dir: string): Promise<KitBuilder | undefined> {
  let builder: KitBuilder | undefined;
  try {
    builder = await recordedBuilder(dir);
  } catch (error) {
    // An unreadable index is rewritten by this export, as it always was; only its builder entry is lost.
    if (!isFarmError(error) || error.code !== 'MIRROR_INVALID') throw error;
    ctx.sink({ type: 'warn', message: `${dir}: its index.yaml is not valid (${error.message}); writing a new one without a builder` });
    return undefined;
  }
  if (builder === undefined || (await exists(join(dir, builder.file)))) return builder;
  ctx.sink({ type: 'warn', message: `${dir}: the index names ${builder.file}, which is gone; the kit no longer carries a builder` });
  return undefined;
}

/** --with-builder: the builder image saved from the engine into the kit (kept when the kit has it already). */
async function exportBuilder(ctx: CliContext, dir: string, ref: string | undefined): Promise<KitBuilder> {
  const runtime = await ctx.runtime();
  await runtime.ping();
  const builder = await inspectBuilder(runtime, ref ?? (await configuredDefaults(ctx)).ref);
  const r = await writeKitBuilder(dir, builder, () => runtime.saveImage(builder.ref), { signal: ctx.signal });
  ctx.sink({
    type: 'info',
    message: `${r.kept ? 'kept' : 'saved'} builder ${builder.ref} (${builder.id.slice(0, 19)}) as ${r.builder.file}, ${(r.builder.size / 1024 / 1024).toFixed(1)} MiB`,
  });
  return r.builder;
}

export async function verify(ctx: CliContext, { positionals }: ArgsOf<typeof MIRROR_VERIFY>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  const c = ctx.chalk;
  const r = await verifyMirror(dir);
  if (ctx.json) out(ctx, JSON.stringify(r));
  else {
    for (const m of r.missing) out(ctx, `${c.red('missing')}      ${m}`);
    for (const m of r.corrupt) out(ctx, `${c.red('corrupt')}      ${m.file}: wanted ${m.wanted}, got ${m.got}`);
    for (const m of r.unreferenced) out(ctx, `${c.yellow('unreferenced')} ${m}`);
    for (const m of r.unlisted ?? []) out(ctx, `${c.dim('not listed')}   ${m}`);
    const what = r.kind === 'sums' ? ' against SHA256SUMS (no index.yaml: a plain source directory)' : '';
    out(
      ctx,
      r.ok
        ? c.green(`${dir}: ${r.checked} file(s) verified${what}`)
        : c.red(`${dir}: ${r.missing.length} missing, ${r.corrupt.length} corrupt, ${r.unreferenced.length} unreferenced`),
    );
  }
  return r.ok ? 0 : 1;
}

export async function prune(ctx: CliContext, { values, positionals }: ArgsOf<typeof MIRROR_PRUNE>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  const referenced = new Map((await itemsOf(ctx, true, undefined)).map((i) => [i.file, i.sha256]));
  const removed = await pruneMirror(dir, referenced, { dryRun: values.yes !== true });
  for (const f of removed) out(ctx, `${values.yes === true ? 'removed' : 'would remove'} ${f}`);
  if (values.yes !== true && removed.length > 0) out(ctx, ctx.chalk.dim('dry run: pass --yes to remove them'));
  return 0;
}

export async function serve(ctx: CliContext, { values, positionals }: ArgsOf<typeof MIRROR_SERVE>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FarmError('USAGE', `--port: "${values.port}" is not a port`);
  const server = await serveMirror(dir, { host: values.host ?? '127.0.0.1', port, name: values.name ?? 'stasis-sources' });
  out(ctx, `serving ${dir} read-only at ${server.url} (Ctrl-C stops)`);
  await new Promise<void>((res) => ctx.signal.addEventListener('abort', () => res(), { once: true }));
  await server.close();
  return 0;
}

export async function torrent(ctx: CliContext, { values, positionals }: ArgsOf<typeof MIRROR_TORRENT>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  await readIndex(dir);
  const r = await makeTorrent(dir, { name: values.name ?? 'stasis-sources', webSeed: values['web-seed'] });
  out(ctx, `${r.torrentPath} (${r.pieces} pieces, ${expectedFiles(await readIndex(dir)).size} sources)\n${r.magnet}`);
  return 0;
}
