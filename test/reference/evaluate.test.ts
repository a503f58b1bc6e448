/** The oracle itself, checked against the dev set's expected members without any database. */
import { describe, expect, test } from 'vitest';
import { evaluateConditionFor, evaluateReference } from '../../src/reference/evaluate.js';
import { loadReferenceData } from '../../src/reference/load.js';
import { audience, did, lastDays, trait } from '../engine/support/define.js';
import { okDevCases } from '../engine/support/dev-cases.js';
import { DEV_DEFINITIONS } from '../engine/support/dev-definitions.js';
import { SHOP_DIR, SHOP_NOW } from '../engine/support/shop.js';

const data = loadReferenceData(SHOP_DIR);

describe('evaluateReference over the demo workspace', () => {
  test('loads every profile and event', () => {
    expect(data.profiles.size).toBe(2000);
    expect([...data.events.values()].reduce((n, byName) => n + [...byName.values()].reduce((m, l) => m + l.length, 0), 0)).toBe(222_770);
  });

  test.each(okDevCases().map((c) => [c.id, c.prompt, c] as const))('%s: %s', (_id, _prompt, c) => {
    const members = evaluateReference(DEV_DEFINITIONS[c.id]!, data, SHOP_NOW);
    expect(c.membersAnyOf.map((m) => [...m].sort())).toContainEqual(members);
  });

  test('returns sorted ids and agrees with the per-condition check', () => {
    const condition = did('Order Completed', 'gte', 1, { window: lastDays(7) });
    const members = evaluateReference(audience([condition]), data, SHOP_NOW);
    expect(members).toEqual([...members].sort());
    expect(members.length).toBeGreaterThan(0);
    for (const id of members.slice(0, 20)) expect(evaluateConditionFor(condition, id, data, SHOP_NOW)).toBe(true);
  });

  test('moves with the reference time', () => {
    const recent = audience([trait({ trait: 'created_at', op: 'in_last', amount: 30, unit: 'days' })]);
    const earlier = evaluateReference(recent, data, new Date('2026-06-01T00:00:00Z'));
    const now = evaluateReference(recent, data, SHOP_NOW);
    expect(earlier).not.toEqual(now);
    expect(now.length).toBe(67 + evaluateReference(audience([trait({ trait: 'created_at', op: 'in_last', amount: 30, unit: 'days' }), did('Order Completed', 'gte', 1)]), data, SHOP_NOW).length);
  });
});
