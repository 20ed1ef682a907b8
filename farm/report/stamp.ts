import type { FarmEvent } from './events.js';

/** An event with the time it was reported: a `--json` line, and a line of a run record. */
export type StampedEvent = FarmEvent & { readonly ts: string };

/** The event with `ts` (ISO 8601, UTC, milliseconds) first. */
export function stampEvent(event: FarmEvent, nowMs: number): StampedEvent {
  return { ts: new Date(nowMs).toISOString(), ...event };
}
