import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { writeFileAtomicIfChanged } from '../fs/atomic.js';
import { isKeyInputs, type KeyInputs } from '../keys/index.js';
import type { PreviousBuild } from '../plan/index.js';
import type { WorkspacePaths } from './paths.js';

export interface ManifestPackage {
  readonly name: string;
  readonly version: string;
  readonly key: string;
  readonly output_sha256: string;
  readonly files: number;
  readonly bytes: number;
  readonly build_ms: number;
  readonly sources: readonly { readonly file: string; readonly url?: string; readonly sha256: string }[];
}

/** `<workspace>/manifest.yaml`: what the last build of a stage produced. */
export interface WorkspaceManifest {
  readonly farm_version: string;
  readonly stage: string;
  readonly profile: string;
  /** cc and toolchain_flags: the image's declared toolchain; libc: the C library it runs on (each absent in manifests of older farms). */
  readonly builder_image: { readonly ref: string; readonly id: string; readonly cc?: string; readonly toolchain_flags?: string; readonly libc?: string };
  readonly source_date_epoch: number;
  readonly packages: readonly ManifestPackage[];
}

export async function writeManifest(paths: WorkspacePaths, manifest: WorkspaceManifest): Promise<void> {
  await writeFileAtomicIfChanged(paths.manifest, stringify(manifest));
}

export async function readManifest(file: string): Promise<WorkspaceManifest | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return undefined;
  }
  return parse(text) as WorkspaceManifest;
}

/** Remember each package's key inputs so `plan` and `why` can diff against them (a record that is already so is not rewritten). */
export async function recordKeys(paths: WorkspacePaths, keys: ReadonlyMap<string, { key: string; inputs: KeyInputs }>): Promise<void> {
  await mkdir(paths.keys, { recursive: true });
  for (const [name, k] of keys) {
    await writeFileAtomicIfChanged(join(paths.keys, `${name}.json`), JSON.stringify({ key: k.key, inputs: k.inputs }));
  }
}

export async function readRecordedKeys(paths: WorkspacePaths): Promise<Map<string, PreviousBuild>> {
  const out = new Map<string, PreviousBuild>();
  for (const [name, data] of await readRecords(paths)) {
    if (isKeyInputs(data.inputs)) out.set(name, { key: data.key, inputs: data.inputs });
  }
  return out;
}

/**
 * The key each package was last recorded with (package -> key), whatever the
 * shape of its recorded inputs: what the stage's cache must keep.
 */
export async function readRecordedKeyIds(paths: WorkspacePaths): Promise<Map<string, string>> {
  return new Map([...(await readRecords(paths))].map(([name, data]) => [name, data.key]));
}

async function readRecords(paths: WorkspacePaths): Promise<Map<string, { key: string; inputs: unknown }>> {
  const out = new Map<string, { key: string; inputs: unknown }>();
  let names: string[];
  try {
    names = await readdir(paths.keys);
  } catch {
    return out;
  }
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    try {
      const data = JSON.parse(await readFile(join(paths.keys, name), 'utf8')) as { key?: unknown; inputs?: unknown };
      if (typeof data.key === 'string') out.set(name.slice(0, -5), { key: data.key, inputs: data.inputs });
    } catch {
      // an unreadable record is treated as absent
    }
  }
  return out;
}
