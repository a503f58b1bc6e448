/**
 * Every "ok" case of the dev set, written as the conventions call for, gives exactly the
 * expected members on DuckDB, PostgreSQL and the reference evaluator.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import { audience, did, lastDays, trait } from './support/define.js';
import { membersEverywhere } from './support/agree.js';
import { okDevCases } from './support/dev-cases.js';
import { DEV_DEFINITIONS } from './support/dev-definitions.js';
import { openEngines, type Engines } from './support/engines.js';
import { SHOP_DIR, SHOP_NOW } from './support/shop.js';

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines(SHOP_DIR, 'dev-cases');
}, 120_000);
afterAll(async () => engines?.close());

const cases = okDevCases();

async function expectReading(def: AudienceDefinition, expected: string[]): Promise<void> {
  const answers = await membersEverywhere(engines, def, SHOP_NOW);
  expect(answers).toEqual({ duckdb: expected, postgres: expected, reference: expected });
}

describe('dev set cases', () => {
  test('has a definition for every ok case', () => {
    expect(cases.map((c) => c.id).filter((id) => !DEV_DEFINITIONS[id])).toEqual([]);
    expect(cases.length).toBe(35);
  });

  test.each(cases.map((c) => [c.id, c.prompt, c] as const))('%s: %s', async (_id, _prompt, c) => {
    const answers = await membersEverywhere(engines, DEV_DEFINITIONS[c.id]!, SHOP_NOW);
    const reading = c.membersAnyOf.findIndex((m) => JSON.stringify([...m].sort()) === JSON.stringify(answers.duckdb));
    expect(reading, `${c.id} matches none of the expected lists (got ${answers.duckdb.length} members)`).toBeGreaterThanOrEqual(0);
    expect(answers.postgres).toEqual(answers.duckdb);
    expect(answers.reference).toEqual(answers.duckdb);
  });
});

describe('readings the dev set settles', () => {
  const expectedOf = (id: string, reading = 0) => [...cases.find((c) => c.id === id)!.membersAnyOf[reading]!].sort();

  test('"signed up in the last 30 days" is the same from the Signed Up event and from created_at', async () => {
    await expectReading(audience([trait({ trait: 'created_at', op: 'in_last', amount: 30, unit: 'days' }), did('Order Completed', 'eq', 0)]), expectedOf('d22'));
  });

  test('"used the coupon" is the same from Coupon Redeemed and from the order\'s coupon', async () => {
    await expectReading(audience([did('Order Completed', 'gte', 1, { filters: [{ property: 'coupon', op: 'eq', value: 'WELCOME10' }] })]), expectedOf('d31'));
  });

  test('"came from Instagram" by referrer is the second accepted reading', async () => {
    const def = audience([did('Session Started', 'gte', 1, { window: lastDays(30), filters: [{ property: 'referrer', op: 'eq', value: 'instagram.com' }] })]);
    await expectReading(def, expectedOf('d32', 1));
  });

  test('"iOS users" is the platform trait, not the platform of recent sessions', async () => {
    const bySessions = audience([
      did('Session Started', 'gte', 1, { window: lastDays(30), filters: [{ property: 'platform', op: 'eq', value: 'iOS' }] }),
      did('Order Completed', 'eq', 0, { window: lastDays(30) }),
    ]);
    const members = await engines.duckdb.memberIds(bySessions, { now: SHOP_NOW });
    expect(members).not.toEqual(expectedOf('d06'));
  });
});
