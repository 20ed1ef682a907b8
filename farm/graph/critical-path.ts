/**
 * For each package, the work on the longest chain from it to the end of the graph, itself
 * included: its own weight plus the largest such figure among the packages whose sysroot holds
 * it. Among ready packages the scheduler starts the largest first (critical-path scheduling), so
 * a long chain (a toolchain, then what it compiles) is not left waiting behind short leaves.
 * `order` is topological (everything after its sysroot); `sysroot` may be transitive.
 */
export function remainingWork(order: readonly string[], sysroot: ReadonlyMap<string, readonly string[]>, weight: (pkg: string) => number): Map<string, number> {
  const dependents = new Map<string, string[]>();
  for (const pkg of order) {
    for (const dep of sysroot.get(pkg) ?? []) {
      const list = dependents.get(dep);
      if (list === undefined) dependents.set(dep, [pkg]);
      else list.push(pkg);
    }
  }
  const remaining = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const pkg = order[i] as string;
    const below = (dependents.get(pkg) ?? []).reduce((max, d) => Math.max(max, remaining.get(d) ?? 0), 0);
    remaining.set(pkg, Math.max(0, weight(pkg)) + below);
  }
  return remaining;
}
