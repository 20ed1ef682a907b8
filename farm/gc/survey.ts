import { stat } from 'node:fs/promises';
import { BuildCache, type CacheListing } from '../cache/index.js';
import { isFarmError, type FarmError } from '../errors/index.js';
import { farmLabels } from '../runtime/labels.js';
import type { ContainerRuntime, ImageSummary } from '../runtime/port.js';
import { workspacePaths, type StageName, type WorkspacePaths } from '../workspace/paths.js';
import { readManifest, readRecordedKeyIds } from '../workspace/state.js';

export const STAGES: readonly StageName[] = ['dev', 'a', 'b'];

/** One stage workspace as gc finds it. */
export interface WorkspaceSurvey {
  readonly stage: StageName;
  /** WorkspacePaths.id: what the tags of the stage images made for this workspace end with (stageImageRef). */
  readonly id: string;
  readonly exists: boolean;
  readonly entries: readonly CacheListing[];
  /** Keys of the cache entries holding the outputs of the packages recorded by its last build. */
  readonly referenced: ReadonlySet<string>;
}

/** What gc finds: the project's workspaces, and the farm's stage images when the engine answers. */
export interface GcSurvey {
  readonly workspaces: readonly WorkspaceSurvey[];
  /** Image ids the workspaces' manifests name as their builder. */
  readonly referencedImages: ReadonlySet<string>;
  /** Stage images made by this farm (of any project); undefined when they could not be looked at. */
  readonly images: readonly ImageSummary[] | undefined;
  /** The images `stasis-farm disk` made (of any project), looked at with the stage images. */
  readonly toolImages: readonly ImageSummary[] | undefined;
  /** Why the images were not looked at. */
  readonly imagesSkipped: string | undefined;
  readonly engineError: FarmError | undefined;
}

export function projectWorkspaces(root: string): WorkspacePaths[] {
  return STAGES.map((stage) => workspacePaths(root, stage));
}

/** Read the project's workspaces (manifests, recorded keys, caches) and list the engine's stage images. */
export async function surveyProject(root: string, runtime: ContainerRuntime): Promise<GcSurvey> {
  const workspaces: WorkspaceSurvey[] = [];
  const referencedImages = new Set<string>();
  let unreadable: string | undefined;
  for (const paths of projectWorkspaces(root)) {
    const manifest = await readManifest(paths.manifest).catch((error: unknown) => {
      unreadable ??= `${paths.manifest} is unreadable (${(error as Error).message.split('\n')[0] ?? ''}), so which images it uses is unknown`;
      return undefined;
    });
    const id = manifest?.builder_image?.id;
    if (typeof id === 'string') referencedImages.add(id);
    const cache = new BuildCache(paths.cache);
    const recorded = [...(await readRecordedKeyIds(paths)).values(), ...(manifest?.packages ?? []).map((p) => p.key)];
    const referenced = new Set<string>();
    for (const key of recorded) {
      const holder = await cache.holder(key);
      if (holder !== undefined) referenced.add(holder);
    }
    const exists = await stat(paths.dir).then(
      (s) => s.isDirectory(),
      () => false,
    );
    workspaces.push({ stage: paths.stage, id: paths.id, exists, entries: await cache.list(), referenced });
  }
  const images = unreadable === undefined ? await listStageImages(runtime) : { images: undefined, tools: undefined, skipped: unreadable, error: undefined };
  return { workspaces, referencedImages, images: images.images, toolImages: images.tools, imagesSkipped: images.skipped, engineError: images.error };
}

async function listStageImages(
  runtime: ContainerRuntime,
): Promise<{ images: ImageSummary[] | undefined; tools: ImageSummary[] | undefined; skipped: string | undefined; error: FarmError | undefined }> {
  try {
    await runtime.ping();
    const images = await runtime.listImages(farmLabels({ kind: 'stage' }));
    return { images, tools: await runtime.listImages(farmLabels({ kind: 'disk-tools' })), skipped: undefined, error: undefined };
  } catch (error) {
    if (!isFarmError(error) || error.code !== 'ENGINE_UNAVAILABLE') throw error;
    return { images: undefined, tools: undefined, skipped: error.message, error };
  }
}
