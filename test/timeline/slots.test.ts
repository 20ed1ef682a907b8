import { describe, expect, it } from 'vitest';
import { assignSlots } from '../../farm/timeline/index.js';

describe('build slots from start and end times', () => {
  it('one after another: one slot; a build that starts as another ends takes its slot', () => {
    expect(
      assignSlots([
        { start: 0, end: 10 },
        { start: 10, end: 20 },
        { start: 25, end: 30 },
      ]),
    ).toEqual([0, 0, 0]);
  });

  it('overlapping builds get the lowest free slot, and a freed low slot is taken again', () => {
    // a: 0-100, b: 10-30, c: 20-50, d: 35-40 (b's slot is free again), e: 60-90 (c's and d's are free: the lowest)
    const slots = assignSlots([
      { start: 0, end: 100 },
      { start: 10, end: 30 },
      { start: 20, end: 50 },
      { start: 35, end: 40 },
      { start: 60, end: 90 },
    ]);
    expect(slots).toEqual([0, 1, 2, 1, 1]);
  });

  it('answers in the order asked, whatever the order of the starts; as many slots as ran at once', () => {
    const spans = [
      { start: 50, end: 60 },
      { start: 0, end: 55 },
      { start: 5, end: 8 },
    ];
    expect(assignSlots(spans)).toEqual([1, 0, 1]);
    expect(assignSlots([])).toEqual([]);
    // Zero-length spans (instants) never hold a slot.
    expect(
      assignSlots([
        { start: 5, end: 5 },
        { start: 5, end: 9 },
      ]),
    ).toEqual([0, 0]);
  });
});
