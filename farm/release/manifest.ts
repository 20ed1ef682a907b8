import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

export const MANIFEST = 'manifest.yaml';

/** The parts of a release manifest that `verify` and `challenge` read. */
export interface ReleaseManifest {
  readonly release?: string;
  readonly farm_version?: string;
  readonly profile?: string;
  readonly source_date_epoch?: number;
  readonly recipe_tree?: { readonly sha256?: string; readonly git_commit?: string };
  readonly builder_image?: { readonly ref?: string; readonly id?: string; readonly libc?: string };
  readonly boot?: { readonly serial_log?: string };
  readonly comparison?: { readonly excluded?: readonly string[] };
  readonly rootfs?: { readonly file?: string; readonly tar_sha256?: string };
  readonly packages?: readonly {
    readonly name: string;
    readonly version?: string;
    readonly output_sha256?: { readonly dev?: string; readonly a?: string; readonly b?: string };
  }[];
}

export async function readReleaseManifest(distDir: string): Promise<ReleaseManifest | undefined> {
  try {
    const data = parse(await readFile(join(distDir, MANIFEST), 'utf8')) as unknown;
    return typeof data === 'object' && data !== null ? data : undefined;
  } catch {
    return undefined;
  }
}
