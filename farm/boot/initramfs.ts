import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { tempPathFor } from '../fs/atomic.js';
import { FarmError } from '../errors/index.js';
import { encodeMember, S_IFCHR, S_IFDIR, S_IFIFO, S_IFLNK, S_IFREG, trailer, type CpioMember } from './cpio.js';
import { reproducibleGzip } from './gzip.js';
import { byPath, type ImageEntry, type RootfsImage } from './image.js';

/** A file the boot adds to the initramfs (never to the rootfs or a release). */
export interface Addition {
  readonly path: string;
  readonly type: 'dir' | 'file' | 'char';
  readonly mode: number;
  readonly content?: string;
  readonly rdev?: readonly [number, number];
}

export interface InitramfsResult {
  readonly path: string;
  readonly sha256: string;
  readonly members: number;
  /** Device nodes of the image left out (the manifest has no device numbers; devtmpfs provides them). Fifos are kept. */
  readonly skippedDevices: readonly string[];
}

type Source = { readonly entry: ImageEntry; readonly addition?: undefined } | { readonly entry: ImageEntry; readonly addition: Addition };

const TYPE_BITS: Record<string, number> = { file: S_IFREG, hardlink: S_IFREG, dir: S_IFDIR, symlink: S_IFLNK, char: S_IFCHR, fifo: S_IFIFO };

/** The image's entries with the additions laid over them (an addition wins, a shared directory stays). */
function merged(image: RootfsImage, additions: readonly Addition[]): Source[] {
  const byName = new Map<string, Source>(image.entries.map((entry) => [entry.path, { entry }]));
  for (const a of additions) {
    if (a.type === 'dir' && byName.get(a.path)?.entry.type === 'dir') continue;
    const size = a.content === undefined ? 0 : Buffer.byteLength(a.content);
    byName.set(a.path, { entry: { path: a.path, type: a.type, mode: a.mode, uid: 0, gid: 0, size }, addition: a });
  }
  return [...byName.values()].sort((x, y) => byPath(x.entry, y.entry));
}

/**
 * The members in path order. Inode numbers count up from 1; a hardlink shares
 * its file's inode and the data travels with the first name in path order.
 */
async function* members(sources: readonly Source[], image: RootfsImage, mtime: number, skipped: string[]): AsyncGenerator<CpioMember> {
  const names = new Map<string, string[]>();
  const types = new Map(sources.map((s) => [s.entry.path, s.entry.type]));
  for (const { entry } of sources) {
    if (entry.type !== 'hardlink') continue;
    const target = entry.target ?? '';
    if (types.get(target) !== 'file') throw new FarmError('USAGE', `${image.label}: hardlink ${entry.path} -> ${target}: not a file of the rootfs`);
    names.set(target, [...(names.get(target) ?? [target]), entry.path]);
  }
  const groupOf = new Map<string, string>();
  for (const [target, group] of names) for (const n of group) groupOf.set(n, target);
  const inodes = new Map<string, number>();
  const written = new Set<string>();
  let next = 1;
  for (const { entry, addition } of sources) {
    if (entry.type === 'block' || (entry.type === 'char' && addition === undefined)) {
      skipped.push(entry.path);
      continue;
    }
    const group = groupOf.get(entry.path);
    let ino = group === undefined ? undefined : inodes.get(group);
    if (ino === undefined) {
      ino = next++;
      if (group !== undefined) inodes.set(group, ino);
    }
    const base = { name: entry.path, mode: (TYPE_BITS[entry.type] as number) | entry.mode, uid: entry.uid, gid: entry.gid, ino, mtime };
    const nlink = group === undefined ? (entry.type === 'dir' ? 2 : 1) : (names.get(group) as string[]).length;
    if (entry.type === 'symlink') yield { ...base, nlink, data: Buffer.from(entry.target ?? '') };
    else if (entry.type === 'char') yield { ...base, nlink, rdevMajor: addition?.rdev?.[0], rdevMinor: addition?.rdev?.[1] };
    else if (entry.type === 'dir' || entry.type === 'fifo') yield { ...base, nlink };
    else if (group !== undefined && written.has(group)) yield { ...base, nlink };
    else {
      if (group !== undefined) written.add(group);
      const file = group ?? entry.path;
      yield { ...base, nlink, data: addition !== undefined ? Buffer.from(addition.content ?? '') : await image.read(file) };
    }
  }
}

/**
 * Write the initramfs of `image` plus `additions` as a gzip'd newc cpio into
 * `dir` (named by its sha256), atomically. Owners and modes from the image,
 * every mtime `sourceDateEpoch`: the same input gives the same bytes.
 */
export async function writeInitramfs(
  image: RootfsImage,
  additions: readonly Addition[],
  options: { readonly dir: string; readonly sourceDateEpoch: number },
): Promise<InitramfsResult> {
  await mkdir(options.dir, { recursive: true });
  const tmp = tempPathFor(join(options.dir, 'initramfs.cpio.gz'));
  const skipped: string[] = [];
  const sources = merged(image, additions);
  const hash = createHash('sha256');
  const { gzip, fixHeader } = reproducibleGzip();
  async function* bytes(): AsyncGenerator<Buffer> {
    for await (const m of members(sources, image, options.sourceDateEpoch, skipped)) yield encodeMember(m);
    yield trailer();
  }
  const tee = new Transform({
    transform(chunk: Buffer, _e, cb) {
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  try {
    await pipeline(Readable.from(bytes()), gzip, fixHeader, tee, createWriteStream(tmp));
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
  const sha256 = hash.digest('hex');
  const path = join(options.dir, `initramfs-${sha256.slice(0, 16)}.cpio.gz`);
  await rename(tmp, path);
  return { path, sha256, members: sources.length - skipped.length, skippedDevices: skipped };
}
