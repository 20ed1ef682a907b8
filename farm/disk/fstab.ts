/** One line of an fstab: what is mounted where, as what, with which options. */
export interface FstabLine {
  readonly device: string;
  readonly mountpoint: string;
  readonly type: string;
  readonly options: string;
}

/** The lines of an fstab (comments and blank lines skipped). Pure. */
export function parseFstab(text: string): FstabLine[] {
  const lines: FstabLine[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') continue;
    const [device, mountpoint, type, options] = line.split(/\s+/);
    if (device === undefined || mountpoint === undefined || type === undefined) continue;
    lines.push({ device, mountpoint, type, options: options ?? 'defaults' });
  }
  return lines;
}
