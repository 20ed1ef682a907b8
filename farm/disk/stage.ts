import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { pack } from 'tar-stream';
import type { ImageEntry, RootfsImage } from '../boot/image.js';
import { entryHeader } from '../tar/entry-header.js';
import type { FsNeed } from './layout.js';

/** GRUB's BIOS modules in the rootfs (the grub package), copied to the boot filesystem as grub-install does. */
export const GRUB_MODULES = 'usr/lib/grub/i386-pc';

/** One path of a filesystem to make: where it lands, and where its bytes come from. */
export interface StagedEntry {
  readonly entry: ImageEntry;
  /** Read the body from this image path (a file, or the file a split hardlink named). */
  readonly from?: string;
  /** Or from this host file (--kernel). */
  readonly hostFile?: string;
}

export interface StagedTrees {
  readonly root: StagedEntry[];
  /** The /boot filesystem's tree when /boot is a partition of its own. */
  readonly boot: StagedEntry[] | undefined;
  /** Device nodes left out (the manifest has no device numbers; the system's devtmpfs provides /dev). */
  readonly skipped: string[];
}

const isModule = (path: string): boolean => path.startsWith(`${GRUB_MODULES}/`) && /^[^/]+\.(mod|lst)$/.test(path.slice(GRUB_MODULES.length + 1));

/**
 * The trees of the disk's filesystems, from the rootfs: with /boot on its own partition the
 * rootfs's boot/ goes there (boot/ stays on / as its mount point), else it stays on /; GRUB's
 * modules go to the grub directory beside grub.cfg; --kernel replaces boot/vmlinuz. Pure.
 */
export function stageTrees(image: RootfsImage, o: { readonly separateBoot: boolean; readonly kernel?: string | undefined; readonly kernelSize?: number }): StagedTrees {
  const skipped: string[] = [];
  const root: StagedEntry[] = [];
  const boot: StagedEntry[] = [];
  const byPath = new Map(image.entries.map((e) => [e.path, e]));
  const onBoot = (path: string): boolean => o.separateBoot && path.startsWith('boot/');
  const grubDir = o.separateBoot ? 'grub' : 'boot/grub';
  const into = (path: string): StagedEntry[] => (onBoot(path) ? boot : root);
  const rename = (path: string): string => (onBoot(path) ? path.slice('boot/'.length) : path);
  for (const e of image.entries) {
    if (e.type === 'char' || e.type === 'block') {
      skipped.push(e.path);
      continue;
    }
    if (o.kernel !== undefined && e.path === 'boot/vmlinuz') continue;
    const target = e.type === 'hardlink' && e.target !== undefined ? e.target : undefined;
    if (target !== undefined && onBoot(target) !== onBoot(e.path)) {
      // A hardlink across the two filesystems becomes a copy of its file.
      const file = byPath.get(target);
      into(e.path).push({ entry: { ...e, path: rename(e.path), type: 'file', size: file?.size ?? 0, target: undefined }, from: target });
      continue;
    }
    into(e.path).push({
      entry: { ...e, path: rename(e.path), target: target === undefined ? e.target : rename(target) },
      ...(e.type === 'file' ? { from: e.path } : {}),
    });
  }
  const tree = o.separateBoot ? boot : root;
  if (o.kernel !== undefined) {
    tree.push({ entry: { path: o.separateBoot ? 'vmlinuz' : 'boot/vmlinuz', type: 'file', mode: 0o644, uid: 0, gid: 0, size: o.kernelSize ?? 0 }, hostFile: o.kernel });
  }
  const have = new Set(tree.map((s) => s.entry.path));
  for (const dir of [grubDir, `${grubDir}/i386-pc`]) {
    if (!have.has(dir)) tree.push({ entry: { path: dir, type: 'dir', mode: 0o755, uid: 0, gid: 0, size: 0 } });
  }
  for (const e of image.entries) {
    if (e.type === 'file' && isModule(e.path)) {
      tree.push({
        entry: { path: `${grubDir}/i386-pc/${e.path.slice(GRUB_MODULES.length + 1)}`, type: 'file', mode: 0o644, uid: 0, gid: 0, size: e.size },
        from: e.path,
      });
    }
  }
  const sort = (list: StagedEntry[]): StagedEntry[] => list.sort((a, b) => (a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0));
  return { root: sort(root), boot: o.separateBoot ? sort(boot) : undefined, skipped };
}

const BLOCK = 4096;
/** The longest symlink target ext4 keeps in the inode itself. */
const FAST_SYMLINK = 59;

/** What a tree needs of a filesystem: its data blocks, one block per directory, an inode per path. */
export function needOf(tree: readonly StagedEntry[]): FsNeed {
  let bytes = BLOCK; // the root directory
  let inodes = 16; // reserved inodes, lost+found
  for (const { entry: e } of tree) {
    if (e.type === 'hardlink') continue;
    inodes++;
    if (e.type === 'file') bytes += Math.ceil(e.size / BLOCK) * BLOCK;
    else if (e.type === 'dir') bytes += BLOCK;
    else if (e.type === 'symlink' && (e.target ?? '').length > FAST_SYMLINK) bytes += BLOCK;
  }
  return { bytes, inodes };
}

/**
 * Write a tree as a tar (owners and modes as staged, mtime SOURCE_DATE_EPOCH, no user names) to
 * `file`; returns its sha256. The engine unpacks it with those owners for mke2fs -d to copy.
 */
export async function writeTreeTar(image: RootfsImage, tree: readonly StagedEntry[], file: string, sourceDateEpoch: number): Promise<string> {
  const p = pack();
  const hash = createHash('sha256');
  const mtime = new Date(sourceDateEpoch * 1000);
  const feed = (async () => {
    for (const s of tree) {
      const e = s.entry;
      const header = entryHeader(e, mtime);
      if (e.type === 'file') {
        const body = s.hostFile !== undefined ? await readFile(s.hostFile) : await image.read(s.from ?? e.path);
        header.size = body.length;
        await new Promise<void>((resolve, reject) => p.entry(header, body, (err) => (err ? reject(err) : resolve())));
      } else {
        await new Promise<void>((resolve, reject) => p.entry(header, (err) => (err ? reject(err) : resolve())));
      }
    }
    p.finalize();
  })();
  feed.catch((error: unknown) => p.destroy(error as Error));
  const hashing = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      done(null, chunk);
    },
  });
  await Promise.all([pipeline(p as unknown as NodeJS.ReadableStream, hashing, createWriteStream(file)), feed]);
  return hash.digest('hex');
}
