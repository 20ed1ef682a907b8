// What real builds took, per package: a workspace's manifest.yaml (`build_ms` of its last build) or
// the status table `stasis-farm status --write` keeps in docs/status.md (its "build time" column,
// as report's formatMs prints it).
import { readFile } from 'node:fs/promises';
import { readManifest } from '../farm/workspace/state.js';

const UNITS = { h: 3_600_000, m: 60_000, s: 1000 } as const;

/**
 * Milliseconds in a printed duration: "850 ms", "30.5 s", "6m55s", "8m60s" (formatMs rounds the
 * seconds), "45m34s", "1h02m", "1h02m03s"; undefined for anything else ("-", "").
 */
export function parseDuration(text: string): number | undefined {
  const t = text.replace(/\s+/g, '');
  const ms = /^(\d+(?:\.\d+)?)ms$/.exec(t);
  if (ms !== null) return Number(ms[1]);
  const parts = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(t);
  if (parts === null || t === '') return undefined;
  const [, h, m, s] = parts;
  return Number(h ?? 0) * UNITS.h + Number(m ?? 0) * UNITS.m + Number(s ?? 0) * UNITS.s;
}

/** The cells of a Markdown table row; the last cell (notes) keeps any `|` it holds. */
function cells(line: string, count: number): string[] {
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const split = inner.split('|');
  return [...split.slice(0, count - 1), split.slice(count - 1).join('|')].map((c) => c.trim());
}

/**
 * Build times from a status table: the rows of the table whose header has "package" and "build
 * time" columns; a package whose cell is not a duration ("-": not built) is left out.
 */
export function durationsFromStatus(markdown: string): Map<string, number> {
  const out = new Map<string, number>();
  let columns: { pkg: number; time: number; count: number } | undefined;
  for (const line of markdown.split('\n')) {
    if (!line.trim().startsWith('|')) {
      columns = undefined;
      continue;
    }
    if (columns === undefined) {
      const header = line
        .split('|')
        .slice(1, -1)
        .map((c) => c.trim().toLowerCase());
      const pkg = header.indexOf('package');
      const time = header.indexOf('build time');
      if (pkg !== -1 && time !== -1) columns = { pkg, time, count: header.length };
      continue;
    }
    const row = cells(line, columns.count);
    const name = row[columns.pkg] ?? '';
    const ms = parseDuration(row[columns.time] ?? '');
    if (/^-+$/.test(name) || name === '' || ms === undefined) continue;
    out.set(name, ms);
  }
  return out;
}

/** `build_ms` of each package of a manifest.yaml (undefined when the file is absent). */
export async function durationsFromManifest(file: string): Promise<Map<string, number> | undefined> {
  const manifest = await readManifest(file);
  if (manifest === undefined) return undefined;
  const out = new Map<string, number>();
  for (const p of manifest.packages ?? []) {
    if (typeof p.build_ms === 'number' && Number.isFinite(p.build_ms) && p.build_ms > 0) out.set(p.name, p.build_ms);
  }
  return out;
}

/** A record file by its kind: YAML is a manifest, anything else a status table. */
export async function readDurations(file: string): Promise<Map<string, number>> {
  if (/\.ya?ml$/.test(file)) {
    const found = await durationsFromManifest(file);
    if (found === undefined) throw new Error(`${file}: cannot be read`);
    return found;
  }
  return durationsFromStatus(await readFile(file, 'utf8'));
}
