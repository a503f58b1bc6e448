/**
 * The per-visitor lookup of the engines: the history conditions of live audiences answered for
 * one profile in one query agree with the member lists over the whole shop, on DuckDB and on
 * PostgreSQL, and an unknown visitor is a profile with no history and no traits.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Condition, HistoryCondition } from '../../src/definition/schema.js';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { conditionPredicate } from '../../src/engine/compile/condition.js';
import { table } from '../../src/engine/compile/context.js';
import { evaluateConditionFor } from '../../src/reference/evaluate.js';
import { DEV_DEFINITIONS } from '../engine/support/dev-definitions.js';
import { openEngines, type Engines } from '../engine/support/engines.js';
import { SHOP_DIR, SHOP_NOW } from '../engine/support/shop.js';

function historyLeaves(c: Condition): HistoryCondition[] {
  if (c.type === 'group') return c.conditions.flatMap(historyLeaves);
  return c.type === 'context' ? [] : [c];
}

const asAudience = (c: HistoryCondition): AudienceDefinition => ({ version: 1, root: { type: 'group', op: 'and', conditions: [c] }, exclude: [] });

// Every distinct history leaf of the dev cases: events, aggregates, recency, traits of every type, lists.
const LEAVES = [...new Map(Object.values(DEV_DEFINITIONS).flatMap((d) => historyLeaves(d.root)).map((c) => [JSON.stringify(c), c])).values()];
const UNKNOWN = 'visitor-never-seen-0001';

let engines: Engines;
let sampled: string[];
beforeAll(async () => {
  engines = await openEngines(SHOP_DIR, 'live-evaluate-for');
  const all = [...engines.reference.profiles.keys()].sort();
  const step = Math.floor(all.length / 200);
  sampled = all.filter((_, i) => i % step === 0).slice(0, 200);
}, 120_000);
afterAll(async () => engines?.close());

describe.each(['duckdb', 'postgres'] as const)('%s evaluateFor', (name) => {
  test('answers each history leaf of the dev cases as the member lists do, for 200 shop profiles', async () => {
    const engine = engines[name];
    const members = await Promise.all(LEAVES.map(async (c) => new Set(await engine.memberIds(asAudience(c), { now: SHOP_NOW }))));
    const times: number[] = [];
    const mismatches: string[] = [];
    for (const id of sampled) {
      const started = performance.now();
      const answers = await engine.evaluateFor(id, LEAVES, { now: SHOP_NOW });
      times.push(performance.now() - started);
      answers.forEach((answer, i) => {
        if (answer !== members[i]!.has(id)) mismatches.push(`${id} ${JSON.stringify(LEAVES[i])}: ${answer}`);
      });
    }
    expect(mismatches).toEqual([]);
    // Not a vacuous agreement: the sample holds members and non-members of most leaves.
    const mixed = LEAVES.filter((_, i) => sampled.some((id) => members[i]!.has(id)) && sampled.some((id) => !members[i]!.has(id)));
    expect(mixed.length).toBeGreaterThan(LEAVES.length / 2);
    times.sort((a, b) => a - b);
    console.info(`${name} evaluateFor, ${LEAVES.length} conditions: median ${times[times.length >> 1]!.toFixed(1)} ms, p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(1)} ms`);
  }, 120_000);

  test('treats an unknown visitor as a profile with no history and no traits', async () => {
    const answers = await engines[name].evaluateFor(UNKNOWN, LEAVES, { now: SHOP_NOW });
    expect(answers).toEqual(LEAVES.map((c) => evaluateConditionFor(c, UNKNOWN, engines.reference, SHOP_NOW)));
    expect(answers).toContain(true);
    expect(answers).toContain(false);
  });

  test('binds the visitor id: quotes and SQL in an id are just another unknown visitor', async () => {
    const hostile = "x' OR '1'='1'; DROP TABLE events; --";
    expect(await engines[name].evaluateFor(hostile, LEAVES, { now: SHOP_NOW })).toEqual(await engines[name].evaluateFor(UNKNOWN, LEAVES, { now: SHOP_NOW }));
  });

  test('answers one condition alone as it does among others', async () => {
    const id = sampled[17]!;
    const together = await engines[name].evaluateFor(id, LEAVES, { now: SHOP_NOW });
    const alone = await Promise.all(LEAVES.slice(0, 8).map(async (c) => (await engines[name].evaluateFor(id, [c], { now: SHOP_NOW }))[0]));
    expect(alone).toEqual(together.slice(0, 8));
    expect(await engines[name].evaluateFor(id, [], { now: SHOP_NOW })).toEqual([]);
  });
});

describe('compiling for one visitor', () => {
  test('cuts every table to the visitor\'s rows and selects the profile from the bound id, on both dialects', () => {
    const id = 'u00042';
    for (const dialect of ['duckdb', 'postgres'] as const) {
      const ctx = { schema: engines.store.schema, catalog: engines.store.catalog, now: SHOP_NOW, dialect, onlyUser: id };
      const list = conditionPredicate(ctx, { type: 'list', list: 'Blocklist', op: 'not_in' }, 'c');
      expect(list.text).toBe('p.user_id NOT IN (SELECT l.user_id FROM (SELECT * FROM list_members WHERE user_id = ?) l WHERE l.list_name = ?)');
      expect(list.params).toEqual([id, 'Blocklist']);
      for (const leaf of LEAVES) {
        const f = conditionPredicate(ctx, leaf, 'c');
        expect(f.text).not.toContain(id);
        // Every table is read through the cut to the visitor, never whole.
        expect(f.text, JSON.stringify(leaf)).toMatch(/FROM \(SELECT \* FROM (events|traits|trait_items|list_members) WHERE user_id = \?\) [a-z] /);
        expect(f.text, JSON.stringify(leaf)).not.toMatch(/FROM (events|traits|trait_items|list_members) [a-z] /);
      }
      const profile = table(ctx, 'profiles');
      expect(profile.text).toBe(`(SELECT CAST(? AS ${dialect === 'postgres' ? 'TEXT' : 'VARCHAR'}) AS user_id)`);
      expect(profile.params).toEqual([id]);
    }
  });
});
