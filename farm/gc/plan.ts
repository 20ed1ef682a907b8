import { LABELS, type ImageSummary } from '../runtime/port.js';
import type { StageName } from '../workspace/paths.js';
import type { GcSurvey } from './survey.js';

export interface ImageVictim {
  readonly image: ImageSummary;
  /** The stage whose workspace the image was made for. */
  readonly stage: StageName;
}

export interface EntryVictim {
  readonly stage: StageName;
  readonly key: string;
  readonly pkg: string | undefined;
  readonly version: string | undefined;
  readonly storedMs: number;
  readonly bytes: number;
}

/** What gc removes, and how much it leaves. */
export interface GcPlan {
  readonly images: readonly ImageVictim[];
  readonly entries: readonly EntryVictim[];
  /** The project's stage images a workspace uses. */
  readonly keptImages: number;
  /** Cache entries a last build recorded, or younger than the limit. */
  readonly keptEntries: number;
}

export interface GcPolicy {
  readonly nowMs: number;
  /** Unrecorded cache entries younger than this are kept. */
  readonly keepMs: number;
}

/**
 * Pure: the stage images of this project's workspaces that no workspace
 * names as its builder (never a builder image, never an image without the
 * farm's labels), and the cache entries that are neither recorded by their
 * workspace's last build nor younger than the policy keeps.
 */
export function planGc(survey: GcSurvey, policy: GcPolicy): GcPlan {
  const stageOf = new Map(survey.workspaces.map((w) => [w.id, w.stage]));
  const images: ImageVictim[] = [];
  let keptImages = 0;
  for (const image of survey.images ?? []) {
    const stage = stageOf.get(image.labels[LABELS.workspace] ?? '');
    if (image.labels[LABELS.farm] !== 'stasis-farm' || image.labels[LABELS.kind] !== 'stage' || stage === undefined) continue;
    if (survey.referencedImages.has(image.id)) keptImages++;
    else images.push({ image, stage });
  }
  const entries: EntryVictim[] = [];
  let keptEntries = 0;
  for (const w of survey.workspaces) {
    for (const e of w.entries) {
      if (w.referenced.has(e.key) || policy.nowMs - e.storedMs < policy.keepMs) keptEntries++;
      else entries.push({ stage: w.stage, key: e.key, pkg: e.pkg, version: e.version, storedMs: e.storedMs, bytes: e.bytes });
    }
  }
  return { images, entries, keptImages, keptEntries };
}

/** Only what lies in these stages' workspaces (the others are busy). */
export function restrictPlan(plan: GcPlan, stages: ReadonlySet<StageName>): GcPlan {
  return { ...plan, images: plan.images.filter((v) => stages.has(v.stage)), entries: plan.entries.filter((v) => stages.has(v.stage)) };
}

export function stagesOf(plan: GcPlan): Set<StageName> {
  return new Set([...plan.images.map((v) => v.stage), ...plan.entries.map((v) => v.stage)]);
}

export function planBytes(plan: Pick<GcPlan, 'images' | 'entries'>): number {
  return plan.images.reduce((n, v) => n + v.image.size, 0) + plan.entries.reduce((n, v) => n + v.bytes, 0);
}
