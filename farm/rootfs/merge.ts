import type { ManifestEntry } from '../tar/index.js';

export interface RootfsEntry extends ManifestEntry {
  readonly package: string;
}

export interface MergeResult {
  readonly entries: readonly RootfsEntry[];
  /** Paths two packages both provide with different content or type. */
  readonly conflicts: readonly { readonly path: string; readonly packages: readonly [string, string] }[];
}

/** A package's manifest, and whether its files give way to another package's (recipe `fallback`). */
export interface MergePart {
  readonly pkg: string;
  readonly manifest: readonly ManifestEntry[];
  readonly fallback?: boolean | undefined;
}

/**
 * Merge package manifests into the rootfs manifest. Directories may be shared
 * (the first package's mode wins); a file, link or node provided twice is a
 * conflict unless both copies are identical, or one of the two packages is a
 * fallback: then the other's entry is kept.
 */
export function mergeManifests(parts: readonly MergePart[]): MergeResult {
  const byPath = new Map<string, RootfsEntry>();
  const fallbacks = new Set(parts.filter((p) => p.fallback === true).map((p) => p.pkg));
  const conflicts: { path: string; packages: [string, string] }[] = [];
  for (const { pkg, manifest } of parts) {
    for (const entry of manifest) {
      const existing = byPath.get(entry.path);
      if (existing === undefined) {
        byPath.set(entry.path, { ...entry, package: pkg });
        continue;
      }
      if (existing.type === 'dir' && entry.type === 'dir') continue;
      const same = existing.type === entry.type && existing.mode === entry.mode && existing.sha256 === entry.sha256 && existing.target === entry.target;
      if (same) continue;
      // A directory never gives way: what a fallback holds beneath it would be left under a file.
      const yields = fallbacks.has(existing.package) !== fallbacks.has(pkg) && existing.type !== 'dir' && entry.type !== 'dir';
      if (!yields) conflicts.push({ path: entry.path, packages: [existing.package, pkg] });
      else if (fallbacks.has(existing.package)) byPath.set(entry.path, { ...entry, package: pkg });
    }
  }
  const entries = [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { entries, conflicts };
}
