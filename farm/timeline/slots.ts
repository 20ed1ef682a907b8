/** A stretch of time, in ms. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * Which slot (0, 1, ...) each span runs in: in order of start, each takes the lowest slot free
 * at its start (a slot is free from the moment its last span ended). Spans that overlap never
 * share a slot, so the number of slots is the most that ran at once.
 */
export function assignSlots(spans: readonly Span[]): number[] {
  const order = spans.map((_, i) => i).sort((x, y) => (spans[x] as Span).start - (spans[y] as Span).start || x - y);
  const freeFrom: number[] = [];
  const slots = new Array<number>(spans.length).fill(0);
  for (const i of order) {
    const { start, end } = spans[i] as Span;
    let slot = freeFrom.findIndex((t) => t <= start);
    if (slot === -1) slot = freeFrom.push(start) - 1;
    freeFrom[slot] = Math.max(start, end);
    slots[i] = slot;
  }
  return slots;
}
