import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

/** What a dev stage's manifest.yaml says of its builder and packages. */
export interface DevManifest {
  readonly builder_image: { readonly ref: string; readonly id: string };
  readonly packages: readonly { readonly name: string; readonly key: string; readonly output_sha256: string }[];
}

/** The dev stage's records of a tree's last build: its manifest and its rootfs file manifest (preview.manifest.json, as text). */
export async function devRecords(root: string): Promise<{ manifest: DevManifest; files: string }> {
  const dir = join(root, 'workspace');
  return {
    manifest: parse(await readFile(join(dir, 'manifest.yaml'), 'utf8')) as DevManifest,
    files: await readFile(join(dir, 'preview.manifest.json'), 'utf8'),
  };
}

/** Per package: its key and its output's sha256, to compare two builds of the same tree. */
export function keysAndOutputs(m: DevManifest): Record<string, { key: string; output: string }> {
  return Object.fromEntries(m.packages.map((p) => [p.name, { key: p.key, output: p.output_sha256 }]));
}
