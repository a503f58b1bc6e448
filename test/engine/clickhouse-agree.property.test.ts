/**
 * The ClickHouse engine over the demo workspace, loaded into the real ClickHouse engine (chdb)
 * through the official client: random definitions must give the reference evaluator's members,
 * and compute() DuckDB's counts and samples.
 */
import { rmSync } from 'node:fs';
import fc from 'fast-check';
import type { ClickHouseClient } from '@clickhouse/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defineAudience } from '../../src/definition/parse.js';
import { createClickHouseEngine, openClickHouseEngine } from '../../src/engine/clickhouse-engine.js';
import { loadWorkspaceIntoClickHouse } from '../../src/engine/clickhouse-load.js';
import { createDuckDbEngine } from '../../src/engine/duckdb-engine.js';
import type { AudienceEngine } from '../../src/engine/types.js';
import { loadReferenceData, type ReferenceData } from '../../src/reference/load.js';
import { evaluateReference } from '../../src/reference/evaluate.js';
import { audience, trait } from './support/define.js';
import { createTestClickHouse } from './support/clickhouse.js';
import { definitionArb } from './support/random-definitions.js';
import { importFolder, SHOP_DIR, SHOP_NOW, type ImportedWorkspace } from './support/shop.js';
import { TINY_NOW, writeTinyWorkspace } from './support/tiny-workspace.js';

const DATABASE = 'aa_shop_clickhouse_test';
let client: ClickHouseClient;
let shop: ImportedWorkspace;
let clickhouse: AudienceEngine;
let duckdb: AudienceEngine;
let reference: ReferenceData;

beforeAll(async () => {
  client = await createTestClickHouse();
  shop = await importFolder(SHOP_DIR);
  await loadWorkspaceIntoClickHouse(shop.store, { client, database: DATABASE });
  clickhouse = createClickHouseEngine({ client, database: DATABASE, schema: shop.store.schema, catalog: shop.store.catalog });
  duckdb = createDuckDbEngine(shop.store);
  reference = loadReferenceData(SHOP_DIR);
}, 180_000);
afterAll(async () => {
  await clickhouse?.close();
  await duckdb?.close();
  await client?.close();
  await shop?.cleanup();
});

describe('the ClickHouse engine', () => {
  test('copies every table of the workspace and opens from what the load stored', async () => {
    const opened = await openClickHouseEngine(client, DATABASE);
    expect((await opened.profileIds()).length).toBe(2000);
    const rows = await (await client.query({ query: `SELECT COUNT(*) AS n FROM ${DATABASE}.events`, format: 'JSONEachRow' })).json<{ n: string }>();
    expect(Number(rows[0]!.n)).toBe(222_770);
  });

  test('keeps profiles without the trait in a negative trait condition', async () => {
    const notGerman = audience([trait({ trait: 'country', op: 'neq', value: 'DE' })]);
    const members = await clickhouse.memberIds(notGerman, { now: SHOP_NOW });
    expect(members).toEqual(evaluateReference(notGerman, reference, SHOP_NOW));
    expect(members).toEqual(await duckdb.memberIds(notGerman, { now: SHOP_NOW }));
  });

  test('agrees with the reference on 150 random definitions, and with DuckDB on compute()', async () => {
    let nonEmpty = 0;
    await fc.assert(
      fc.asyncProperty(definitionArb(reference, SHOP_NOW), async (input) => {
        const def = defineAudience(input);
        const expected = evaluateReference(def, reference, SHOP_NOW);
        if (expected.length > 0) nonEmpty++;
        expect(await clickhouse.memberIds(def, { now: SHOP_NOW })).toEqual(expected);
        expect(await clickhouse.compute(def, { now: SHOP_NOW })).toEqual(await duckdb.compute(def, { now: SHOP_NOW }));
      }),
      { numRuns: 150, seed: 20261208, endOnFailure: true },
    );
    expect(nonEmpty).toBeGreaterThan(150 / 4);
  }, 300_000);

  test('reads quantiles of a measure as DuckDB does', async () => {
    const measure = { events: ['Order Completed'], fn: 'sum' as const, property: 'total' };
    const qs = [0.1, 0.5, 0.9];
    const [ch, duck] = await Promise.all([clickhouse.quantiles(measure, qs, { now: SHOP_NOW }), duckdb.quantiles(measure, qs, { now: SHOP_NOW })]);
    ch.forEach((v, i) => expect(v).toBeCloseTo(duck[i]!, 6));
  });
});

describe('the ClickHouse engine over the tiny workspace (unicode, empty and missing values)', () => {
  const database = 'aa_tiny_clickhouse_test';
  let dir: string;
  let tiny: ImportedWorkspace;
  let tinyClickhouse: AudienceEngine;
  let tinyDuckdb: AudienceEngine;
  let tinyReference: ReferenceData;
  beforeAll(async () => {
    dir = writeTinyWorkspace();
    tiny = await importFolder(dir);
    await loadWorkspaceIntoClickHouse(tiny.store, { client, database });
    tinyClickhouse = createClickHouseEngine({ client, database, schema: tiny.store.schema, catalog: tiny.store.catalog });
    tinyDuckdb = createDuckDbEngine(tiny.store);
    tinyReference = loadReferenceData(dir);
  }, 120_000);
  afterAll(async () => {
    await tinyClickhouse?.close();
    await tinyDuckdb?.close();
    await tiny?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('agrees with the reference and with DuckDB on 60 random definitions, refusing the same ones', async () => {
    await fc.assert(
      fc.asyncProperty(definitionArb(tinyReference, TINY_NOW), async (input) => {
        const def = defineAudience(input);
        const duck = await tinyDuckdb.compute(def, { now: TINY_NOW }).catch((err: unknown) => err as Error);
        if (duck instanceof Error) {
          await expect(tinyClickhouse.compute(def, { now: TINY_NOW })).rejects.toMatchObject({ message: duck.message });
          return;
        }
        expect(await tinyClickhouse.memberIds(def, { now: TINY_NOW })).toEqual(evaluateReference(def, tinyReference, TINY_NOW));
        expect(await tinyClickhouse.compute(def, { now: TINY_NOW })).toEqual(duck);
      }),
      { numRuns: 60, seed: 20261208, endOnFailure: true },
    );
  }, 180_000);
});
