import type { BuildCache } from '../cache/index.js';
import { checkInterrupted, isFarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { EntryVictim, ImageVictim } from './plan.js';

export interface RefusedImage {
  readonly victim: ImageVictim;
  readonly reason: string;
}

/** A stage image's name for people: its tag, else its short id. */
export function imageName(victim: ImageVictim): string {
  return victim.image.refs[0] ?? victim.image.id.replace(/^sha256:/, '').slice(0, 12);
}

export function entryName(victim: EntryVictim): string {
  return `${victim.pkg ?? '?'}${victim.version === undefined ? '' : ` ${victim.version}`} ${victim.key.slice(0, 12)}`;
}

const INTERRUPTED = 'interrupted; what was removed so far is gone, the rest is kept';

/**
 * Remove stage images, each by its tags (the image goes with the last one) or,
 * untagged, by id, never forced: one the engine keeps because a container uses
 * it is reported, not fatal.
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
      const refs = victim.image.refs.length > 0 ? victim.image.refs : [victim.image.id];
      for (const ref of refs) await runtime.removeImage(ref);
    } catch (error) {
      if (!isFarmError(error) || error.code !== 'IMAGE_IN_USE') throw error;
      refused.push({ victim, reason: error.message });
      sink({ type: 'warn', message: `kept stage image ${imageName(victim)}: the engine refuses to remove it (${error.message})` });
      continue;
    }
    removed.push(victim);
    sink({ type: 'gc-removed', what: 'stage-image', stage: victim.stage, name: imageName(victim), bytes: victim.image.size });
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
