import type { Readable } from 'node:stream';
import { readTar } from '../tar/read.js';
import { OS_RELEASE_FILES, rootfsFacts, type ProbeEntry, type RootfsFacts } from './rootfs-facts.js';

/** An os-release file is a few hundred bytes; anything larger is not one. */
const MAX_TEXT = 64 * 1024;

const TYPES: Readonly<Record<string, ProbeEntry['type']>> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'dir',
  symlink: 'symlink',
  link: 'hardlink',
};

/** A tar entry's name as a rootfs path: no leading ./ or /, no trailing /. */
function rootfsPath(name: string): string {
  return name
    .split('/')
    .filter((p) => p !== '' && p !== '.')
    .join('/');
}

async function text(body: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > MAX_TEXT) return '';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Read a rootfs tarball (plain, gzip, bzip2 or xz) once, through the farm's one
 * archive reader, and say what it is (rootfs-facts.ts). An unreadable file is
 * ArchiveInvalid naming it.
 */
export async function probeRootfsTarball(path: string): Promise<RootfsFacts> {
  const entries: ProbeEntry[] = [];
  const texts = new Map<string, string>();
  const wanted = new Set<string>(OS_RELEASE_FILES);
  await readTar(
    path,
    async (header, body) => {
      const name = rootfsPath(header.name);
      if (name === '') return;
      entries.push({ path: name, type: TYPES[header.type ?? 'file'] ?? 'other', target: header.linkname ?? undefined });
      if (wanted.has(name) && header.type === 'file') texts.set(name, await text(body));
    },
    { hint: `${path} must be a rootfs tarball (.tar, optionally gzip, bzip2 or xz compressed)` },
  );
  return rootfsFacts(entries, texts);
}
