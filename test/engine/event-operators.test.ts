import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import { audience, did, lastDays } from './support/define.js';
import { expectedEverywhere, membersEverywhere } from './support/agree.js';
import { openEngines, type Engines } from './support/engines.js';
import { TINY_NOW, writeTinyWorkspace } from './support/tiny-workspace.js';

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines(writeTinyWorkspace(), 'event-operators', { removeSource: true });
}, 60_000);
afterAll(async () => engines?.close());

const OC = 'Order Completed';
const PV = 'Product Viewed';
const agg = (fn: 'sum' | 'avg' | 'min' | 'max', op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq', value: number, extra: Partial<Condition> = {}): Condition =>
  ({ type: 'aggregate', events: [OC], filters: [], fn, property: 'total', op, value, ...extra }) as Condition;
const recency = (op: 'within' | 'more_than', amount: number, unit: 'days' | 'weeks' | 'months', filters = []): Condition =>
  ({ type: 'recency', events: [OC], filters, op, amount, unit }) as Condition;

const cases: [string, Condition, string[]][] = [
  ['finds everyone who ever ordered', did(OC, 'gte', 1), ['u1', 'u2', 'u3', 'u4']],
  ['counts people without events as 0 times', did(OC, 'eq', 0), ['u5', 'u6']],
  ['counts people who did not order in the window as 0 times', did(OC, 'eq', 0, { window: lastDays(30) }), ['u2', 'u5', 'u6']],
  ['keeps people with fewer than 2 orders, including none', did(OC, 'lt', 2), ['u2', 'u3', 'u4', 'u5', 'u6']],
  ['keeps people with at most 1 order, including none', did(OC, 'lte', 1), ['u2', 'u3', 'u4', 'u5', 'u6']],
  ['treats "not exactly once" as including zero', did(OC, 'neq', 1), ['u1', 'u5', 'u6']],
  ['finds exactly-once buyers', did(OC, 'eq', 1), ['u2', 'u3', 'u4']],
  ['finds repeat buyers', did(OC, 'gte', 2), ['u1']],
  ['compares counts strictly with gt', did(PV, 'gt', 2), ['u4']],
  ['matches everyone for "at least 0 times"', did(OC, 'gte', 0), ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']],
  ['matches no one for "fewer than 0 times"', did(OC, 'lt', 0), []],
  ['counts any of several events together', did([OC, PV], 'gte', 3), ['u1', 'u4']],
  ['starts a 7-day window exactly 7 days before now', did(OC, 'gte', 1, { window: lastDays(7) }), ['u1', 'u4']],
  ['includes the start and excludes the end of a between window', did(OC, 'gte', 1, { window: { kind: 'between', from: '2026-10-01', to: '2026-10-25' } }), ['u3']],
  ['filters on a number property', did(OC, 'gte', 1, { filters: [{ property: 'total', op: 'gt', value: 100 }] }), ['u1', 'u2']],
  ['filters with lte', did(OC, 'gte', 1, { filters: [{ property: 'total', op: 'lte', value: 30 }] }), ['u1']],
  ['filters on a text property', did(OC, 'gte', 1, { filters: [{ property: 'category', op: 'eq', value: 'Beauty' }] }), ['u1']],
  ['lets neq match events without the property', did(PV, 'gte', 1, { filters: [{ property: 'category', op: 'neq', value: 'Electronics' }] }), ['u1']],
  ['finds events without a property', did(PV, 'gte', 1, { filters: [{ property: 'category', op: 'not_exists' }] }), ['u1']],
  ['finds events with a property', did(OC, 'gte', 1, { filters: [{ property: 'coupon', op: 'exists' }] }), ['u4']],
  ['counts orders without a coupon', did(OC, 'gte', 1, { filters: [{ property: 'coupon', op: 'not_exists' }] }), ['u1', 'u2', 'u3']],
  ['filters with in', did(OC, 'gte', 1, { filters: [{ property: 'category', op: 'in', value: ['Beauty', 'Books'] }] }), ['u1', 'u3']],
  ['filters with not_in', did(OC, 'gte', 1, { filters: [{ property: 'category', op: 'not_in', value: ['Electronics'] }] }), ['u1', 'u3']],
  ['filters with an inclusive between', did(OC, 'gte', 1, { filters: [{ property: 'total', op: 'between', value: [30, 50] }] }), ['u1', 'u4']],
  ['filters with a case-insensitive contains', did(OC, 'gte', 1, { filters: [{ property: 'category', op: 'contains', value: 'TRON' }] }), ['u2', 'u4']],
  ['filters with not_contains', did(OC, 'gte', 1, { filters: [{ property: 'category', op: 'not_contains', value: 'o' }] }), ['u1']],
  ['filters on a boolean property', did(OC, 'gte', 1, { filters: [{ property: 'gift', op: 'eq', value: false }] }), ['u4']],
  ['lets boolean neq match events without the property', did(OC, 'gte', 1, { filters: [{ property: 'gift', op: 'neq', value: true }] }), ['u1', 'u2', 'u3', 'u4']],
  ['never bought Electronics includes people who never bought', did(OC, 'eq', 0, { filters: [{ property: 'category', op: 'eq', value: 'Electronics' }] }), ['u1', 'u3', 'u5', 'u6']],
  ['sums a property', agg('sum', 'gt', 100), ['u1', 'u2']],
  ['gives people without orders a sum of 0', agg('sum', 'lt', 100), ['u3', 'u4', 'u5', 'u6']],
  ['gives orders without the property a sum of 0', agg('sum', 'eq', 0), ['u3', 'u5', 'u6']],
  ['sums within a window', agg('sum', 'gt', 100, { window: lastDays(30) }), ['u1']],
  ['sums only the filtered events', agg('sum', 'gte', 50, { filters: [{ property: 'category', op: 'eq', value: 'Electronics' }] }), ['u2', 'u4']],
  ['averages over orders that have the property', agg('avg', 'gt', 70), ['u1', 'u2']],
  ['never matches an average for people without a value', agg('avg', 'lt', 1000), ['u1', 'u2', 'u4']],
  ['takes the minimum', agg('min', 'lt', 40), ['u1']],
  ['takes the maximum', agg('max', 'gte', 120), ['u1', 'u2']],
  ['finds people whose last order is within 7 days', recency('within', 7, 'days'), ['u1', 'u4']],
  ['finds people whose last order is older than 30 days, who did order', recency('more_than', 30, 'days'), ['u2']],
  ['reads weeks as 7 days', recency('more_than', 2, 'weeks'), ['u2', 'u3']],
  ['finds people who never ordered', { type: 'recency', events: [OC], filters: [], op: 'never' }, ['u5', 'u6']],
  ['applies filters to recency', recency('within', 1, 'months', [{ property: 'category', op: 'eq', value: 'Electronics' }] as never), ['u4']],
];

describe('event, aggregate and recency conditions', () => {
  test.each(cases)('%s', async (_name, condition, expected) => {
    expect(await membersEverywhere(engines, audience([condition]), TINY_NOW)).toEqual(expectedEverywhere(expected));
  });

  test('refuses an unknown event as an unknown reference', async () => {
    await expect(engines.duckdb.memberIds(audience([did('Order Shipped', 'gte', 1)]), { now: TINY_NOW })).rejects.toMatchObject({ code: 'unknown_reference' });
  });

  test('refuses an unknown property as an unknown reference', async () => {
    const def = audience([did(OC, 'gte', 1, { filters: [{ property: 'colour', op: 'eq', value: 'red' }] })]);
    await expect(engines.postgres.memberIds(def, { now: TINY_NOW })).rejects.toMatchObject({ code: 'unknown_reference' });
  });

  test('refuses to sum a text property, naming the condition', async () => {
    const def = audience([did(OC, 'gte', 1), { type: 'aggregate', events: [OC], filters: [], fn: 'sum', property: 'category', op: 'gt', value: 1 }]);
    await expect(engines.duckdb.memberIds(def, { now: TINY_NOW })).rejects.toMatchObject({ code: 'type_mismatch', details: { path: 'root.conditions.1' } });
  });

  test('refuses a text value compared with a number property', async () => {
    const def = audience([did(OC, 'gte', 1, { filters: [{ property: 'total', op: 'gt', value: '100' }] })]);
    await expect(engines.duckdb.memberIds(def, { now: TINY_NOW })).rejects.toMatchObject({ code: 'type_mismatch', details: { path: 'root.conditions.0.filters.0' } });
  });
});
