import { stat } from 'node:fs/promises';
import { remainingWork } from '../graph/index.js';
import { SourceStore } from '../sources/index.js';
import { workspacePaths, type WorkspacePaths } from '../workspace/paths.js';
import { readManifest } from '../workspace/state.js';
import type { Project } from './load.js';

/**
 * Each package's priority in the build queue: the estimated work on the longest chain from it to
 * the end of the graph (see remainingWork). A package's own estimate is what its last build took,
 * as the stage's manifest.yaml records it (or, for a release stage, the dev stage's); one never
 * built is estimated from its sources' size at the rate of the packages that were.
 */
export async function buildPriorities(project: Project, paths: WorkspacePaths): Promise<Map<string, number>> {
  const order = project.order.order;
  const recorded = await recordedDurations(paths, project.stage === 'dev' ? [] : [workspacePaths(project.root, 'dev', paths.store)]);
  // Source sizes only matter for a package without a recorded time: a rebuild of a built tree stats nothing.
  const bytes = order.every((pkg) => recorded.has(pkg)) ? new Map<string, number>() : await sourceBytes(project, new SourceStore(paths.store));
  const weights = estimateWeights(order, recorded, bytes);
  return remainingWork(order, project.order.sysroot, (pkg) => weights.get(pkg) ?? 1);
}

/**
 * Milliseconds per package: recorded where known; otherwise source bytes times the recorded
 * packages' ms per byte (1 ms per KiB when nothing is recorded); at least 1.
 */
export function estimateWeights(order: readonly string[], recorded: ReadonlyMap<string, number>, bytes: ReadonlyMap<string, number>): Map<string, number> {
  let ms = 0;
  let size = 0;
  for (const [pkg, t] of recorded) {
    ms += t;
    size += bytes.get(pkg) ?? 0;
  }
  const rate = ms > 0 && size > 0 ? ms / size : 1 / 1024;
  return new Map(order.map((pkg) => [pkg, Math.max(1, recorded.get(pkg) ?? Math.round((bytes.get(pkg) ?? 0) * rate))]));
}

/** build_ms of the stage's last build, then of the fallbacks' (the first record of a package wins). */
async function recordedDurations(paths: WorkspacePaths, fallbacks: readonly WorkspacePaths[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const p of [paths, ...fallbacks]) {
    // A manifest that cannot be read only costs the estimate: the build does not depend on it.
    const manifest = await readManifest(p.manifest).catch(() => undefined);
    for (const pkg of manifest?.packages ?? []) {
      if (!out.has(pkg.name) && Number.isFinite(pkg.build_ms) && pkg.build_ms > 0) out.set(pkg.name, pkg.build_ms);
    }
  }
  return out;
}

/** The bytes of each package's sources in the store (those not there count 0). */
async function sourceBytes(project: Project, store: SourceStore): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const pkg of project.order.order) {
    let total = 0;
    for (const s of project.recipes.get(pkg)?.recipe.sources ?? []) {
      total += await stat(store.pathOf(s.sha256)).then(
        (st) => st.size,
        () => 0,
      );
    }
    out.set(pkg, total);
  }
  return out;
}
