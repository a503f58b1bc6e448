import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import { allOf, anyOf, audience, did, trait } from './support/define.js';
import { expectedEverywhere, membersEverywhere } from './support/agree.js';
import { openEngines, type Engines } from './support/engines.js';
import { TINY_NOW, writeTinyWorkspace } from './support/tiny-workspace.js';

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines(writeTinyWorkspace(), 'trait-operators', { removeSource: true });
}, 60_000);
afterAll(async () => engines?.close());

const ALL = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
const beta: Condition = { type: 'list', list: 'Beta', op: 'in' };

const cases: [string, Condition, string[]][] = [
  ['matches a text trait exactly', trait({ trait: 'country', op: 'eq', value: 'DE' }), ['u1', 'u4']],
  ['keeps people without the trait in neq', trait({ trait: 'country', op: 'neq', value: 'DE' }), ['u2', 'u3', 'u5', 'u6']],
  ['treats an empty string as no value', trait({ trait: 'country', op: 'exists' }), ['u1', 'u2', 'u4', 'u5']],
  ['finds people without a trait, empty or missing', trait({ trait: 'country', op: 'not_exists' }), ['u3', 'u6']],
  ['matches any of several values', trait({ trait: 'country', op: 'in', value: ['DE', 'GB'] }), ['u1', 'u4', 'u5']],
  ['keeps people without the trait in not_in', trait({ trait: 'country', op: 'not_in', value: ['DE', 'GB'] }), ['u2', 'u3', 'u6']],
  ['compares numbers with gt', trait({ trait: 'age', op: 'gt', value: 30 }), ['u2', 'u5']],
  ['compares numbers with gte', trait({ trait: 'age', op: 'gte', value: 30 }), ['u1', 'u2', 'u5']],
  ['compares numbers with lt', trait({ trait: 'age', op: 'lt', value: 30 }), ['u4']],
  ['compares numbers with lte', trait({ trait: 'age', op: 'lte', value: 30 }), ['u1', 'u4']],
  ['treats a null trait as no value in neq', trait({ trait: 'age', op: 'neq', value: 30 }), ['u2', 'u3', 'u4', 'u5', 'u6']],
  ['includes both ends of a number range', trait({ trait: 'age', op: 'between', value: [25, 34] }), ['u1', 'u4', 'u5']],
  ['matches booleans', trait({ trait: 'vip', op: 'eq', value: true }), ['u1', 'u4']],
  ['matches false without matching missing', trait({ trait: 'vip', op: 'eq', value: false }), ['u2']],
  ['keeps people without the trait in boolean neq', trait({ trait: 'vip', op: 'neq', value: true }), ['u2', 'u3', 'u5', 'u6']],
  ['orders text by code point', trait({ trait: 'first_name', op: 'gt', value: 'C' }), ['u3', 'u4', 'u5']],
  ['lower-cases unicode for contains', trait({ trait: 'first_name', op: 'contains', value: 'Ě' }), ['u3']],
  ['matches contains case-insensitively', trait({ trait: 'notes', op: 'contains', value: 'VIP' }), ['u1', 'u4']],
  ['keeps people without the trait in not_contains', trait({ trait: 'notes', op: 'not_contains', value: 'vip' }), ['u2', 'u3', 'u5', 'u6']],
  ['finds text containing any of several words', trait({ trait: 'notes', op: 'contains_any', value: ['upgrade', 'SINCE'] }), ['u1', 'u4']],
  ['finds text containing all of several words', trait({ trait: 'notes', op: 'contains_all', value: ['vip', 'since'] }), ['u4']],
  ['finds text containing none of several words', trait({ trait: 'notes', op: 'contains_none', value: ['upgrade'] }), ['u2', 'u3', 'u4', 'u5', 'u6']],
  ['matches list items case-insensitively with contains', trait({ trait: 'tags', op: 'contains', value: 'cat lover' }), ['u1', 'u4']],
  ['keeps people without the list in not_contains', trait({ trait: 'tags', op: 'not_contains', value: 'dog lover' }), ['u1', 'u3', 'u5', 'u6']],
  ['finds lists with any of the items', trait({ trait: 'tags', op: 'contains_any', value: ['Newsletter', 'Dog Lover'] }), ['u1', 'u2', 'u4']],
  ['finds lists with all of the items', trait({ trait: 'tags', op: 'contains_all', value: ['Cat Lover', 'Dog Lover', 'Cat Lover'] }), ['u4']],
  ['keeps empty and missing lists in contains_none', trait({ trait: 'tags', op: 'contains_none', value: ['Cat Lover'] }), ['u2', 'u3', 'u5', 'u6']],
  ['treats an empty list as no value', trait({ trait: 'tags', op: 'exists' }), ['u1', 'u2', 'u4']],
  ['finds people without a list', trait({ trait: 'tags', op: 'not_exists' }), ['u3', 'u5', 'u6']],
  ['reads eq on a list as having the item', trait({ trait: 'tags', op: 'eq', value: 'Dog Lover' }), ['u2', 'u4']],
  ['reads neq on a list as not having the item', trait({ trait: 'tags', op: 'neq', value: 'Dog Lover' }), ['u1', 'u3', 'u5', 'u6']],
  ['reads in on a list as having any item', trait({ trait: 'tags', op: 'in', value: ['Newsletter'] }), ['u1']],
  ['reads not_in on a list as having none', trait({ trait: 'tags', op: 'not_in', value: ['Newsletter'] }), ['u2', 'u3', 'u4', 'u5', 'u6']],
  ['finds dates in the last 30 days', trait({ trait: 'created_at', op: 'in_last', amount: 30, unit: 'days' }), ['u1']],
  ['includes a date exactly at the start of the window', trait({ trait: 'created_at', op: 'in_last', amount: 31, unit: 'days' }), ['u1', 'u3']],
  ['finds dates before the last year', trait({ trait: 'created_at', op: 'before_last', amount: 1, unit: 'years' }), ['u2', 'u5']],
  ['reads a date-only eq as the whole day', trait({ trait: 'created_at', op: 'eq', value: '2026-09-01' }), ['u4']],
  ['reads "after a day" as from the next day', trait({ trait: 'created_at', op: 'gt', value: '2026-10-01' }), ['u1']],
  ['includes the day itself in gte', trait({ trait: 'created_at', op: 'gte', value: '2026-10-01' }), ['u1', 'u3']],
  ['excludes the day itself in lt', trait({ trait: 'created_at', op: 'lt', value: '2026-10-01' }), ['u2', 'u4', 'u5']],
  ['includes the whole day in lte', trait({ trait: 'created_at', op: 'lte', value: '2026-10-01' }), ['u2', 'u3', 'u4', 'u5']],
  ['compares an exact instant strictly', trait({ trait: 'created_at', op: 'gt', value: '2026-10-01T00:00:00Z' }), ['u1']],
  ['includes both days of a date range', trait({ trait: 'created_at', op: 'between', value: ['2026-09-01', '2026-10-01'] }), ['u3', 'u4']],
  ['compares date traits', trait({ trait: 'birthday', op: 'lt', value: '1990-01-01' }), ['u2']],
  ['matches a leap day', trait({ trait: 'birthday', op: 'eq', value: '2000-02-29' }), ['u4']],
  ['matches dates in a list', trait({ trait: 'birthday', op: 'in', value: ['1990-05-01', '1980-12-31'] }), ['u1', 'u2']],
  ['finds list members, ignoring unknown ids in the list', beta, ['u1', 'u4']],
  ['finds people not on a list', { type: 'list', list: 'Beta', op: 'not_in' }, ['u2', 'u3', 'u5', 'u6']],
  ['joins conditions with or', anyOf(trait({ trait: 'country', op: 'eq', value: 'DE' }), trait({ trait: 'age', op: 'gt', value: 40 })), ['u1', 'u2', 'u4']],
  [
    'nests groups',
    anyOf(
      allOf(trait({ trait: 'country', op: 'eq', value: 'DE' }), trait({ trait: 'vip', op: 'eq', value: true }), anyOf(trait({ trait: 'age', op: 'lt', value: 28 }), trait({ trait: 'tags', op: 'contains', value: 'newsletter' }))),
      { type: 'list', list: 'Blocklist', op: 'in' },
    ),
    ['u1', 'u2', 'u4'],
  ],
  ['mixes traits and events in a group', allOf(anyOf(trait({ trait: 'country', op: 'eq', value: 'GB' }), trait({ trait: 'phone', op: 'exists' })), did('Order Completed', 'eq', 0)), ['u5']],
];

