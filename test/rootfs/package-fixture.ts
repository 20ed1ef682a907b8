import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { pack } from 'tar-stream';
import type { ManifestEntry } from '../../farm/tar/index.js';
import type { CacheEntry } from '../../farm/cache/cache.js';

/** One entry of a hand-made package output. */
export type FixtureEntry =
  | { readonly path: string; readonly type: 'dir'; readonly mode?: number }
  | { readonly path: string; readonly type: 'file'; readonly content: string; readonly mode?: number }
  | { readonly path: string; readonly type: 'symlink' | 'hardlink'; readonly target: string };

/** Write entries as a package output tar (in the given order) to `file`. */
export async function writeOutputTar(file: string, entries: readonly FixtureEntry[]): Promise<void> {
  const p = pack();
  const done = pipeline(p, createWriteStream(file));
  for (const e of entries) {
    if (e.type === 'file') p.entry({ name: e.path, type: 'file', mode: e.mode ?? 0o644 }, e.content);
    else if (e.type === 'dir') p.entry({ name: `${e.path}/`, type: 'directory', mode: e.mode ?? 0o755 });
    else p.entry({ name: e.path, type: e.type === 'symlink' ? 'symlink' : 'link', linkname: e.target, mode: 0o777 });
  }
  p.finalize();
  await done;
}

/** A cache entry (output.tar + manifest.json) holding `entries`, as the build cache would hand it to assembly. */
export async function fakePackage(pkg: string, entries: readonly FixtureEntry[]): Promise<{ pkg: string; entry: CacheEntry }> {
  const dir = await mkdtemp(join(tmpdir(), `stasis-pkg-${pkg}-`));
  const tarPath = join(dir, 'output.tar');
  await writeOutputTar(tarPath, entries);
  const manifest: ManifestEntry[] = entries.map((e) => ({
    path: e.path,
    type: e.type,
    mode: e.type === 'dir' ? (e.mode ?? 0o755) : e.type === 'file' ? (e.mode ?? 0o644) : 0o777,
    uid: 0,
    gid: 0,
    size: e.type === 'file' ? Buffer.byteLength(e.content) : 0,
    ...(e.type === 'file' ? { sha256: createHash('sha256').update(e.content).digest('hex') } : {}),
    ...(e.type === 'symlink' || e.type === 'hardlink' ? { target: e.target } : {}),
  }));
  const manifestPath = join(dir, 'manifest.json');
  await writeFile(manifestPath, JSON.stringify(manifest));
  const meta = {
    key: randomBytes(32).toString('hex'),
    pkg,
    version: '1',
    stage: 'dev',
    outputSha256: createHash('sha256')
      .update(await readFile(tarPath))
      .digest('hex'),
    selfHash: '',
    depOutputs: {},
    files: entries.length,
    bytes: 0,
    durationMs: 0,
    inputs: {},
  };
  return { pkg, entry: { meta, dir, tarPath, manifestPath, logPath: join(dir, 'build.log') } };
}

export async function makeWorkspace(): Promise<{ previewDir: string; manifestFile: string }> {
  const ws = await mkdtemp(join(tmpdir(), 'stasis-ws-'));
  await mkdir(ws, { recursive: true });
  return { previewDir: join(ws, 'preview'), manifestFile: join(ws, 'preview.manifest.json') };
}
