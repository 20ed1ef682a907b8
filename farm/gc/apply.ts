import type { BuildCache } from '../cache/index.js';
import { checkInterrupted, isFarmError } from '../errors/index.js';
import type { EventSink } from '../report/events.js';
import type { ContainerRuntime } from '../runtime/port.js';
import type { EntryVictim, ImageVictim } from './plan.js';

export interface RefusedImage<V = ImageVictim> {
  readonly victim: V;
  readonly reason: string;
}

/** What removeImages removes: a tag, what removing it frees, the stage whose workspace it was made for (stage images). */
interface TagVictim {
  readonly ref: string;
  readonly bytes: number;
  readonly stage?: string;
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
export async function removeImages<V extends TagVictim>(
  runtime: ContainerRuntime,
  victims: readonly V[],
  sink: EventSink,
  signal: AbortSignal,
  what: 'stage-image' | 'disk-tools-image' = 'stage-image',
): Promise<{ removed: V[]; refused: RefusedImage<V>[] }> {
  const removed: V[] = [];
  const refused: RefusedImage<V>[] = [];
  const name = what === 'stage-image' ? 'stage image' : 'disk tools image';
  for (const victim of victims) {
    checkInterrupted(signal, INTERRUPTED);
    try {
      await runtime.removeImage(victim.ref);
    } catch (error) {
      if (!isFarmError(error) || error.code !== 'IMAGE_IN_USE') throw error;
      refused.push({ victim, reason: error.message });
      sink({ type: 'warn', message: `kept ${name} ${victim.ref}: the engine refuses to remove it (${error.message})` });
      continue;
    }
    removed.push(victim);
    sink({ type: 'gc-removed', what, stage: victim.stage ?? '', name: victim.ref, bytes: victim.bytes });
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
