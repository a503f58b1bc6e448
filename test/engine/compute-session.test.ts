/**
 * How compute() uses its database session: the temporary tables it leaves (only the kept reach
 * of a read-only store, until the engine closes), a store that can change is read afresh, and a
 * failing compute gives the connection back.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Catalog } from '../../src/catalog/types.js';
import { createDuckDbEngine } from '../../src/engine/duckdb-engine.js';
import { createPostgresEngine } from '../../src/engine/postgres-engine.js';
import { postgresSchemaName } from '../../src/engine/postgres-names.js';
import { META_KEYS, type StoreSchema } from '../../src/store/layout.js';
import { readMeta } from '../../src/store/store.js';
import { tempDir } from '../helpers/tmp.js';
import { audience, did, trait } from './support/define.js';
import { openEngines, type Engines } from './support/engines.js';
import { TINY_NOW, writeTinyWorkspace } from './support/tiny-workspace.js';

const now = TINY_NOW;
const everyone = audience([did('Order Completed', 'gte', 0)]);
const buyers = audience([did('Order Completed', 'gte', 1)], [{ name: 'Blocklist', conditions: [{ type: 'list', list: 'Blocklist', op: 'in' }] }]);

let engines: Engines;
beforeAll(async () => {
  engines = await openEngines(writeTinyWorkspace(), 'compute-session', { removeSource: true });
}, 60_000);
afterAll(async () => engines?.close());

async function temporaryTables(connection: DuckDBConnection): Promise<string[]> {
  const reader = await connection.runAndReadAll('SELECT table_name FROM duckdb_tables() WHERE temporary ORDER BY table_name');
  return reader.getRows().map((r) => String(r[0]));
}

describe('on a read-only DuckDB store', () => {
  test('keeps one table of channel flags and drops its working table after every compute', async () => {
    for (const def of [everyone, buyers, everyone]) await engines.duckdb.compute(def, { now });
    const tables = await temporaryTables(engines.store.connection);
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatch(/^audience_reach_\d+$/);
  });

  test('gives each engine on the connection its own tables and drops them when it closes', async () => {
    await engines.duckdb.compute(everyone, { now });
    const before = await temporaryTables(engines.store.connection);
    const second = createDuckDbEngine(engines.store);
    expect(await second.compute(buyers, { now })).toEqual(await engines.duckdb.compute(buyers, { now }));
    expect(await temporaryTables(engines.store.connection)).toHaveLength(before.length + 1);
    await second.close();
    expect(await temporaryTables(engines.store.connection)).toEqual(before);
  });

  test('answers concurrent computes as it answers them one by one', async () => {
    const defs = [everyone, buyers, audience([trait({ trait: 'country', op: 'eq', value: 'DE' })]), audience([trait({ trait: 'push_enabled', op: 'eq', value: true })])];
    const together = await Promise.all(defs.map((d) => engines.duckdb.compute(d, { now })));
    const oneByOne = [];
    for (const d of defs) oneByOne.push(await engines.duckdb.compute(d, { now }));
    expect(together).toEqual(oneByOne);
  });
});

describe('on a workspace without channels', () => {
  test('computes everything else and reports no reach', async () => {
    const catalog = { ...engines.store.catalog, workspace: { ...engines.store.catalog.workspace, channels: {} } };
    for (const engine of [
      createDuckDbEngine({ connection: engines.store.connection, schema: engines.store.schema, catalog }),
      createPostgresEngine({ pool: engines.pool, schemaName: engines.schemaName, schema: engines.store.schema, catalog }),
    ]) {
      const result = await engine.compute(buyers, { now });
      expect(result).toMatchObject({ size: 3, reachability: {}, totalProfiles: 6 });
      expect(result.conditionSizes.map((c) => c.size)).toEqual([4, 1]);
      expect(result.samples.map((s) => s.userId)).toEqual(['u1', 'u3', 'u4']);
      await engine.close();
    }
  });
});

describe('on a DuckDB store that can change', () => {
  test('reads reach afresh instead of keeping it', async () => {
    const copy = join(tempDir('aa-writable-'), 'tiny.duckdb');
    copyFileSync(engines.store.dbPath, copy);
    const instance = await DuckDBInstance.create(copy);
    const connection = await instance.connect();
    try {
      const schema = await readMeta<StoreSchema>(connection, META_KEYS.schema);
      const catalog = await readMeta<Catalog>(connection, META_KEYS.catalog);
      const engine = createDuckDbEngine({ connection, schema, catalog });
      expect((await engine.compute(everyone, { now })).reachability).toEqual({ email: 2, push: 2 });
      await connection.run("UPDATE traits SET value_bool = false WHERE name = 'email_subscribed'");
      expect((await engine.compute(everyone, { now })).reachability).toEqual({ email: 0, push: 2 });
      expect(await temporaryTables(connection)).toEqual([]);
      await engine.close();
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });
});

describe('when a compute fails', () => {
  test('DuckDB gives the connection back and says the database could not run it', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    try {
      // The tiny workspace's schema over a database without its tables: every query fails.
      const engine = createDuckDbEngine({ connection, schema: engines.store.schema, catalog: engines.store.catalog });
      for (let i = 0; i < 3; i++) await expect(engine.compute(everyone, { now })).rejects.toMatchObject({ code: 'engine_unavailable' });
      await expect(engine.memberIds(everyone, { now })).rejects.toMatchObject({ code: 'engine_unavailable' });
    } finally {
      connection.closeSync();
      instance.closeSync();
    }
  });

  test('PostgreSQL rolls back, gives every client back to the pool and says the database could not run it', async () => {
    const missing = createPostgresEngine({ pool: engines.pool, schemaName: postgresSchemaName('no such workspace'), schema: engines.store.schema, catalog: engines.store.catalog });
    // More failures than the pool has clients: a client kept by a failed compute would hang the next.
    for (let i = 0; i < 6; i++) await expect(missing.compute(everyone, { now })).rejects.toMatchObject({ code: 'engine_unavailable' });
    expect(engines.pool.idleCount).toBe(engines.pool.totalCount);
    expect((await engines.postgres.compute(buyers, { now })).size).toBe(3);
  });
});
