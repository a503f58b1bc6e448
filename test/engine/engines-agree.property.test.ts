/**
 * Hundreds of random definitions over the demo workspace: DuckDB, PostgreSQL and the in-memory
 * reference evaluator must return exactly the same members for every one.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { defineAudience } from '../../src/definition/parse.js';
import { evaluateReference } from '../../src/reference/evaluate.js';
import { openEngines, type Engines } from './support/engines.js';
import { definitionArb } from './support/random-definitions.js';
import { SHOP_DIR, SHOP_NOW } from './support/shop.js';

const RUNS = 300;
let engines: Engines;

beforeAll(async () => {
  engines = await openEngines(SHOP_DIR, 'engines-agree');
}, 120_000);
afterAll(async () => engines?.close());

test(`DuckDB, PostgreSQL and the reference agree on ${RUNS} random definitions`, async () => {
  const timings = { duckdb: 0, postgres: 0, reference: 0 };
  let nonEmpty = 0;
  let notEveryone = 0;
  await fc.assert(
    fc.asyncProperty(definitionArb(engines.reference, SHOP_NOW), async (input) => {
      const def = defineAudience(input);
      let t = performance.now();
      const duckdb = await engines.duckdb.memberIds(def, { now: SHOP_NOW });
      timings.duckdb += performance.now() - t;
      t = performance.now();
      const postgres = await engines.postgres.memberIds(def, { now: SHOP_NOW });
      timings.postgres += performance.now() - t;
      t = performance.now();
      const reference = evaluateReference(def, engines.reference, SHOP_NOW);
      timings.reference += performance.now() - t;
      if (reference.length > 0) nonEmpty++;
      if (reference.length < engines.reference.profiles.size) notEveryone++;
      expect({ duckdb, postgres }).toEqual({ duckdb: reference, postgres: reference });
    }),
    { numRuns: RUNS, seed: 20261101, endOnFailure: true },
  );
  console.log(`${RUNS} definitions, ms total: ${JSON.stringify(Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(v)])))}; non-empty ${nonEmpty}, not everyone ${notEveryone}`);
  // The generator must produce audiences that discriminate, or agreement would prove little.
  expect(nonEmpty).toBeGreaterThan(RUNS / 4);
  expect(notEveryone).toBeGreaterThan(RUNS / 2);
}, 180_000);
