import { describe, expect, it } from 'vitest';
import { civilDate, DAY, isoSeconds } from '../../src/synth/clock.js';

describe('the generator clock', () => {
  it('writes dates and times exactly as Date#toISOString does, years 0 to 9999', () => {
    const mismatches: string[] = [];
    for (let day = -719_528; day < 2_932_897; day += 97) {
      const expected = new Date(day * DAY * 1000).toISOString().slice(0, 10);
      if (civilDate(day) !== expected) mismatches.push(`${day}: ${civilDate(day)} != ${expected}`);
    }
    for (let second = 0; second < 4_000_000_000; second += 7_654_321) {
      const expected = new Date(second * 1000).toISOString();
      if (isoSeconds(second) !== expected) mismatches.push(`${second}: ${isoSeconds(second)} != ${expected}`);
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
  });

  it('handles leap days', () => {
    expect(isoSeconds(Date.parse('2028-02-29T23:59:59Z') / 1000)).toBe('2028-02-29T23:59:59.000Z');
    expect(civilDate(Date.parse('2000-02-29T00:00:00Z') / 1000 / DAY)).toBe('2000-02-29');
  });
});
