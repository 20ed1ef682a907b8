import { constants, type Stats } from 'node:fs';
import { chmod, link, lstat, mkdir, open, readlink, symlink, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { UnsafePath } from '../errors/index.js';

const { O_CREAT, O_DIRECTORY, O_EXCL, O_NOFOLLOW, O_RDONLY, O_WRONLY } = constants;

const absent = (error: NodeJS.ErrnoException): undefined => {
  if (error.code === 'ENOENT') return undefined;
  throw error;
};

/**
 * A directory tree written (and read back) strictly beneath `root`, the way
 * openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) resolves names: every parent
 * component must be a real directory inside the root (checked with lstat;
 * missing ones are created as directories, mode 0755), and a final component
 * is never followed: a file or link is replaced by unlink-then-create, modes
 * are set through a descriptor opened with O_NOFOLLOW, hardlink sources are
 * resolved the same way. A symlink in the way is an UnsafePath error.
 *
 * Names are relative, '/'-separated and must not contain '..'. Use one instance
 * per tree and write only through it: directories it has checked are remembered
 * (it never replaces a directory, so they stay directories).
 *
 * Every writer of a tree whose names come from packages or config (rootfs
 * assembly, stage images, initramfs, dist) goes through this.
 */
export class Beneath {
  private readonly dirs = new Set<string>(['']);
  /** The root itself is the caller's to choose; it is made once, when the first entry is written. */
  private rootMade: Promise<unknown> | undefined;

  constructor(readonly root: string) {}

  /** Create directory `rel` (parents too); an existing directory is kept. `mode` applied when given. */
  async mkdir(rel: string, mode?: number): Promise<void> {
    const abs = await this.place(rel, true);
    const name = this.clean(rel);
    if (!this.dirs.has(name)) {
      await this.directory(name, rel, true);
      this.dirs.add(name);
    }
    if (mode !== undefined) await this.chmodAt(abs, rel, mode);
  }

  /** Write a regular file with exactly `mode` (whatever was at `rel`, unless a directory, is replaced). */
  async writeFile(rel: string, data: string | Uint8Array | Readable, mode: number): Promise<void> {
    const abs = await this.place(rel, true);
    await this.clear(abs, rel);
    const handle = await open(abs, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600);
    if (typeof data === 'string' || data instanceof Uint8Array) {
      // Data in hand: written through the descriptor, without a stream's extra turns.
      try {
        await handle.chmod(mode);
        await handle.writeFile(data);
      } finally {
        await handle.close();
      }
      return;
    }
    const out = handle.createWriteStream(); // closes the descriptor when done or failed
    try {
      await handle.chmod(mode);
    } catch (error) {
      out.destroy();
      throw error;
    }
    await pipeline(data, out);
  }

  /** Create symlink `rel` -> `target`. The target is only stored, never resolved. */
  async symlink(rel: string, target: string): Promise<void> {
    const abs = await this.place(rel, true);
    await this.clear(abs, rel);
    await symlink(target, abs);
  }

  /** Hardlink `rel` to the existing entry `source`, both resolved beneath the root. */
  async link(rel: string, source: string): Promise<void> {
    const from = await this.place(source, false);
    const st = await lstat(from);
    if (st.isDirectory()) throw new UnsafePath(this.root, rel, `hardlink to ${source}, a directory`);
    const abs = await this.place(rel, true);
    await this.clear(abs, rel);
    await link(from, abs);
  }

  /** Set the mode of the existing entry `rel`, which must not be a symlink. */
  async chmod(rel: string, mode: number): Promise<void> {
    await this.chmodAt(await this.place(rel, false), rel, mode);
  }

  /** Read the regular file `rel` without following any link on the way. */
  async readFile(rel: string): Promise<Buffer> {
    const handle = await this.openNoFollow(await this.place(rel, false), rel, O_RDONLY);
    try {
      if (!(await handle.stat()).isFile()) throw new UnsafePath(this.root, rel, 'not a regular file');
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  }

  /** The absolute path of `rel` once every parent has been checked (and created when `create`). */
  private async place(rel: string, create: boolean): Promise<string> {
    const name = this.clean(rel);
    if (create) await (this.rootMade ??= mkdir(this.root, { recursive: true }));
    const parts = name === '' ? [] : name.split('/');
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join('/');
      if (this.dirs.has(dir)) continue;
      await this.directory(dir, rel, create);
      this.dirs.add(dir);
    }
    return join(this.root, name);
  }

  /** `dir` must be a real directory (created when missing and `create`). */
  private async directory(dir: string, rel: string, create: boolean): Promise<void> {
    const abs = join(this.root, dir);
    let st: Stats | undefined = await lstat(abs).catch(absent);
    if (st === undefined && create) {
      await mkdir(abs, 0o755).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error;
      });
      st = await lstat(abs);
    }
    if (st === undefined) throw new UnsafePath(this.root, rel, `${dir} does not exist`);
    if (st.isSymbolicLink()) throw new UnsafePath(this.root, rel, `${dir} is a symlink (to ${await readlink(abs)}), not a directory`);
    if (!st.isDirectory()) throw new UnsafePath(this.root, rel, `${dir} is not a directory`);
  }

  /** Remove whatever non-directory is at `abs`, without following it. */
  private async clear(abs: string, rel: string): Promise<void> {
    const st = await lstat(abs).catch(absent);
    if (st === undefined) return;
    if (st.isDirectory()) throw new UnsafePath(this.root, rel, 'a directory is in the way');
    await unlink(abs);
  }

  private async chmodAt(abs: string, rel: string, mode: number): Promise<void> {
    const st = await lstat(abs);
    if (st.isSymbolicLink()) throw new UnsafePath(this.root, rel, `a symlink (to ${await readlink(abs)}), not a directory or file`);
    let handle: FileHandle;
    try {
      handle = await this.openNoFollow(abs, rel, O_RDONLY | (st.isDirectory() ? O_DIRECTORY : 0));
    } catch (error) {
      // Without read permission (an unprivileged run, mode 0): the entry was just checked not to be a link.
      if ((error as NodeJS.ErrnoException).code !== 'EACCES') throw error;
      await chmod(abs, mode);
      return;
    }
    try {
      await handle.chmod(mode);
    } finally {
      await handle.close();
    }
  }

  private async openNoFollow(abs: string, rel: string, flags: number): Promise<FileHandle> {
    try {
      return await open(abs, flags | O_NOFOLLOW);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw new UnsafePath(this.root, rel, 'a symlink, not a file', { cause: error });
      throw error;
    }
  }

  /** The name without empty or '.' components; '..' and absolute names are refused. */
  private clean(rel: string): string {
    const parts = rel.split('/').filter((p) => p !== '' && p !== '.');
    if (rel.startsWith('/') || parts.includes('..')) throw new UnsafePath(this.root, rel, 'the name leaves the tree');
    return parts.join('/');
  }
}

/** A writer (and reader) for the tree under `root`; see {@link Beneath}. */
export function beneath(root: string): Beneath {
  return new Beneath(root);
}
