/** The per-visitor history lookup and its cache: hits, expiry, eviction, shared misses, failures. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { HistoryCondition } from '../../src/definition/schema.js';
import { createCachedProfileLookup, createProfileLookup } from '../../src/live/profile-lookup.js';
import type { ProfileLookup } from '../../src/live/types.js';
import type { Workspace } from '../../src/store/workspace.js';
import { openShop, SHOP_NOW } from '../helpers/shop.js';

const ordered: HistoryCondition = { type: 'event', events: ['Order Completed'], filters: [], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'gte', value: 1 } };
const gold: HistoryCondition = { type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' };

/** A lookup that records what it is asked and answers from `answer` (or a promise the test settles). */
function recordingLookup(answer: (visitorId: string) => Promise<boolean[]> = async (id) => [id.endsWith('1'), true]) {
  const asked: string[] = [];
  const lookup: ProfileLookup = {
    evaluate(visitorId) {
      asked.push(visitorId);
      return answer(visitorId);
    },
  };
  return { lookup, asked };
}

function manualClock(start = SHOP_NOW.getTime()) {
  let now = start;
  return { clock: () => new Date(now), advance: (ms: number) => (now += ms) };
}

describe('cached profile lookup', () => {
  test('asks once per visitor while the answer is fresh, and again once it is ttlMs old', async () => {
    const { lookup, asked } = recordingLookup();
    const time = manualClock();
    const cached = createCachedProfileLookup(lookup, { ttlMs: 60_000, maxVisitors: 100, clock: time.clock });
    expect(await cached.evaluate('v1', [ordered, gold], SHOP_NOW)).toEqual([true, true]);
    time.advance(59_999);
    expect(await cached.evaluate('v1', [ordered, gold], SHOP_NOW)).toEqual([true, true]);
    expect(asked).toEqual(['v1']);
    time.advance(1);
    await cached.evaluate('v1', [ordered, gold], SHOP_NOW);
    expect(asked).toEqual(['v1', 'v1']);
  });

  test('keys by visitor and by what the conditions say, not by the array holding them', async () => {
    const { lookup, asked } = recordingLookup();
    const cached = createCachedProfileLookup(lookup, { ttlMs: 60_000, maxVisitors: 100, clock: manualClock().clock });
    await cached.evaluate('v1', [ordered, gold], SHOP_NOW);
    await cached.evaluate('v1', [structuredClone(ordered), structuredClone(gold)], SHOP_NOW);
    expect(asked).toEqual(['v1']);
    await cached.evaluate('v1', [gold, ordered], SHOP_NOW);
    await cached.evaluate('v2', [ordered, gold], SHOP_NOW);
    await cached.evaluate('v1', [{ ...gold, value: 'platinum' }, ordered], SHOP_NOW);
    expect(asked).toEqual(['v1', 'v1', 'v2', 'v1']);
  });

  test('concurrent misses for one visitor share one query', async () => {
    let settle!: (r: boolean[]) => void;
    const { lookup, asked } = recordingLookup(() => new Promise((resolve) => (settle = resolve)));
    const cached = createCachedProfileLookup(lookup, { ttlMs: 60_000, maxVisitors: 100, clock: manualClock().clock });
    const answers = Promise.all([1, 2, 3].map(() => cached.evaluate('v1', [ordered, gold], SHOP_NOW)));
    expect(asked).toEqual(['v1']);
    settle([false, true]);
    expect(await answers).toEqual([[false, true], [false, true], [false, true]]);
  });

  test('does not keep a failed query: the next question asks again', async () => {
    let fail = true;
    const { lookup, asked } = recordingLookup(async () => {
      if (fail) throw new Error('engine away');
      return [true, false];
    });
    const cached = createCachedProfileLookup(lookup, { ttlMs: 60_000, maxVisitors: 100, clock: manualClock().clock });
    await expect(cached.evaluate('v1', [ordered, gold], SHOP_NOW)).rejects.toThrow('engine away');
    fail = false;
    expect(await cached.evaluate('v1', [ordered, gold], SHOP_NOW)).toEqual([true, false]);
    expect(asked).toEqual(['v1', 'v1']);
  });

  test('keeps at most maxVisitors, forgetting the least recently asked', async () => {
    const { lookup, asked } = recordingLookup();
    const cached = createCachedProfileLookup(lookup, { ttlMs: 60_000, maxVisitors: 2, clock: manualClock().clock });
    for (const id of ['v1', 'v2', 'v1', 'v3', 'v1', 'v2']) await cached.evaluate(id, [ordered], SHOP_NOW);
    expect(asked).toEqual(['v1', 'v2', 'v3', 'v2']);
  });

  test('hands out copies, so a caller changing its answer does not change the next one', async () => {
    const { lookup } = recordingLookup();
    const cached = createCachedProfileLookup(lookup, { ttlMs: 60_000, maxVisitors: 10, clock: manualClock().clock });
    (await cached.evaluate('v1', [ordered, gold], SHOP_NOW))[0] = false;
    expect(await cached.evaluate('v1', [ordered, gold], SHOP_NOW)).toEqual([true, true]);
  });

  test('asks every time when the ttl or the size is 0', async () => {
    for (const opts of [{ ttlMs: 0, maxVisitors: 10 }, { ttlMs: 60_000, maxVisitors: 0 }]) {
      const { lookup, asked } = recordingLookup();
      const cached = createCachedProfileLookup(lookup, opts);
      await cached.evaluate('v1', [ordered], SHOP_NOW);
      await cached.evaluate('v1', [ordered], SHOP_NOW);
      expect(asked).toEqual(['v1', 'v1']);
    }
  });
});

describe('profile lookup over the shop engine', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await openShop();
  }, 120_000);
  afterAll(async () => ws?.close());

  test('answers what the engine answers for a known and an unknown visitor', async () => {
    const lookup = createCachedProfileLookup(createProfileLookup(ws.engine), { ttlMs: 60_000, maxVisitors: 10 });
    const conditions = [ordered, gold, { ...ordered, count: { op: 'eq' as const, value: 0 } }];
    for (const id of ['u00001', 'u00042', 'nobody-here']) {
      expect(await lookup.evaluate(id, conditions, SHOP_NOW)).toEqual(await ws.engine.evaluateFor(id, conditions, { now: SHOP_NOW }));
    }
    expect(await lookup.evaluate('nobody-here', conditions, SHOP_NOW)).toEqual([false, false, true]);
  });
});
