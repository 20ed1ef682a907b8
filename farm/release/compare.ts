import { globToRegExp } from '../fs/glob.js';
import type { RootfsEntry } from '../rootfs/merge.js';

/** One package as a stage recorded it. */
export interface StagePackage {
  readonly name: string;
  readonly version: string;
  readonly key: string;
  readonly outputSha256: string;
}

export interface StageSnapshot {
  readonly label: string;
  readonly packages: readonly StagePackage[];
  /** Per-file entries of the stage's rootfs (each names its package). */
  readonly files: readonly RootfsEntry[];
}

export type FileChange = 'added' | 'removed' | 'content' | 'mode' | 'owner' | 'type' | 'target';

export interface FileDifference {
  readonly path: string;
  readonly change: FileChange;
  readonly detail: string;
  /** The exclusion that accepts this difference, if any. */
  readonly excludedBy?: string;
}

export interface PackageDifference {
  readonly name: string;
  readonly a: string | undefined;
  readonly b: string | undefined;
  readonly files: readonly FileDifference[];
  /** Every difference of this package is excluded with a reason. */
  readonly excluded: boolean;
}

export interface Exclusion {
  readonly package: string;
  /** Glob over rootfs paths (`*` within a segment, `**` across); absent means the whole package. */
  readonly path: string | undefined;
  readonly reason: string;
}

export interface Comparison {
  readonly a: string;
  readonly b: string;
  readonly identical: readonly string[];
  readonly different: readonly PackageDifference[];
  readonly onlyInA: readonly string[];
  readonly onlyInB: readonly string[];
  /** true when every package is identical or every difference is excluded. */
  readonly pass: boolean;
}

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

/** Per-file differences of one package between two stages. */
export function diffFiles(a: readonly RootfsEntry[], b: readonly RootfsEntry[]): Omit<FileDifference, 'excludedBy'>[] {
  const left = new Map(a.map((e) => [e.path, e]));
  const right = new Map(b.map((e) => [e.path, e]));
  const paths = [...new Set([...left.keys(), ...right.keys()])].sort();
  const out: Omit<FileDifference, 'excludedBy'>[] = [];
  for (const path of paths) {
    const x = left.get(path);
    const y = right.get(path);
    if (x === undefined && y !== undefined) out.push({ path, change: 'added', detail: `only in B (${y.type})` });
    else if (y === undefined && x !== undefined) out.push({ path, change: 'removed', detail: `only in A (${x.type})` });
    else if (x !== undefined && y !== undefined) {
      if (x.type !== y.type) out.push({ path, change: 'type', detail: `${x.type} -> ${y.type}` });
      else if (x.sha256 !== y.sha256 || x.size !== y.size)
        out.push({ path, change: 'content', detail: `${x.size} B ${String(x.sha256).slice(0, 12)} -> ${y.size} B ${String(y.sha256).slice(0, 12)}` });
      else if (x.target !== y.target) out.push({ path, change: 'target', detail: `${x.target} -> ${y.target}` });
      else if ((x.mode & 0o7777) !== (y.mode & 0o7777)) out.push({ path, change: 'mode', detail: `${octal(x.mode)} -> ${octal(y.mode)}` });
      else if (x.uid !== y.uid || x.gid !== y.gid) out.push({ path, change: 'owner', detail: `${x.uid}:${x.gid} -> ${y.uid}:${y.gid}` });
    }
  }
  return out;
}

/**
 * GCC's stage2/stage3 rule: identical passes; any difference fails unless an
 * exclusion (with a reason) accepts it.
 */
export function compareStages(a: StageSnapshot, b: StageSnapshot, exclusions: readonly Exclusion[] = []): Comparison {
  const pa = new Map(a.packages.map((p) => [p.name, p]));
  const pb = new Map(b.packages.map((p) => [p.name, p]));
  const filesOf = (snap: StageSnapshot, pkg: string): RootfsEntry[] => snap.files.filter((f) => f.package === pkg);
  const identical: string[] = [];
  const different: PackageDifference[] = [];
  const names = [...new Set([...pa.keys(), ...pb.keys()])].sort();
  for (const name of names) {
    const x = pa.get(name);
    const y = pb.get(name);
    if (x === undefined || y === undefined) continue;
    if (x.outputSha256 === y.outputSha256) {
      identical.push(name);
      continue;
    }
    const rules = exclusions.filter((e) => e.package === name);
    const files = diffFiles(filesOf(a, name), filesOf(b, name)).map((d): FileDifference => {
      const rule = rules.find((r) => r.path === undefined || globToRegExp(r.path).test(d.path));
      return rule === undefined ? d : { ...d, excludedBy: rule.reason };
    });
    const wholePackage = rules.find((r) => r.path === undefined);
    // A hash difference with no file-level difference (e.g. archive metadata) is still a difference.
    const excluded = wholePackage !== undefined || (files.length > 0 && files.every((f) => f.excludedBy !== undefined));
    different.push({ name, a: x.outputSha256, b: y.outputSha256, files, excluded });
  }
  const onlyInA = names.filter((n) => pa.has(n) && !pb.has(n));
  const onlyInB = names.filter((n) => pb.has(n) && !pa.has(n));
  const pass = onlyInA.length === 0 && onlyInB.length === 0 && different.every((d) => d.excluded);
  return { a: a.label, b: b.label, identical, different, onlyInA, onlyInB, pass };
}
