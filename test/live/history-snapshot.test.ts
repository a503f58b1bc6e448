/**
 * The history snapshot behind live matching: a visitor's answers are set lookups in what the
 * engine computed per condition, they agree with the engine's own per-visitor answers, and
 * snapshots are renewed in the background without making a request wait.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Condition, HistoryCondition } from '../../src/definition/schema.js';
import type { AudienceEngine } from '../../src/engine/types.js';
import { createHistorySnapshot } from '../../src/live/history-snapshot.js';
import type { Workspace } from '../../src/store/workspace.js';
import { DEV_DEFINITIONS } from '../engine/support/dev-definitions.js';
import { openShop, SHOP_NOW } from '../helpers/shop.js';

function historyLeaves(c: Condition): HistoryCondition[] {
  if (c.type === 'group') return c.conditions.flatMap(historyLeaves);
  return c.type === 'context' ? [] : [c];
}
const LEAVES = [...new Map(Object.values(DEV_DEFINITIONS).flatMap((d) => historyLeaves(d.root)).map((c) => [JSON.stringify(c), c])).values()];
const NEVER_PURCHASED: HistoryCondition = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'eq', value: 0 } };
const PURCHASED: HistoryCondition = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'gte', value: 1 } };

let shop: Workspace;
beforeAll(async () => {
  shop = await openShop();
}, 120_000);
afterAll(async () => shop?.close());

function manualClock(start = Date.parse('2026-11-23T10:00:00Z')) {
  let t = start;
  return { clock: () => new Date(t), advance: (ms: number) => { t += ms; } };
}

/** The shop's engine, counting the member queries it is asked, and able to fail them on demand. */
function countingEngine(engine: AudienceEngine) {
  const calls = { memberIds: 0 };
  let failing = false;
  const counted: AudienceEngine = {
    ...engine,
    memberIds: async (def, opts) => {
      calls.memberIds += 1;
      if (failing) throw new Error('engine away');
      return engine.memberIds(def, opts);
    },
    profileIds: () => engine.profileIds(),
    evaluateFor: (id, cs, opts) => engine.evaluateFor(id, cs, opts),
  };
  return { engine: counted, calls, fail: (on: boolean) => { failing = on; } };
}

describe('history snapshot', () => {
  test('answers every history leaf of the dev cases as the engine does for each profile and for a visitor who is not one', async () => {
    const snapshot = createHistorySnapshot(shop.engine, { refreshMs: 60_000, clock: () => new Date() });
    const ids = (await shop.engine.profileIds()).sort();
    const sampled = [...ids.filter((_, i) => i % 20 === 0), 'visitor-not-a-profile'];
    const mismatches: string[] = [];
    for (const id of sampled) {
      const [fromSnapshot, fromEngine] = await Promise.all([snapshot.evaluate(id, LEAVES, SHOP_NOW), shop.engine.evaluateFor(id, LEAVES, { now: SHOP_NOW })]);
      fromSnapshot.forEach((answer, i) => {
        if (answer !== fromEngine[i]) mismatches.push(`${id} ${JSON.stringify(LEAVES[i])}: ${answer}`);
      });
    }
    expect(mismatches).toEqual([]);
    expect(LEAVES.length).toBeGreaterThan(20);
  }, 120_000);

  test('a visitor who is not a profile never purchased; a customer who did is not in "never purchased"', async () => {
    const snapshot = createHistorySnapshot(shop.engine, { refreshMs: 60_000, clock: () => new Date() });
    const [buyer] = await shop.engine.memberIds({ version: 1, root: { type: 'group', op: 'and', conditions: [PURCHASED] }, exclude: [] }, { now: SHOP_NOW });
    expect(await snapshot.evaluate('visitor-not-a-profile', [NEVER_PURCHASED, PURCHASED], SHOP_NOW)).toEqual([true, false]);
    expect(await snapshot.evaluate(buyer!, [NEVER_PURCHASED, PURCHASED], SHOP_NOW)).toEqual([false, true]);
  });

  test('asks the engine once per condition, however many visitors and lists ask about it', async () => {
    const { engine, calls } = countingEngine(shop.engine);
    const snapshot = createHistorySnapshot(engine, { refreshMs: 60_000, clock: manualClock().clock });
    await Promise.all(['u00001', 'u00002', 'u00003', 'somebody'].map((id) => snapshot.evaluate(id, [PURCHASED, NEVER_PURCHASED], SHOP_NOW)));
    await snapshot.evaluate('u00004', [NEVER_PURCHASED], SHOP_NOW);
    expect(calls.memberIds).toBe(2);
  });

  test('renews a snapshot in the background once it is refreshMs old, answering from the old one meanwhile', async () => {
    const { engine, calls } = countingEngine(shop.engine);
    const time = manualClock();
    const snapshot = createHistorySnapshot(engine, { refreshMs: 60_000, clock: time.clock });
    await snapshot.evaluate('u00001', [PURCHASED], SHOP_NOW);
    time.advance(59_999);
    await snapshot.evaluate('u00001', [PURCHASED], SHOP_NOW);
    expect(calls.memberIds).toBe(1);
    time.advance(1);
    const answered = await snapshot.evaluate('u00001', [PURCHASED], SHOP_NOW);
    expect(calls.memberIds).toBe(2); // the renewal started, and the answer did not wait for it
    expect(answered).toEqual(await shop.engine.evaluateFor('u00001', [PURCHASED], { now: SHOP_NOW }));
  });

  test('keeps the previous snapshot when a renewal fails, and does not keep a failed first one', async () => {
    const { engine, calls, fail } = countingEngine(shop.engine);
    const time = manualClock();
    const snapshot = createHistorySnapshot(engine, { refreshMs: 1_000, clock: time.clock });
    const before = await snapshot.evaluate('u00001', [PURCHASED], SHOP_NOW);
    fail(true);
    time.advance(1_000);
    expect(await snapshot.evaluate('u00001', [PURCHASED], SHOP_NOW)).toEqual(before);
    await new Promise((r) => setTimeout(r, 20));
    await expect(snapshot.evaluate('u00001', [NEVER_PURCHASED], SHOP_NOW)).rejects.toThrow('engine away');
    fail(false);
    expect(await snapshot.evaluate('u00001', [NEVER_PURCHASED], SHOP_NOW)).toEqual([!before[0]]);
    expect(calls.memberIds).toBe(4);
  });
});
