import { mkdir, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { FarmError, UnsafePath } from '../errors/index.js';
import type { CacheEntry } from '../cache/cache.js';
import type { ManifestEntry } from '../tar/index.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { beneath } from '../fs/beneath.js';
import { extractEntry, readEntryManifest } from '../cache/index.js';
import { checkLinksInTheWay } from './links.js';
import { mergeManifests, type RootfsEntry } from './merge.js';
import type { RenderedFile } from './render.js';
import { checkServiceTree } from './services.js';

export interface AssembleResult {
  readonly dir: string;
  readonly entries: readonly RootfsEntry[];
}

export interface AssembleOptions {
  readonly previewDir: string;
  readonly manifestFile: string;
  /** In build order; `fallback`: its files give way to another package's at the same path (recipe `fallback`). */
  readonly packages: readonly { readonly pkg: string; readonly entry: CacheEntry; readonly fallback?: boolean }[];
  /** Files rendered from config.lua; they win over package files at the same path. */
  readonly rendered?: readonly RenderedFile[];
  /** Aborting stops the assembly; the old preview is kept. */
  readonly signal?: AbortSignal;
}

/** One package output with its manifest. */
interface Part {
  readonly pkg: string;
  readonly entry: CacheEntry;
  readonly manifest: ManifestEntry[];
  readonly fallback?: boolean | undefined;
}

/**
 * Assemble the rootfs from package outputs (in build order) into `previewDir`:
 * built beside it and swapped in with renames, so a failure leaves the old
 * preview intact. The merged manifest (owners and modes included) is written to
 * `manifestFile`.
 */
export async function assembleRootfs(options: AssembleOptions): Promise<AssembleResult & { readonly reused: boolean }> {
  const rendered = options.rendered ?? [];
  // The same package outputs in the same order and the same config files give the same rootfs: keep it.
  const id = createHash('sha256')
    .update(JSON.stringify([options.packages.map(({ pkg, entry, fallback }) => [pkg, entry.meta.outputSha256, fallback === true]), rendered]))
    .digest('hex');
  const idFile = `${options.manifestFile}.id`;
  const kept = await keptPreview(options, idFile, id);
  if (kept !== undefined) return { dir: options.previewDir, entries: kept, reused: true };
  const parts = await Promise.all(
    options.packages.map(async ({ pkg, entry, fallback }) => ({
      pkg,
      entry,
      manifest: await readEntryManifest(entry),
      fallback,
    })),
  );
  const merged = mergeChecked(parts, rendered);
  await writePreview(options.previewDir, parts, rendered, options.signal);
  const entries = withRendered(merged, rendered);
  await rm(idFile, { force: true });
  // One entry per line: readable, diffable, and fast to parse for the next run.
  await writeFileAtomic(options.manifestFile, `[\n${entries.map((e) => JSON.stringify(e)).join(',\n')}\n]\n`);
  await writeFileAtomic(idFile, id + '\n');
  return { dir: options.previewDir, entries, reused: false };
}

/** The entries of the preview when it was assembled from the same inputs and is still there. */
async function keptPreview(options: AssembleOptions, idFile: string, id: string): Promise<RootfsEntry[] | undefined> {
  const previousId = await readFile(idFile, 'utf8').catch(() => '');
  if (previousId.trim() !== id) return undefined;
  const entries = await readRootfsManifest(options.manifestFile);
  const present = await stat(options.previewDir).then(
    () => true,
    () => false,
  );
  return entries !== undefined && present ? entries : undefined;
}

/**
 * The merged package entries (config.lua's files left out), once the tree is known to be writable
 * and the packages and config.lua agree: no path beneath a symlink, no path two packages fill
 * differently, an s6-rc source tree that s6-rc-compile accepts.
 */
function mergeChecked(parts: readonly Part[], rendered: readonly RenderedFile[]): readonly RootfsEntry[] {
  // Nothing may be put beneath a symlink (the tree is written without following links; say who and where first).
  checkLinksInTheWay([...parts.flatMap(({ pkg, manifest }) => manifest.map((e) => ({ ...e, origin: pkg }))), ...rendered.map((f) => ({ ...f, origin: 'config.lua' }))]);
  const renderedPaths = new Set(rendered.map((f) => f.path));
  const merged = mergeManifests(
    parts.map(({ pkg, manifest, fallback }) => ({ pkg, manifest: manifest.filter((e) => !renderedPaths.has(e.path) || e.type === 'dir'), fallback })),
  );
  if (merged.conflicts.length > 0) {
    throw new FarmError(
      'BUILD_FAILED',
      `packages install the same path with different content:\n` +
        merged.conflicts
          .slice(0, 20)
          .map((c) => `  ${c.path}: ${c.packages[0]} and ${c.packages[1]}`)
          .join('\n'),
      { hint: 'remove the file from one recipe, or exclude one of the packages' },
    );
  }
  // The s6-rc sources (packages' and config.lua's) must form a tree s6-rc-compile accepts.
  const origins = new Map<string, string>(merged.entries.map((e) => [e.path, e.package ?? 'a package']));
  for (const f of rendered) origins.set(f.path, 'config.lua');
  checkServiceTree(origins, new Map(rendered.filter((f) => f.content !== undefined).map((f) => [f.path, f.content as string])));
  return merged.entries;
}

/** Write the tree beside the preview, then swap it in with renames; on failure the scratch tree goes and the old preview stays. */
async function writePreview(previewDir: string, parts: readonly Part[], rendered: readonly RenderedFile[], signal: AbortSignal | undefined): Promise<void> {
  const parent = dirname(previewDir);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `${scratchPrefix(previewDir, 'tmp')}${randomBytes(4).toString('hex')}`);
  const old = join(parent, `${scratchPrefix(previewDir, 'old')}${randomBytes(4).toString('hex')}`);
  await mkdir(tmp, { recursive: true });
  try {
    // Each output is hashed as it is unpacked: a corrupt cache entry never reaches the preview.
    // Fallbacks first: another package's file at one of their paths replaces theirs, as the merge decided.
    const ordered = [...parts.filter((p) => p.fallback === true), ...parts.filter((p) => p.fallback !== true)];
    for (const { pkg, entry } of ordered) await writtenBy(pkg, extractEntry(entry, tmp, { signal }));
    await writtenBy('config.lua', writeRendered(tmp, rendered));
    signal?.throwIfAborted();
    await rename(previewDir, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    await rename(tmp, previewDir);
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
  await rm(old, { recursive: true, force: true });
}

/** The packages' entries with config.lua's files over them (a directory both make keeps config.lua's mode), sorted by path. */
function withRendered(merged: readonly RootfsEntry[], rendered: readonly RenderedFile[]): RootfsEntry[] {
  const configEntries: RootfsEntry[] = rendered.map((f) => ({
    path: f.path,
    type: f.type,
    mode: f.mode,
    uid: 0,
    gid: 0,
    size: f.content === undefined ? 0 : Buffer.byteLength(f.content),
    ...(f.content === undefined ? {} : { sha256: createHash('sha256').update(f.content).digest('hex') }),
    ...(f.target === undefined ? {} : { target: f.target }),
    package: '(config)',
  }));
  const byPath = new Map<string, RootfsEntry>(merged.map((e) => [e.path, e]));
  for (const e of configEntries) {
    const existing = byPath.get(e.path);
    byPath.set(e.path, existing !== undefined && existing.type === 'dir' && e.type === 'dir' ? { ...existing, mode: e.mode } : e);
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** `.preview.tmp-` / `.preview.old-`: the scratch trees of an assembly beside the preview. */
function scratchPrefix(previewDir: string, kind: 'tmp' | 'old'): string {
  return `.${basename(previewDir)}.${kind}-`;
}

/** Remove the scratch trees an interrupted or crashed assembly left beside `previewDir`; returns their names. */
export async function removeStaleAssemblies(previewDir: string): Promise<string[]> {
  const parent = dirname(previewDir);
  const prefixes = [scratchPrefix(previewDir, 'tmp'), scratchPrefix(previewDir, 'old')];
  const stale = (await readdir(parent).catch(() => [] as string[])).filter((n) => prefixes.some((p) => n.startsWith(p)));
  await Promise.all(stale.map((n) => rm(join(parent, n), { recursive: true, force: true })));
  return stale;
}

export async function readRootfsManifest(file: string): Promise<RootfsEntry[] | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as RootfsEntry[];
  } catch {
    return undefined;
  }
}

/** A refusal of the tree writer, naming who wanted the write. */
async function writtenBy(origin: string, work: Promise<unknown>): Promise<void> {
  await work.catch((error: unknown) => {
    throw error instanceof UnsafePath ? new FarmError('BUILD_FAILED', `${origin}: ${error.message}`, { hint: error.hint, cause: error }) : error;
  });
}

/** Write config-rendered files into the tree (modes other than setuid applied on disk), never through a link. */
async function writeRendered(dir: string, files: readonly RenderedFile[]): Promise<void> {
  const tree = beneath(dir);
  for (const f of files) {
    if (f.type === 'dir') await tree.mkdir(f.path, f.mode & 0o1777);
    else if (f.type === 'symlink') await tree.symlink(f.path, f.target ?? '');
    else await tree.writeFile(f.path, f.content ?? '', f.mode & 0o777);
  }
}
