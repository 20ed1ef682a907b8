import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip, constants } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { stringify } from 'yaml';
import { sha256File } from '../fs/hash.js';
import { packRootfs } from '../rootfs/pack.js';
import type { RootfsEntry } from '../rootfs/merge.js';

export interface DistInput {
  readonly distDir: string;
  readonly name: string;
  readonly previewDir: string;
  readonly entries: readonly RootfsEntry[];
  readonly sourceDateEpoch: number;
  /** The release manifest (written as manifest.yaml). */
  readonly manifest: Record<string, unknown>;
  /** SBOM document builder, given the rootfs tar's sha256. */
  readonly sbom: (rootfsSha256: string) => Record<string, unknown>;
  /** Other files to ship (e.g. the boot's serial log): name in dist/ and where to copy it from. */
  readonly extraFiles?: readonly { readonly name: string; readonly from: string }[];
}

export interface DistResult {
  readonly dir: string;
  readonly tarball: string;
  readonly rootfsSha256: string;
  readonly files: readonly string[];
}

/**
 * Write dist/: the deterministic rootfs tarball (gzip -9, no name or time in
 * the gzip header), manifest.yaml, sbom.spdx.json and SHA256SUMS. Everything is
 * written into a temp directory and swapped in with one rename.
 */
export async function writeDist(input: DistInput): Promise<DistResult> {
  const parent = dirname(input.distDir);
  await mkdir(parent, { recursive: true });
  const tmp = join(parent, `.${basename(input.distDir)}.tmp-${randomBytes(4).toString('hex')}`);
  await mkdir(tmp);
  try {
    const tarName = `${input.name}-rootfs.tar.gz`;
    const rawHash = createHash('sha256');
    const tap = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        rawHash.update(chunk);
        cb(null, chunk);
      },
    });
    await pipeline(
      packRootfs(input.previewDir, input.entries, input.sourceDateEpoch),
      tap,
      createGzip({ level: constants.Z_BEST_COMPRESSION }),
      createWriteStream(join(tmp, tarName)),
    );
    const rootfsSha256 = rawHash.digest('hex');
    const manifest = { ...input.manifest, rootfs: { file: tarName, tar_sha256: rootfsSha256 } };
    await writeFile(join(tmp, 'manifest.yaml'), stringify(manifest));
    await writeFile(join(tmp, 'sbom.spdx.json'), JSON.stringify(input.sbom(rootfsSha256), null, 2) + '\n');
    for (const extra of input.extraFiles ?? []) await copyFile(extra.from, join(tmp, extra.name));
    const files = (await readdir(tmp)).filter((f) => f !== 'SHA256SUMS').sort();
    const sums = await Promise.all(files.map(async (f) => `${await sha256File(join(tmp, f))}  ${f}`));
    await writeFile(join(tmp, 'SHA256SUMS'), sums.join('\n') + '\n');
    await rm(input.distDir, { recursive: true, force: true });
    await rename(tmp, input.distDir);
    return { dir: input.distDir, tarball: join(input.distDir, tarName), rootfsSha256, files: [...files, 'SHA256SUMS'] };
  } catch (error) {
    await rm(tmp, { recursive: true, force: true });
    throw error;
  }
}
