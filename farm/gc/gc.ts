import { BuildCache } from '../cache/index.js';
import { isFarmError, type FarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime } from '../runtime/port.js';
import { lockWorkspace, type WorkspaceLock } from '../workspace/lock.js';
import type { StageName, WorkspacePaths } from '../workspace/paths.js';
import { evictEntries, removeImages, type RefusedImage } from './apply.js';
import { planGc, restrictPlan, stagesOf, type EntryVictim, type GcPlan, type ImageVictim, type ToolImageVictim } from './plan.js';
import { projectWorkspaces, surveyProject } from './survey.js';

export interface GcOptions {
  readonly root: string;
  readonly runtime: ContainerRuntime;
  /** Unrecorded cache entries younger than this many days are kept. */
  readonly keepDays: number;
  /** false: a dry run, nothing changes. */
  readonly remove: boolean;
  readonly now: () => number;
  readonly sink: EventSink;
  readonly signal: AbortSignal;
}

export interface GcResult {
  readonly dryRun: boolean;
  /** What was removed (a dry run: what would be). */
  readonly images: readonly ImageVictim[];
  readonly entries: readonly EntryVictim[];
  /** Stage images the engine would not remove (a container uses them). */
  readonly refused: readonly RefusedImage[];
  /** Disk tools images removed (a dry run: that would be), and those the engine would not remove. */
  readonly tools: readonly ToolImageVictim[];
  readonly refusedTools: readonly RefusedImage<ToolImageVictim>[];
  readonly keptTools: number;
  readonly keptImages: number;
  readonly keptEntries: number;
  /** Workspaces another stasis-farm holds: left as they are. */
  readonly busy: readonly { readonly stage: StageName; readonly reason: string }[];
  /** Why the stage images were not looked at (engine unavailable, manifest unreadable). */
  readonly imagesSkipped: string | undefined;
  readonly engineError: FarmError | undefined;
  /** Index records of entries evicted earlier, dropped. */
  readonly tidied: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `stasis-farm gc`: survey the project, plan what it no longer needs, and (not
 * a dry run) remove it from the workspaces this run can lock, planning again
 * under the locks so a build finishing meanwhile is honoured.
 */
export async function collectGarbage(options: GcOptions): Promise<GcResult> {
  const policy = { nowMs: options.now(), keepMs: options.keepDays * DAY_MS };
  const first = await surveyAndPlan(options, policy);
  if (!options.remove) return { ...first.result, dryRun: true };
  const workspaces = projectWorkspaces(options.root).filter((w) => stagesOf(first.plan).has(w.stage));
  const { held, busy } = await lockAll(workspaces, first.existing, options.sink);
  try {
    const { plan, result, existing } = await surveyAndPlan(options, policy);
    // A workspace that appeared since (unlocked) may have a build starting in it: left alone.
    const allowed = held.filter((h) => h.lock !== undefined || !existing.has(h.stage));
    const mine = restrictPlan(plan, new Set(allowed.map((h) => h.stage)));
    const images = await removeImages(options.runtime, mine.images, options.sink, options.signal);
    // Disk tools images belong to no workspace: no lock is needed to remove them.
    const tools = await removeImages(options.runtime, plan.tools, options.sink, options.signal, 'disk-tools-image');
    const entries: EntryVictim[] = [];
    let tidied = 0;
    for (const { stage, paths } of allowed) {
      const cache = new BuildCache(paths.cache);
      entries.push(
        ...(await evictEntries(
          cache,
          mine.entries.filter((e) => e.stage === stage),
          options.sink,
          options.signal,
        )),
      );
      tidied += await cache.tidyIndex();
    }
    return { ...result, dryRun: false, images: images.removed, refused: images.refused, tools: tools.removed, refusedTools: tools.refused, entries, busy, tidied };
  } finally {
    for (const { lock } of held) await lock?.release();
  }
}

async function surveyAndPlan(
  options: GcOptions,
  policy: { nowMs: number; keepMs: number },
): Promise<{ plan: GcPlan; result: GcResult; existing: ReadonlySet<StageName> }> {
  const survey = await surveyProject(options.root, options.runtime);
  const plan = planGc(survey, policy);
  const result: GcResult = {
    dryRun: true,
    images: plan.images,
    entries: plan.entries,
    refused: [],
    tools: plan.tools,
    refusedTools: [],
    keptTools: plan.keptTools,
    keptImages: plan.keptImages,
    keptEntries: plan.keptEntries,
    busy: [],
    imagesSkipped: survey.imagesSkipped,
    engineError: survey.engineError,
    tidied: 0,
  };
  return { plan, result, existing: new Set(survey.workspaces.filter((w) => w.exists).map((w) => w.stage)) };
}

/**
 * Lock every workspace that has something to remove; one another stasis-farm
 * holds is skipped with a warning. A workspace that does not exist is not
 * created for the lock (no build runs in it).
 */
async function lockAll(
  workspaces: readonly WorkspacePaths[],
  existing: ReadonlySet<StageName>,
  sink: EventSink,
): Promise<{ held: { stage: StageName; paths: WorkspacePaths; lock: WorkspaceLock | undefined }[]; busy: { stage: StageName; reason: string }[] }> {
  const held: { stage: StageName; paths: WorkspacePaths; lock: WorkspaceLock | undefined }[] = [];
  const busy: { stage: StageName; reason: string }[] = [];
  try {
    for (const paths of workspaces) {
      if (!existing.has(paths.stage)) {
        held.push({ stage: paths.stage, paths, lock: undefined });
        continue;
      }
      try {
        held.push({ stage: paths.stage, paths, lock: await lockWorkspace(paths.dir) });
      } catch (error) {
        if (!isFarmError(error) || error.code !== 'WORKSPACE_LOCKED') throw error;
        busy.push({ stage: paths.stage, reason: error.message });
        sink({ type: 'warn', message: `${error.message}: its stage images and cache are left as they are` });
      }
    }
  } catch (error) {
    for (const { lock } of held) await lock?.release();
    throw error;
  }
  return { held, busy };
}
