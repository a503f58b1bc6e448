import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/synth/clock.js';
import { DayBuffer } from '../../src/synth/day-buffer.js';
import { Kind } from '../../src/synth/event-kinds.js';

const DAY_ONE = 20_000 * DAY;

describe('the buffer of events by day', () => {
  it('hands a day out in time order, keeping the order of arrival within a second', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3 * DAY - 1 }), { maxLength: 3000 }), (offsets) => {
        const buffer = new DayBuffer(DAY_ONE + 3 * DAY);
        offsets.forEach((offset, arrival) => buffer.add(DAY_ONE + offset, Kind.ProductViewed, arrival));
        for (let day = 0; day < 3; day++) {
          const expected = offsets
            .map((offset, arrival) => ({ offset, arrival }))
            .filter(({ offset }) => Math.floor(offset / DAY) === day)
            .sort((x, y) => x.offset - y.offset || x.arrival - y.arrival);
          const held = buffer.take(DAY_ONE / DAY + day);
          const order = held ? [...held.timeOrder()] : [];
          expect(order.map((j) => held?.user[j])).toEqual(expected.map((e) => e.arrival));
          expect(order.map((j) => held?.second[j])).toEqual(expected.map((e) => e.offset - day * DAY));
        }
        expect(buffer.heldDays).toBe(0);
      }),
      { numRuns: 50 },
    );
  });

  it('drops events at or after now and keeps all fields of the others', () => {
    const buffer = new DayBuffer(DAY_ONE + 100);
    buffer.add(DAY_ONE + 100, Kind.SessionStarted, 1);
    buffer.add(DAY_ONE + 99, Kind.OrderCompleted, 2, 3, 4, 5, -1, 12.5);
    const held = buffer.take(DAY_ONE / DAY);
    expect(held?.length).toBe(1);
    expect([held?.kind[0], held?.user[0], held?.a[0], held?.b[0], held?.c[0], held?.d[0], held?.value[0]]).toEqual([
      Kind.OrderCompleted, 2, 3, 4, 5, -1, 12.5,
    ]);
    expect(buffer.take(DAY_ONE / DAY)).toBeUndefined();
  });
});
