/** A package's place in time, for the critical path. */
export interface Timed {
  readonly pkg: string;
  readonly start: number;
  readonly end: number;
}

const later = (x: Timed, y: Timed): Timed => (y.end > x.end || (y.end === x.end && (y.start > x.start || (y.start === x.start && y.pkg < x.pkg))) ? y : x);

/**
 * The chain of dependent packages that decided when the stage ended: from the package that
 * ended last, back through the dependency (`waitsFor`) that ended last before it, to one that
 * waited for nothing of this run. First package first.
 */
export function criticalPath(runs: readonly Timed[], waitsFor: ReadonlyMap<string, readonly string[]>): string[] {
  if (runs.length === 0) return [];
  const byPkg = new Map(runs.map((r) => [r.pkg, r]));
  const path: string[] = [];
  const seen = new Set<string>();
  for (let at: Timed | undefined = runs.reduce(later); at !== undefined && !seen.has(at.pkg);) {
    seen.add(at.pkg);
    path.push(at.pkg);
    const deps: Timed[] = (waitsFor.get(at.pkg) ?? []).flatMap((d): Timed[] => {
      const r = byPkg.get(d);
      return r === undefined ? [] : [r];
    });
    at = deps.length === 0 ? undefined : deps.reduce(later);
  }
  return path.reverse();
}
