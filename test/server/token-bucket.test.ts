import { describe, expect, it } from 'vitest';
import { TokenBuckets } from '../../src/server/token-bucket.js';

describe('token buckets', () => {
  it('grants a burst, then says how long until the next token, refilling over time', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 2, refillPerSecond: 4, now: () => now });
    expect([buckets.take('k'), buckets.take('k')]).toEqual([0, 0]);
    expect(buckets.take('k')).toBe(250);
    now += 100;
    expect(buckets.take('k')).toBe(150);
    now += 150;
    expect(buckets.take('k')).toBe(0);
    expect(buckets.take('other')).toBe(0);
  });

  it('never stores more than its capacity, however long it rests', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 3, refillPerSecond: 1, now: () => now });
    buckets.take('k');
    now += 3_600_000;
    expect([buckets.take('k'), buckets.take('k'), buckets.take('k')]).toEqual([0, 0, 0]);
    expect(buckets.take('k')).toBe(1000);
  });

  it('says how long until a token without taking one', () => {
    let now = 0;
    const buckets = new TokenBuckets({ capacity: 1, refillPerSecond: 2, now: () => now });
    expect([buckets.wait('k'), buckets.wait('k')]).toEqual([0, 0]);
    buckets.take('k');
    expect(buckets.wait('k')).toBe(500);
    now += 500;
    expect(buckets.wait('k')).toBe(0);
  });
});
