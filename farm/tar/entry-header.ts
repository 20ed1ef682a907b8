import type { Header } from 'tar-stream';
import type { ManifestEntry } from './manifest.js';
import { TO_TAR } from './entry-types.js';

/**
 * The tar header of a manifest entry as the farm writes rootfs tars: its type, mode and owners,
 * no user or group names, the given mtime; a link's target; a file's size is the caller's.
 */
export function entryHeader(e: Pick<ManifestEntry, 'path' | 'type' | 'mode' | 'uid' | 'gid' | 'target'>, mtime: Date): Partial<Header> & { name: string } {
  const header: Partial<Header> & { name: string } = {
    name: e.type === 'dir' ? `${e.path}/` : e.path,
    type: TO_TAR[e.type],
    mode: e.mode & 0o7777,
    uid: e.uid,
    gid: e.gid,
    uname: '',
    gname: '',
    mtime,
  };
  if (e.type === 'symlink' || e.type === 'hardlink') header.linkname = e.target ?? '';
  return header;
}
