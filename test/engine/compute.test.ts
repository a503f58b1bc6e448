/** What one "compute" returns over the demo workspace, the same on both engines. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { explainDefinition } from '../../src/definition/explain.js';
import { createPostgresEngine } from '../../src/engine/postgres-engine.js';
import { evaluateReference } from '../../src/reference/evaluate.js';
import { allOf, audience, did, lastDays, trait } from './support/define.js';
import { DEV_DEFINITIONS } from './support/dev-definitions.js';
import { openEngines, type Engines } from './support/engines.js';
import { SHOP_DIR, SHOP_NOW } from './support/shop.js';

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines(SHOP_DIR, 'compute');
}, 120_000);
afterAll(async () => engines?.close());

const now = SHOP_NOW;
// "Not on the Blocklist, subscribed to email, opened an email in the last 30 days", minus Beta Testers.
const def = audience(DEV_DEFINITIONS.d19!.root.conditions, [{ name: 'Beta Testers', conditions: [{ type: 'list', list: 'Beta Testers', op: 'in' }] }]);

function referenceCount(conditions: Parameters<typeof audience>[0]): number {
  return evaluateReference(audience(conditions), engines.reference, now).length;
}

describe('compute', () => {
  test('returns the size, reach per channel, samples, condition sizes and total', async () => {
    const result = await engines.duckdb.compute(def, { now });
    const members = evaluateReference(def, engines.reference, now);
    expect(result.size).toBe(members.length);
    expect(result.totalProfiles).toBe(2000);

    const inAudience = def.root.conditions;
    const notBeta = { type: 'list', list: 'Beta Testers', op: 'not_in' } as const;
    expect(result.reachability).toEqual({
      email: referenceCount([...inAudience, notBeta, trait({ trait: 'email', op: 'exists' }), trait({ trait: 'email_subscribed', op: 'eq', value: true })]),
      sms: referenceCount([...inAudience, notBeta, trait({ trait: 'phone', op: 'exists' }), trait({ trait: 'sms_subscribed', op: 'eq', value: true })]),
      push: referenceCount([...inAudience, notBeta, trait({ trait: 'push_enabled', op: 'eq', value: true })]),
      line: referenceCount([...inAudience, notBeta, trait({ trait: 'line_subscribed', op: 'eq', value: true })]),
    });
    expect(result.reachability.email).toBe(result.size); // everyone here is subscribed, and subscribers have an email

    const lines = explainDefinition(def, { currency: 'USD' });
    expect(result.conditionSizes).toEqual([
      { line: lines[0], size: referenceCount([def.root.conditions[0]!]) },
      { line: lines[1], size: referenceCount([def.root.conditions[1]!]) },
      { line: lines[2], size: referenceCount([def.root.conditions[2]!]) },
      { line: 'Excluding Beta Testers', size: 100 },
    ]);
  });

  test('samples the first ten members by user id with a few traits and no contact details', async () => {
    const result = await engines.duckdb.compute(def, { now });
    const members = await engines.duckdb.memberIds(def, { now });
    expect(result.samples.map((s) => s.userId)).toEqual(members.slice(0, 10));
    for (const s of result.samples) {
      expect(Object.keys(s.traits)).toEqual(['first_name', 'country', 'membership_tier', 'city']);
      expect(s.traits.first_name).toBe(engines.reference.profiles.get(s.userId)!.first_name);
      expect(s.traits.membership_tier ?? undefined).toBe(engines.reference.profiles.get(s.userId)!.membership_tier);
    }
    expect(JSON.stringify(result.samples)).not.toMatch(/@example\.com|\+\d{6,}/);
    expect((await engines.duckdb.compute(def, { now, sampleSize: 3 })).samples).toHaveLength(3);
  });

  test('gives the same result on PostgreSQL as on DuckDB', async () => {
    for (const d of [def, DEV_DEFINITIONS.d33!, DEV_DEFINITIONS.d01!]) {
      expect(await engines.postgres.compute(d, { now })).toEqual(await engines.duckdb.compute(d, { now }));
    }
  });

  test('reports an empty audience with its conditions sizes, so the user sees which one empties it', async () => {
    const empty = audience([trait({ trait: 'country', op: 'eq', value: 'DE' }), trait({ trait: 'country', op: 'eq', value: 'JP' })]);
    const result = await engines.postgres.compute(empty, { now });
    expect(result.size).toBe(0);
    expect(result.samples).toEqual([]);
    expect(result.reachability).toEqual({ email: 0, sms: 0, push: 0, line: 0 });
    expect(result.conditionSizes.map((c) => c.size).every((n) => n > 0)).toBe(true);
  });

  test('answers concurrent questions on one DuckDB connection', async () => {
    const defs = Object.values(DEV_DEFINITIONS).slice(0, 8);
    const together = await Promise.all(defs.map((d) => engines.duckdb.memberIds(d, { now })));
    const oneByOne = [];
    for (const d of defs) oneByOne.push(await engines.duckdb.memberIds(d, { now }));
    expect(together).toEqual(oneByOne);
  });
});

describe('streamMembers', () => {
  async function collect(it: AsyncIterable<string>): Promise<string[]> {
    const out: string[] = [];
    for await (const id of it) out.push(id);
    return out;
  }

  test('streams the same members in the same order as memberIds', async () => {
    const everyoneButBuyers = DEV_DEFINITIONS.d01!;
    const expected = await engines.duckdb.memberIds(everyoneButBuyers, { now });
    expect(await collect(engines.duckdb.streamMembers(everyoneButBuyers, { now }))).toEqual(expected);
    const smallBatches = createPostgresEngine({ pool: engines.pool, schemaName: engines.schemaName, schema: engines.store.schema, catalog: engines.store.catalog, streamBatchRows: 300 });
    expect(await collect(smallBatches.streamMembers(everyoneButBuyers, { now }))).toEqual(expected);
  });

  test('gives the connection back when the reader stops early', async () => {
    for (let i = 0; i < 6; i++) {
      for await (const id of engines.postgres.streamMembers(DEV_DEFINITIONS.d01!, { now })) {
        expect(id).toBe('u00001');
        break;
      }
      for await (const _ of engines.duckdb.streamMembers(DEV_DEFINITIONS.d01!, { now })) break;
    }
    expect(await engines.postgres.memberIds(DEV_DEFINITIONS.d14!, { now })).toHaveLength(28);
    expect(await engines.duckdb.memberIds(DEV_DEFINITIONS.d14!, { now })).toHaveLength(28);
  });
});

describe('quantiles', () => {
  function percentileCont(sorted: number[], q: number): number {
    const pos = q * (sorted.length - 1);
    const lo = Math.floor(pos);
    const hi = Math.ceil(pos);
    return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
  }

  function perProfile(measure: (orders: number[]) => number, days?: number): number[] {
    const cutoff = days ? now.getTime() - days * 86_400_000 : -Infinity;
    const out: number[] = [];
    for (const byName of engines.reference.events.values()) {
      const orders = (byName.get('Order Completed') ?? []).filter((e) => e.ts >= cutoff);
      if (orders.length) out.push(measure(orders.map((e) => e.properties.total as number)));
    }
    return out.sort((a, b) => a - b);
  }

  test('reads quantiles of total spend over the people who ordered', async () => {
    const qs = [0, 0.5, 0.9, 1];
    const spend = perProfile((totals) => totals.reduce((a, b) => a + b, 0));
    for (const engine of [engines.duckdb, engines.postgres]) {
      const got = await engine.quantiles({ events: ['Order Completed'], fn: 'sum', property: 'total' }, qs, { now });
      got.forEach((v, i) => expect(v).toBeCloseTo(percentileCont(spend, qs[i]!), 6));
    }
  });

  test('reads quantiles of order counts in a window', async () => {
    const counts = perProfile((totals) => totals.length, 90);
    for (const engine of [engines.duckdb, engines.postgres]) {
      expect(await engine.quantiles({ events: ['Order Completed'], fn: 'count', window: lastDays(90) }, [0.25, 0.75], { now })).toEqual([
        percentileCont(counts, 0.25),
        percentileCont(counts, 0.75),
      ]);
    }
  });

  test('returns nothing when nobody performed the events', async () => {
    const window = { kind: 'between' as const, from: '2020-01-01', to: '2020-02-01' };
    expect(await engines.duckdb.quantiles({ events: ['Order Completed'], fn: 'avg', property: 'total', window }, [0.5], { now })).toEqual([]);
  });

  test('refuses fractions outside 0..1 and measures of text properties', async () => {
    await expect(engines.duckdb.quantiles({ events: ['Order Completed'], fn: 'count' }, [90], { now })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(engines.duckdb.quantiles({ events: ['Order Completed'], fn: 'max', property: 'category' }, [0.5], { now })).rejects.toMatchObject({ code: 'type_mismatch' });
  });
});

describe('toSql', () => {
  test('gives portable SQL with one placeholder per bound value and no values in the text', () => {
    const d = audience([allOf(did('Order Completed', 'gte', 2, { window: lastDays(30), filters: [{ property: 'category', op: 'eq', value: 'Beauty' }] })), trait({ trait: 'country', op: 'in', value: ['XQ', 'ZZ'] })]);
    const { sql, params } = engines.duckdb.toSql(d, { now });
    expect(sql.split('?').length - 1).toBe(params.length);
    expect(params).toEqual(expect.arrayContaining(['Order Completed', 'Beauty', 'XQ', 'ZZ', 'country', 2]));
    for (const value of ['Order Completed', 'Beauty', 'XQ', 'ZZ', '2026-10-02']) expect(sql).not.toContain(value);
    expect(sql).not.toMatch(/FILTER\s*\(|\$\d/);
  });
});
