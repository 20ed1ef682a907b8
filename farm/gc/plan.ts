import { parseStageImageRef } from '../release/stage-image.js';
import { isFarmMade } from '../runtime/labels.js';
import type { ImageSummary } from '../runtime/port.js';
import type { StageName } from '../workspace/paths.js';
import type { GcSurvey } from './survey.js';
import { DISK_TOOLS_REPO } from '../disk/tools.js';

/** A tag of a stage image that gc removes (the engine deletes the image with its last tag). */
export interface ImageVictim {
  readonly image: ImageSummary;
  /** The tag to remove: one stageImageRef made for a workspace of this project. */
  readonly ref: string;
  /** The stage whose workspace the tag was made for. */
  readonly stage: StageName;
  /** What removing the tag frees: the image's size for the last of its tags, 0 while other tags keep it. */
  readonly bytes: number;
}

/**
 * A tag of a disk tools image (`stasis-farm disk` makes one per rootfs, for any project) that gc
 * removes: older than the policy keeps. `disk` makes it again when it needs it.
 */
export interface ToolImageVictim {
  readonly image: ImageSummary;
  readonly ref: string;
  readonly bytes: number;
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
  readonly tools: readonly ToolImageVictim[];
  /** Disk tools images younger than the policy keeps. */
  readonly keptTools: number;
  /** The project's stage images a workspace uses (each with all its tags). */
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
 * Pure: the tags of stage images (farm-labelled kind=stage) that name this
 * project's workspaces (parseStageImageRef) on images no workspace manifest
 * names as its builder; never a builder image, an image without the farm's
 * labels, nor a tag of another shape or of another project (an image such a
 * tag still names stays, under that tag). And the cache entries that are
 * neither recorded by their workspace's last build nor younger than the
 * policy keeps.
 */
export function planGc(survey: GcSurvey, policy: GcPolicy): GcPlan {
  const stageOf = new Map(survey.workspaces.map((w) => [w.id, w.stage]));
  const images: ImageVictim[] = [];
  let keptImages = 0;
  for (const image of survey.images ?? []) {
    if (!isFarmMade(image.labels, 'stage')) continue;
    const mine = image.refs.flatMap((ref) => {
      const parsed = parseStageImageRef(ref);
      const stage = parsed === undefined ? undefined : stageOf.get(parsed.workspaceId);
      // A workspace id is its stage's (it hashes the stage's directory): a tag naming both otherwise is none the farm made.
      return parsed !== undefined && stage === parsed.stage ? [{ ref, stage }] : [];
    });
    if (mine.length === 0) continue;
    if (survey.referencedImages.has(image.id)) {
      keptImages++;
      continue;
    }
    const bytes = freedPerTag(image, mine.length);
    mine.forEach(({ ref, stage }, i) => images.push({ image, ref, stage, bytes: bytes[i] ?? 0 }));
  }
  const entries: EntryVictim[] = [];
  let keptEntries = 0;
  for (const w of survey.workspaces) {
    for (const e of w.entries) {
      if (w.referenced.has(e.key) || policy.nowMs - e.storedMs < policy.keepMs) keptEntries++;
      else entries.push({ stage: w.stage, key: e.key, pkg: e.pkg, version: e.version, storedMs: e.storedMs, bytes: e.bytes });
    }
  }
  return { images, entries, keptImages, keptEntries, ...planTools(survey.toolImages ?? [], policy) };
}

/**
 * What removing each of `n` tags of an image frees: the engine deletes the image with its last
 * tag, so its size counts on the last of them, and only when they are all the tags it has.
 */
function freedPerTag(image: ImageSummary, n: number): number[] {
  const freed = n === image.refs.length;
  return Array.from({ length: n }, (_, i) => (freed && i === n - 1 ? image.size : 0));
}

/** Disk tools images older than the policy keeps, every tag of theirs. */
function planTools(all: readonly ImageSummary[], policy: GcPolicy): { readonly tools: ToolImageVictim[]; readonly keptTools: number } {
  const tools: ToolImageVictim[] = [];
  let keptTools = 0;
  for (const image of all) {
    if (!isFarmMade(image.labels, 'disk-tools')) continue;
    const refs = image.refs.filter((r) => r.startsWith(`${DISK_TOOLS_REPO}:`));
    if (refs.length === 0) continue;
    if (policy.nowMs - image.created < policy.keepMs) {
      keptTools++;
      continue;
    }
    const bytes = freedPerTag(image, refs.length);
    refs.forEach((ref, i) => tools.push({ image, ref, bytes: bytes[i] ?? 0 }));
  }
  return { tools, keptTools };
}

/** Only what lies in these stages' workspaces (the others are busy). */
export function restrictPlan(plan: GcPlan, stages: ReadonlySet<StageName>): GcPlan {
  return { ...plan, images: plan.images.filter((v) => stages.has(v.stage)), entries: plan.entries.filter((v) => stages.has(v.stage)) };
}

export function stagesOf(plan: GcPlan): Set<StageName> {
  return new Set([...plan.images.map((v) => v.stage), ...plan.entries.map((v) => v.stage)]);
}

export function planBytes(plan: Pick<GcPlan, 'images' | 'entries' | 'tools'>): number {
  return [...plan.images, ...plan.entries, ...plan.tools].reduce((n, v) => n + v.bytes, 0);
}