describe('trait, list and group conditions', () => {
  test.each(cases)('%s', async (_name, condition, expected) => {
    expect(await membersEverywhere(engines, audience([condition]), TINY_NOW)).toEqual(expectedEverywhere(expected));
  });

  test('subtracts every excluded audience', async () => {
    const def = audience([did('Order Completed', 'gte', 1)], [
      { name: 'Blocklist', conditions: [{ type: 'list', list: 'Blocklist', op: 'in' }] },
      { name: 'German VIPs', conditions: [trait({ trait: 'country', op: 'eq', value: 'DE' }), trait({ trait: 'vip', op: 'eq', value: true })] },
    ]);
    expect(await membersEverywhere(engines, def, TINY_NOW)).toEqual(expectedEverywhere(['u3']));
  });

  test('counts a profile known only from its events', async () => {
    expect(await membersEverywhere(engines, audience([trait({ trait: 'country', op: 'not_exists' })]), TINY_NOW)).toEqual(expectedEverywhere(['u3', 'u6']));
    expect((await engines.duckdb.compute(audience([did('Session Started', 'gte', 0)]), { now: TINY_NOW })).size).toBe(ALL.length);
  });

  test.each<[string, Condition, string]>([
    ['a text value for a number trait', trait({ trait: 'age', op: 'eq', value: '30' }), 'age'],
    ['a number for a text trait', trait({ trait: 'country', op: 'gt', value: 5 }), 'country'],
    ['ordering on a boolean trait', trait({ trait: 'vip', op: 'gt', value: true }), 'vip'],
    ['contains on a number trait', trait({ trait: 'age', op: 'contains', value: 'x' }), 'age'],
    ['in_last on a text trait', trait({ trait: 'country', op: 'in_last', amount: 3, unit: 'days' }), 'country'],
    ['ordering on a list trait', trait({ trait: 'tags', op: 'gt', value: 'A' }), 'tags'],
    ['a number in a list trait', trait({ trait: 'tags', op: 'in', value: [5] }), 'tags'],
    ['a date that is not a date', trait({ trait: 'created_at', op: 'gt', value: 'yesterday' }), 'created_at'],
  ])('refuses %s with type_mismatch on both engines', async (_name, condition, name) => {
    const def = audience([did('Order Completed', 'gte', 0), condition]);
    for (const engine of [engines.duckdb, engines.postgres]) {
      const err = await engine.memberIds(def, { now: TINY_NOW }).then(() => undefined, (e: unknown) => e);
      expect(err).toMatchObject({ code: 'type_mismatch', details: { path: 'root.conditions.1' } });
      expect((err as Error).message).toContain(`"${name}"`);
    }
  });

  test('refuses unknown traits and lists as unknown references', async () => {
    await expect(engines.duckdb.memberIds(audience([trait({ trait: 'shoe_size', op: 'exists' })]), { now: TINY_NOW })).rejects.toMatchObject({ code: 'unknown_reference' });
    await expect(engines.postgres.memberIds(audience([{ type: 'list', list: 'VIP Night', op: 'in' }]), { now: TINY_NOW })).rejects.toMatchObject({ code: 'unknown_reference' });
  });
});
