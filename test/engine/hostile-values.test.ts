/**
 * Values that try to break out of SQL are bound, never spliced: the compiled text holds none of
 * them, the query runs on both engines, and a stored hostile string is matched exactly.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import { compileAudience } from '../../src/engine/compile/audience.js';
import type { CompileContext } from '../../src/engine/compile/context.js';
import { toNumberedPlaceholders } from '../../src/engine/compile/placeholders.js';
import { audience, did, trait } from './support/define.js';
import { expectedEverywhere, membersEverywhere } from './support/agree.js';
import { openEngines, type Engines } from './support/engines.js';
import { TINY_NOW, writeTinyWorkspace } from './support/tiny-workspace.js';

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines(writeTinyWorkspace(), 'hostile-values', { removeSource: true });
}, 60_000);
afterAll(async () => engines?.close());

const HOSTILE = [
  "' OR 1=1 --",
  "O'Brien",
  'Robert"); DROP TABLE profiles; --',
  "x'; DELETE FROM traits WHERE 'a'='a",
  'back\\slash \\\' \\" end',
  'what? and $1 and :name',
  '*/ SELECT 1; /*',
  'tab\there\nnewline\rreturn',
  'Ünïcødé 🐱 中文 עברית ‮reversed',
  'zero\u200Bwidth',
  '%_ LIKE wildcards_%',
  `${"'".repeat(20)}${'é🙂'.repeat(60)}`.slice(0, 200),
];

/** Every string field of a definition that reaches SQL as a value. */
function conditionsWith(h: string): Condition[] {
  return [
    did(h, 'gte', 1),
    did('Order Completed', 'eq', 0, { filters: [{ property: 'category', op: 'eq', value: h }] }),
    did('Order Completed', 'gte', 1, { filters: [{ property: 'category', op: 'neq', value: h }, { property: 'coupon', op: 'not_in', value: [h, 'x'] }] }),
    did('Order Completed', 'gte', 0, { filters: [{ property: 'category', op: 'contains', value: h }] }),
    did('Order Completed', 'gte', 0, { filters: [{ property: 'category', op: 'not_contains', value: h }] }),
    { type: 'recency', events: [h, 'Order Completed'], filters: [{ property: 'category', op: 'in', value: [h] }], op: 'never' },
    { type: 'aggregate', events: [h], filters: [{ property: 'coupon', op: 'eq', value: h }], fn: 'sum', property: 'total', op: 'gte', value: 0 },
    trait({ trait: 'country', op: 'neq', value: h }),
    trait({ trait: 'country', op: 'not_in', value: [h, 'DE'] }),
    trait({ trait: 'notes', op: 'not_contains', value: h }),
    trait({ trait: 'notes', op: 'contains_none', value: [h, 'zzz'] }),
    trait({ trait: 'first_name', op: 'lte', value: h }),
    trait({ trait: 'tags', op: 'contains_none', value: [h] }),
    trait({ trait: 'tags', op: 'not_contains', value: h }),
    trait({ trait: 'tags', op: 'neq', value: h }),
    { type: 'list', list: h, op: 'not_in' },
  ];
}

function context(dialect: 'duckdb' | 'postgres'): CompileContext {
  // No catalog: unknown event and list names are compiled (as bound values) instead of refused.
  return { schema: engines.store.schema, now: TINY_NOW, dialect, ...(dialect === 'postgres' ? { tableSchema: engines.schemaName } : {}) };
}

describe('hostile values', () => {
  test.each(HOSTILE.map((h) => [JSON.stringify(h).slice(0, 40), h]))('binds %s in every string field on both engines', async (_label, h) => {
    const def = audience(conditionsWith(h));
    const duck = compileAudience(def, context('duckdb'));
    const pg = compileAudience(def, context('postgres'));
    for (const compiled of [duck, pg]) {
      expect(compiled.sql).not.toContain(h);
      expect(compiled.params.filter((p) => typeof p === 'string' && p.toLowerCase().includes(h.toLowerCase())).length).toBeGreaterThanOrEqual(15);
      expect(compiled.sql.split('?').length - 1).toBe(compiled.params.length);
    }
    const duckRows = (await engines.store.connection.runAndReadAll(duck.sql, duck.params as string[])).getRowObjectsJS().map((r) => r.user_id);
    const pgRows = (await engines.pool.query(toNumberedPlaceholders(pg.sql), pg.params)).rows.map((r: { user_id: string }) => r.user_id);
    // No one performed the hostile event, so the AND of everything is nobody; the query ran.
    expect(duckRows).toEqual([]);
    expect(pgRows).toEqual([]);
  });

  test.each(HOSTILE.map((h) => [JSON.stringify(h).slice(0, 40), h]))('keeps everyone in the negative tests of %s on both engines and the reference', async (_label, h) => {
    const negatives = audience([
      trait({ trait: 'country', op: 'neq', value: h }),
      trait({ trait: 'country', op: 'not_in', value: [h] }),
      trait({ trait: 'notes', op: 'not_contains', value: h }),
      trait({ trait: 'tags', op: 'contains_none', value: [h] }),
      trait({ trait: 'tags', op: 'neq', value: h }),
    ]);
    const u5Notes = "Typed ' OR 1=1 -- into the chat";
    const expected = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].filter((u) => u !== 'u5' || !u5Notes.toLowerCase().includes(h.toLowerCase()));
    expect(await membersEverywhere(engines, negatives, TINY_NOW)).toEqual(expectedEverywhere(expected));
    const ordered = await membersEverywhere(engines, audience([trait({ trait: 'first_name', op: 'lte', value: h })]), TINY_NOW);
    expect(ordered.duckdb).toEqual(ordered.reference);
    expect(ordered.postgres).toEqual(ordered.reference);
  });

  test('matches a stored hostile string exactly, and only it', async () => {
    const def = audience([trait({ trait: 'notes', op: 'contains', value: "' or 1=1 --" })]);
    expect(await membersEverywhere(engines, def, TINY_NOW)).toEqual(expectedEverywhere(['u5']));
  });

  test('refuses hostile names of traits and properties as unknown, before any SQL', async () => {
    const h = "country' OR '1'='1";
    await expect(engines.duckdb.memberIds(audience([trait({ trait: h, op: 'exists' })]), { now: TINY_NOW })).rejects.toMatchObject({ code: 'unknown_reference' });
    const byProperty = audience([did('Order Completed', 'gte', 1, { filters: [{ property: h, op: 'exists' }] })]);
    await expect(engines.postgres.memberIds(byProperty, { now: TINY_NOW })).rejects.toMatchObject({ code: 'unknown_reference' });
    await expect(engines.postgres.memberIds(audience([did(h, 'gte', 1)]), { now: TINY_NOW })).rejects.toMatchObject({ code: 'unknown_reference' });
  });

  test('refuses a NUL character with a clear error instead of a database error', async () => {
    const def = audience([trait({ trait: 'country', op: 'eq', value: 'D\u0000E' })]);
    for (const engine of [engines.duckdb, engines.postgres]) {
      await expect(engine.memberIds(def, { now: TINY_NOW })).rejects.toMatchObject({ code: 'invalid_definition' });
    }
  });
});
