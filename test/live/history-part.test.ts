/**
 * The history part of a live audience: visit conditions folded away so the SQL engine can count
 * the known profiles who could match; checked by shape, and as a bound against the SQL members
 * of every history-only definition a visit could turn the live one into.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseDefinition } from '../../src/definition/parse.js';
import type { AudienceDefinition, Condition, ContextCondition, Group, HistoryCondition } from '../../src/definition/schema.js';
import { historyPart, isLiveDefinition } from '../../src/live/history-part.js';
import type { Workspace } from '../../src/store/workspace.js';
import { openShop, SHOP_NOW } from '../helpers/shop.js';

const mobile: ContextCondition = { type: 'context', field: 'device', op: 'in', value: ['mobile'] };
const spring: ContextCondition = { type: 'context', field: 'url_param', name: 'utm_campaign', op: 'eq', value: 'spring' };
const returning: ContextCondition = { type: 'context', field: 'session_count', op: 'gte', value: 2 };
const gold: HistoryCondition = { type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' };
const german: HistoryCondition = { type: 'trait', trait: 'country', op: 'eq', value: 'DE' };
const bought: HistoryCondition = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'gte', value: 1 } };
const cat: HistoryCondition = { type: 'trait', trait: 'shopping_for', op: 'eq', value: 'cat' };

const and = (...conditions: Condition[]): Group => ({ type: 'group', op: 'and', conditions });
const or = (...conditions: Condition[]): Group => ({ type: 'group', op: 'or', conditions });
const def = (root: Group, exclude: AudienceDefinition['exclude'] = []): AudienceDefinition => ({ version: 1, root, exclude });

describe('historyPart', () => {
  test('drops a context condition next to history conditions in the root', () => {
    expect(historyPart(def(and(mobile, gold, spring)))).toEqual(def(and(gold)));
  });

  test('an "or" with a context condition in the root could hold for anyone, so it is dropped whole', () => {
    expect(historyPart(def(and(gold, or(mobile, german))))).toEqual(def(and(gold)));
  });

  test('a group left with only context conditions is dropped from its parent', () => {
    expect(historyPart(def(and(bought, and(mobile, spring))))).toEqual(def(and(bought)));
  });

  test('is undefined (every profile) when only context decides the root', () => {
    expect(historyPart(def(and(mobile, spring)))).toBeUndefined();
    expect(historyPart(def(or(mobile, gold)))).toBeUndefined();
    expect(historyPart(def(and(mobile), [{ name: 'Buyers', root: and(bought) }]))).toBeUndefined();
  });

  test('inside an exclusion a context condition counts as false: an "and" with one excludes nobody and goes', () => {
    const live = def(and(gold), [{ name: 'Returning buyers', root: and(bought, returning) }, { name: 'Germans', root: and(german) }]);
    expect(historyPart(live)).toEqual(def(and(gold), [{ name: 'Germans', root: and(german) }]));
  });

  test('inside an exclusion an "or" keeps its history conditions', () => {
    const live = def(and(gold), [{ name: 'Buyers or returning', root: or(bought, returning) }]);
    expect(historyPart(live)).toEqual(def(and(gold), [{ name: 'Buyers or returning', root: or(bought) }]));
  });

  test('leaves a definition without visit conditions as it is', () => {
    const list = def(and(gold, or(german, bought)), [{ name: 'Buyers', root: and(bought) }]);
    expect(historyPart(list)).toEqual(list);
  });

  test('treats traits only visitors record (self-segmentation) like context, and profile traits as history', () => {
    expect(historyPart(def(and(cat, gold)), { visitorOnlyTraits: ['shopping_for'] })).toEqual(def(and(gold)));
    expect(historyPart(def(and(cat, gold)))).toEqual(def(and(cat, gold)));
  });
});

describe('isLiveDefinition', () => {
  test('is true with a context condition anywhere, exclusions included', () => {
    expect(isLiveDefinition(def(and(gold, or(german, mobile))))).toBe(true);
    expect(isLiveDefinition(def(and(gold), [{ name: 'Returning', root: and(returning) }]))).toBe(true);
  });

  test('is true with a trait only visitors record, false for history and profile traits only', () => {
    expect(isLiveDefinition(def(and(cat)), { visitorOnlyTraits: ['shopping_for'] })).toBe(true);
    expect(isLiveDefinition(def(and(gold, bought)), { visitorOnlyTraits: ['shopping_for'] })).toBe(false);
  });
});

describe('the bound against the SQL engine', () => {
  let shop: Workspace;
  beforeAll(async () => {
    shop = await openShop();
  });
  afterAll(async () => shop?.close());

  const HISTORY: HistoryCondition[] = [
    gold,
    german,
    bought,
    { type: 'event', events: ['Product Viewed'], filters: [], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'gte', value: 3 } },
    { type: 'aggregate', events: ['Order Completed'], filters: [], fn: 'sum', property: 'total', op: 'gt', value: 500.37 },
    { type: 'trait', trait: 'email_subscribed', op: 'eq', value: true },
    { type: 'recency', events: ['Session Started'], filters: [], op: 'within', amount: 14, unit: 'days' },
  ];
  const CONTEXT: ContextCondition[] = [mobile, spring, returning];
  // Constants the SQL engine can count: everyone has done an event at least zero times, nobody fewer.
  const ALWAYS: HistoryCondition = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'gte', value: 0 } };
  const NEVER: HistoryCondition = { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'lt', value: 0 } };

  const leaf: fc.Arbitrary<Condition> = fc.oneof(fc.constantFrom(...HISTORY), fc.constantFrom(...CONTEXT));
  const group = (depth: number): fc.Arbitrary<Group> =>
    fc.record({
      type: fc.constant('group' as const),
      op: fc.constantFrom('and' as const, 'or' as const),
      conditions: fc.array(depth > 0 ? fc.oneof(leaf, group(depth - 1)) : leaf, { minLength: 1, maxLength: 3 }),
    });
  const liveDefinition = fc.record({
    root: group(2),
    exclude: fc.array(fc.record({ name: fc.constant('Excluded'), root: group(1) }), { maxLength: 2 }),
  }).map(({ root, exclude }) => parseDefinition({ version: 1, root, exclude }));

  /** The history-only definition a visit makes of the live one: each context condition replaced by what the visit says. */
  function visited(d: AudienceDefinition, says: (c: ContextCondition, index: number) => boolean): AudienceDefinition {
    let index = 0;
    const swap = (c: Condition): Condition =>
      c.type === 'group' ? { ...c, conditions: c.conditions.map(swap) } : c.type === 'context' ? (says(c, index++) ? ALWAYS : NEVER) : c;
    return { ...d, root: swap(d.root) as ReturnType<typeof and>, exclude: d.exclude.map((e) => ({ ...e, root: swap(e.root) as ReturnType<typeof and> })) };
  }

  const membersOf = (d: AudienceDefinition) => shop.engine.memberIds(d, { now: SHOP_NOW });

  test('the constants mean what the bound test needs: everyone and nobody', async () => {
    expect((await membersOf(def(and(ALWAYS)))).length).toBe(shop.catalog.profiles);
    expect(await membersOf(def(and(NEVER)))).toEqual([]);
  });

  test('every profile any visit could match is among the members of the history part', async () => {
    await fc.assert(
      fc.asyncProperty(liveDefinition, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }), async (live, visit) => {
        const part = historyPart(live);
        const bound = new Set(part ? await membersOf(part) : await membersOf(def(and(ALWAYS))));
        for (const says of [() => true, () => false, (_c: ContextCondition, i: number) => visit[i % visit.length]!]) {
          const members = await membersOf(visited(live, says));
          const outside = members.filter((id) => !bound.has(id));
          expect(outside, JSON.stringify(live)).toEqual([]);
        }
      }),
      { numRuns: 40, seed: 6 },
    );
  });

  test('the bound is tight when the visit says yes to everything in the root and no in the exclusions', async () => {
    const live = def(and(gold, or(mobile, german)), [{ name: 'Returning buyers', root: and(bought, returning) }]);
    const exact = def(and(gold, or(ALWAYS, german)), [{ name: 'Returning buyers', root: and(bought, NEVER) }]);
    expect(await membersOf(historyPart(live)!)).toEqual(await membersOf(exact));
    expect((await membersOf(historyPart(live)!)).length).toBeGreaterThan(0);
  });
});
