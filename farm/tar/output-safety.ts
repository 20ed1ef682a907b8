import type { Header } from 'tar-stream';
import { UnsafeArchive } from '../errors/index.js';

/**
 * An entry of a package output (`dest/...` from the engine): relative name
 * without the `dest` prefix; `..`, absolute names and hardlinks to entries not
 * seen before are refused. Device nodes are allowed here (a layout package may
 * ship /dev nodes); the audit decides where they may live.
 */
export function checkOutputEntry(header: Header, prefix: string, seen: ReadonlySet<string>): string {
  const parts = header.name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts[0] === prefix) parts.shift();
  if (header.name.startsWith('/') || parts.includes('..')) throw new UnsafeArchive('package output', header.name, 'path escapes $DESTDIR');
  const name = parts.join('/');
  if (header.type === 'link') {
    const target = (header.linkname ?? '').split('/').filter((p) => p !== '' && p !== '.');
    if (target[0] === prefix) target.shift();
    if (target.includes('..') || !seen.has(target.join('/'))) throw new UnsafeArchive('package output', header.name, `hardlink to ${header.linkname}`);
  }
  return name;
}
