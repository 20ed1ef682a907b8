import { join, resolve } from 'node:path';
import { FarmError } from '../errors/index.js';
import { exportMirror, expectedFiles, makeTorrent, pruneMirror, readIndex, serveMirror, verifyMirror, type MirrorItem } from '../mirror/index.js';
import { loadProject } from '../project/load.js';
import { workspacePaths } from '../workspace/paths.js';
import { defineCommand, defineGroup } from './command.js';
import { out, type CliContext } from './io.js';
import type { ArgsOf, CommandSpec, OptionSpec, PositionalSpec } from './spec.js';
import { ALL_RECIPES } from './options.js';

async function itemsOf(ctx: CliContext, all: boolean, profile: string | undefined): Promise<MirrorItem[]> {
  const project = await loadProject(ctx.root, { all, profile });
  return project.order.order.flatMap((pkg) => (project.recipes.get(pkg)?.recipe.sources ?? []).map((s) => ({ pkg, file: s.file, sha256: s.sha256, ...(s.url === undefined ? {} : { url: s.url }) })));
}

const DIR = [{ name: 'DIR', description: 'the mirror directory (default: workspace/mirror)', optional: true }] as const satisfies readonly PositionalSpec[];
const NAME = { type: 'string', value: 'NAME', description: 'the name of the source set, the top directory of the torrent (default: stasis-sources)' } as const satisfies OptionSpec;

const EXPORT = {
  name: 'mirror export',
  summary: 'copy the sources of the selected packages into a self-describing mirror directory',
  description:
    'Copied from the store and the mirror directories (--mirror, STASIS_MIRROR), each checked against its sha256; a file already there with the right hash is kept. The directory gets index.yaml and SHA256SUMS.',
  positionals: DIR,
  options: {
    all: ALL_RECIPES,
    profile: { type: 'string', value: 'P', description: "the sources of profiles/P.lua instead of config.lua's profile" },
  },
} as const satisfies CommandSpec;

const VERIFY = {
  name: 'mirror verify',
  summary: 're-hash a mirror; report missing, corrupt and unreferenced files (exit 1 when any)',
  positionals: DIR,
  options: {},
} as const satisfies CommandSpec;

const PRUNE = {
  name: 'mirror prune',
  summary: 'remove the files no recipe references (a dry run unless --yes)',
  positionals: DIR,
  options: { yes: { type: 'boolean', description: 'remove them (without it: list what would be removed)' } },
} as const satisfies CommandSpec;

const SERVE = {
  name: 'mirror serve',
  summary: 'serve a mirror read-only over HTTP, for other farms (until Ctrl-C)',
  description: 'Only the files its index names are served, also under /NAME/ for BitTorrent web seeds.',
  positionals: DIR,
  options: {
    port: { type: 'string', value: 'N', description: 'the TCP port (default 8080; 0: any free port)' },
    host: { type: 'string', value: 'H', description: 'the address to listen on (default 127.0.0.1, loopback only)' },
    name: NAME,
  },
} as const satisfies CommandSpec;

const TORRENT = {
  name: 'mirror torrent',
  summary: 'a BitTorrent v1 .torrent and magnet link of a mirror, with a web seed',
  positionals: DIR,
  options: {
    'web-seed': { type: 'string', value: 'URL', required: true, description: 'where the files can also be fetched over HTTP, e.g. the URL of `stasis-farm mirror serve`' },
    name: NAME,
  },
} as const satisfies CommandSpec;

const dirOf = (ctx: CliContext, positionals: readonly string[]): string => resolve(ctx.root, positionals[0] ?? join('workspace', 'mirror'));

async function exportSources(ctx: CliContext, { values, positionals }: ArgsOf<typeof EXPORT>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  const items = await itemsOf(ctx, values.all === true, values.profile);
  const store = workspacePaths(ctx.root, 'dev').store;
  const r = await exportMirror(items, { dir, sources: [store, ...ctx.mirrors], sink: ctx.sink });
  out(ctx, `${dir}: ${r.copied.length} copied (${(r.bytes / 1024 / 1024).toFixed(1)} MiB), ${r.kept.length} already present and verified`);
  return 0;
}

async function verify(ctx: CliContext, { positionals }: ArgsOf<typeof VERIFY>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  const c = ctx.chalk;
  const r = await verifyMirror(dir);
  if (ctx.json) out(ctx, JSON.stringify(r));
  else {
    for (const m of r.missing) out(ctx, `${c.red('missing')}      ${m}`);
    for (const m of r.corrupt) out(ctx, `${c.red('corrupt')}      ${m.file}: wanted ${m.wanted}, got ${m.got}`);
    for (const m of r.unreferenced) out(ctx, `${c.yellow('unreferenced')} ${m}`);
    out(ctx, r.ok ? c.green(`${dir}: ${r.checked} file(s) verified`) : c.red(`${dir}: ${r.missing.length} missing, ${r.corrupt.length} corrupt, ${r.unreferenced.length} unreferenced`));
  }
  return r.ok ? 0 : 1;
}

async function prune(ctx: CliContext, { values, positionals }: ArgsOf<typeof PRUNE>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  const referenced = new Map((await itemsOf(ctx, true, undefined)).map((i) => [i.file, i.sha256]));
  const removed = await pruneMirror(dir, referenced, { dryRun: values.yes !== true });
  for (const f of removed) out(ctx, `${values.yes === true ? 'removed' : 'would remove'} ${f}`);
  if (values.yes !== true && removed.length > 0) out(ctx, ctx.chalk.dim('dry run: pass --yes to remove them'));
  return 0;
}

async function serve(ctx: CliContext, { values, positionals }: ArgsOf<typeof SERVE>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  const port = values.port === undefined ? 8080 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new FarmError('USAGE', `--port: "${values.port}" is not a port`);
  const server = await serveMirror(dir, { host: values.host ?? '127.0.0.1', port, name: values.name ?? 'stasis-sources' });
  out(ctx, `serving ${dir} read-only at ${server.url} (Ctrl-C stops)`);
  await new Promise<void>((res) => ctx.signal.addEventListener('abort', () => res(), { once: true }));
  await server.close();
  return 0;
}

async function torrent(ctx: CliContext, { values, positionals }: ArgsOf<typeof TORRENT>): Promise<number> {
  const dir = dirOf(ctx, positionals);
  await readIndex(dir);
  const r = await makeTorrent(dir, { name: values.name ?? 'stasis-sources', webSeed: values['web-seed'] });
  out(ctx, `${r.torrentPath} (${r.pieces} pieces, ${expectedFiles(await readIndex(dir)).size} sources)\n${r.magnet}`);
  return 0;
}

export const mirrorCommand = defineGroup('mirror', 'airgap tooling for the source mirror: export, verify, prune, serve over HTTP, share over BitTorrent', [
  defineCommand(EXPORT, exportSources),
  defineCommand(VERIFY, verify),
  defineCommand(PRUNE, prune),
  defineCommand(SERVE, serve),
  defineCommand(TORRENT, torrent),
]);
