import type { BuildCache } from '../cache/index.js';
import { checkInterrupted, isFarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { EntryVictim, ImageVictim } from './plan.js';

export interface RefusedImage {
  readonly victim: ImageVictim;
  readonly reason: string;
}

/** A stage image victim's name for people: the tag removed. */
export function imageName(victim: ImageVictim): string {
  return victim.ref;
}

export function entryName(victim: EntryVictim): string {
  return `${victim.pkg ?? '?'}${victim.version === undefined ? '' : ` ${victim.version}`} ${victim.key.slice(0, 12)}`;
}

const INTERRUPTED = 'interrupted; what was removed so far is gone, the rest is kept';

/**
 * Remove exactly the victims' tags, never forced: the engine deletes an image
 * with its last tag, and keeps one a container uses (reported, not fatal); an
 * image another tag still names stays under it.
 */
export async function removeImages(
  runtime: ContainerRuntime,
  victims: readonly ImageVictim[],
  sink: EventSink,
  signal: AbortSignal,
): Promise<{ removed: ImageVictim[]; refused: RefusedImage[] }> {
  const removed: ImageVictim[] = [];
  const refused: RefusedImage[] = [];
  for (const victim of victims) {
    checkInterrupted(signal, INTERRUPTED);
    try {
      await runtime.removeImage(victim.ref);
    } catch (error) {
      if (!isFarmError(error) || error.code !== 'IMAGE_IN_USE') throw error;
      refused.push({ victim, reason: error.message });
      sink({ type: 'warn', message: `kept stage image ${imageName(victim)}: the engine refuses to remove it (${error.message})` });
      continue;
    }
    removed.push(victim);
    sink({ type: 'gc-removed', what: 'stage-image', stage: victim.stage, name: imageName(victim), bytes: victim.bytes });
  }
  return { removed, refused };
}

/** Evict cache entries (with their index records) from one workspace's cache. */
export async function evictEntries(cache: BuildCache, victims: readonly EntryVictim[], sink: EventSink, signal: AbortSignal): Promise<EntryVictim[]> {
  const removed: EntryVictim[] = [];
  for (const victim of victims) {
    checkInterrupted(signal, INTERRUPTED);
    await cache.evict(victim.key);
    removed.push(victim);
    sink({ type: 'gc-removed', what: 'cache-entry', stage: victim.stage, name: entryName(victim), bytes: victim.bytes });
  }
  return removed;
}
