import type { Header } from 'tar-stream';
import type { ManifestEntry } from './manifest.js';

export type EntryType = ManifestEntry['type'];

/** tar header type -> the farm's entry type (others are skipped). */
export const FROM_TAR: Partial<Record<Header['type'], EntryType>> = {
  file: 'file',
  'contiguous-file': 'file',
  directory: 'dir',
  symlink: 'symlink',
  link: 'hardlink',
  'character-device': 'char',
  'block-device': 'block',
  fifo: 'fifo',
};

/** The farm's entry type -> tar header type. */
export const TO_TAR: Record<EntryType, Header['type']> = {
  file: 'file',
  dir: 'directory',
  symlink: 'symlink',
  hardlink: 'link',
  char: 'character-device',
  block: 'block-device',
  fifo: 'fifo',
};
