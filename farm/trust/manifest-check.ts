import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MANIFEST, readReleaseManifest } from '../release/manifest.js';
import { openArchive } from '../tar/open.js';
import type { TrustProblem } from './problem.js';

export const SBOM = 'sbom.spdx.json';

interface Spdx {
  readonly name?: string;
  readonly documentNamespace?: string;
  readonly packages?: readonly { readonly name: string; readonly versionInfo?: string; readonly checksums?: readonly { algorithm: string; checksumValue: string }[] }[];
}

async function tarSha256(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of await openArchive(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The release's parts agree with each other: the files the manifest names are
 * in SHA256SUMS, the rootfs tarball unpacks to the tar sha256 the manifest
 * records, and the SBOM lists the same packages with the stage-B output hashes
 * (its namespace names the same rootfs). Stage A and B agree per package unless
 * the comparison excluded it.
 */
export async function checkManifest(distDir: string, listed: ReadonlyMap<string, string>): Promise<TrustProblem[]> {
  const problems: TrustProblem[] = [];
  const fail = (file: string, detail: string): void => void problems.push({ kind: 'manifest', file, detail });
  const manifest = await readReleaseManifest(distDir);
  if (manifest === undefined) {
    fail(MANIFEST, 'missing or not YAML');
    return problems;
  }
  const named = (file: string | undefined, what: string): boolean => {
    if (file === undefined) fail(MANIFEST, `names no ${what}`);
    else if (!listed.has(file)) fail(file, `the manifest's ${what}, but SHA256SUMS does not list it`);
    else return true;
    return false;
  };
  const tar = manifest.rootfs?.file;
  if (named(tar, 'rootfs tarball (rootfs.file)')) {
    const got = await tarSha256(join(distDir, tar as string)).catch((e: Error) => `unreadable (${e.message})`);
    if (got !== manifest.rootfs?.tar_sha256) fail(tar as string, `tar sha256 ${got}, manifest.yaml records ${manifest.rootfs?.tar_sha256 ?? 'none'}`);
  }
  if (manifest.boot?.serial_log !== undefined) named(manifest.boot.serial_log, 'boot serial log');
  let sbom: Spdx | undefined;
  if (listed.has(SBOM)) sbom = JSON.parse(await readFile(join(distDir, SBOM), 'utf8').catch(() => 'null')) as Spdx | undefined;
  if (sbom === undefined || sbom === null) {
    fail(SBOM, 'missing from the release (or not listed in SHA256SUMS)');
    return problems;
  }
  if (sbom.name !== manifest.release) fail(SBOM, `names the release ${sbom.name ?? 'nothing'}, manifest.yaml ${manifest.release ?? 'nothing'}`);
  if (manifest.rootfs?.tar_sha256 !== undefined && !(sbom.documentNamespace ?? '').endsWith(`-${manifest.rootfs.tar_sha256}`))
    fail(SBOM, `its namespace ${sbom.documentNamespace ?? '(none)'} does not name the rootfs tar sha256 ${manifest.rootfs.tar_sha256}`);
  const inSbom = new Map((sbom.packages ?? []).map((p) => [p.name, p]));
  const excluded = new Set(manifest.comparison?.excluded ?? []);
  for (const p of manifest.packages ?? []) {
    const s = inSbom.get(p.name);
    inSbom.delete(p.name);
    const out = p.output_sha256 ?? {};
    if (s === undefined) fail(SBOM, `package ${p.name} of manifest.yaml is missing`);
    else {
      const sum = s.checksums?.find((c) => c.algorithm === 'SHA256')?.checksumValue;
      if (sum !== out.b) fail(SBOM, `package ${p.name}: checksum ${sum ?? 'none'}, manifest.yaml's stage B output ${out.b ?? 'none'}`);
      if (s.versionInfo !== p.version) fail(SBOM, `package ${p.name}: version ${s.versionInfo ?? 'none'}, manifest.yaml ${p.version ?? 'none'}`);
    }
    if (out.a !== out.b && !excluded.has(p.name))
      fail(MANIFEST, `package ${p.name}: stage A output ${out.a ?? 'none'} and stage B ${out.b ?? 'none'} differ, yet the release passed`);
  }
  for (const name of inSbom.keys()) fail(SBOM, `package ${name} is not in manifest.yaml`);
  return problems;
}
