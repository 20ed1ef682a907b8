/** Edit distance between two names (insert, delete, substitute, swap of neighbours each cost 1). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

/**
 * The known name closest to `wanted`, if one is close enough to be a likely typo
 * (a case-insensitive match, or at most a third of the name's letters off, at least 1).
 * Ties go to the alphabetically first name, so the suggestion is stable.
 */
export function nearestName(wanted: string, known: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(wanted.length / 3));
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const name of [...known].sort()) {
    const distance = name.toLowerCase() === wanted.toLowerCase() ? 0 : editDistance(wanted, name);
    if (distance < bestDistance) {
      best = name;
      bestDistance = distance;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** ` (did you mean "zlib"?)` or the empty string. */
export function didYouMean(wanted: string, known: Iterable<string>): string {
  const near = nearestName(wanted, known);
  return near === undefined ? '' : ` (did you mean "${near}"?)`;
}
