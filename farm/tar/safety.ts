import { posix } from 'node:path';
import type { Header } from 'tar-stream';
import { UnsafeArchive } from '../errors/index.js';

/**
 * A tar entry's name made relative and checked: no absolute path, no `..`,
 * no device or fifo node, links that stay inside the tree. Returns the clean
 * name ('' for the root itself) or throws UnsafeArchive naming the entry.
 */
export function checkEntry(archive: string, header: Header, seen: ReadonlySet<string>): string {
  const raw = header.name;
  if (raw.startsWith('/')) throw new UnsafeArchive(archive, raw, 'absolute path');
  const parts = raw.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) throw new UnsafeArchive(archive, raw, 'path contains ".."');
  const name = parts.join('/');
  switch (header.type) {
    case 'character-device':
    case 'block-device':
    case 'fifo':
      throw new UnsafeArchive(archive, raw, `${header.type} entries are not allowed`);
    case 'symlink': {
      const target = header.linkname ?? '';
      if (target.startsWith('/')) throw new UnsafeArchive(archive, raw, `symlink to absolute path ${target}`);
      const resolved = posix.normalize(posix.join(posix.dirname(name), target));
      if (resolved === '..' || resolved.startsWith('../')) throw new UnsafeArchive(archive, raw, `symlink escapes the tree (${target})`);
      break;
    }
    case 'link': {
      const target = (header.linkname ?? '')
        .split('/')
        .filter((p) => p !== '' && p !== '.')
        .join('/');
      if ((header.linkname ?? '').startsWith('/') || target.split('/').includes('..'))
        throw new UnsafeArchive(archive, raw, `hardlink outside the tree (${header.linkname})`);
      if (!seen.has(target)) throw new UnsafeArchive(archive, raw, `hardlink to an entry not in the archive (${header.linkname})`);
      break;
    }
    default:
      break;
  }
  return name;
}

/** Entry types that carry no file of their own and are skipped. */
export function isMetaEntry(header: Header): boolean {
  const t = header.type as string;
  return t === 'pax-header' || t === 'pax-global-header' || t === 'gnu-long-path' || t === 'gnu-long-link-path';
}
