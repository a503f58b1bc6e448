import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type pg from 'pg';
import { openPostgresEngine } from '../../src/engine/postgres-engine.js';
import { loadWorkspaceIntoPostgres } from '../../src/engine/postgres-load.js';
import { postgresSchemaName, stagingSchemaName } from '../../src/engine/postgres-names.js';
import { audience, trait } from './support/define.js';
import { connectTestPostgres } from './support/postgres.js';
import { importFolder, type ImportedWorkspace } from './support/shop.js';
import { TINY_NOW, writeTinyWorkspace } from './support/tiny-workspace.js';

let pool: pg.Pool;
let tiny: ImportedWorkspace;
let tinyDir: string;
const schemaName = postgresSchemaName(`load test ${process.pid}`);

beforeAll(async () => {
  pool = await connectTestPostgres();
  tinyDir = writeTinyWorkspace();
  tiny = await importFolder(tinyDir);
}, 60_000);
afterAll(async () => {
  await pool?.query(`DROP SCHEMA IF EXISTS ${schemaName} CASCADE`);
  await pool?.query(`DROP SCHEMA IF EXISTS ${stagingSchemaName(schemaName)} CASCADE`);
  await pool?.end();
  await tiny?.cleanup();
  if (tinyDir) rmSync(tinyDir, { recursive: true, force: true });
});

async function count(table: string): Promise<number> {
  const { rows } = await pool.query(`SELECT COUNT(*) AS n FROM ${schemaName}.${table}`);
  return Number(rows[0].n);
}

async function duckCount(table: string): Promise<number> {
  const reader = await tiny.store.connection.runAndReadAll(`SELECT COUNT(*) AS n FROM ${table}`);
  return Number(reader.getRowObjectsJS()[0]!.n);
}

describe('loading a workspace into PostgreSQL', () => {
  test('copies every table row for row, with indexes', async () => {
    const report = await loadWorkspaceIntoPostgres(tiny.store, { pool, schemaName });
    for (const table of ['profiles', 'traits', 'trait_items', 'events', 'list_members', 'meta']) {
      expect(await count(table)).toBe(await duckCount(table));
      expect(report.rows[table]).toBe(await duckCount(table));
    }
    const { rows } = await pool.query('SELECT COUNT(*) AS n FROM pg_indexes WHERE schemaname = $1', [schemaName]);
    expect(Number(rows[0].n)).toBeGreaterThanOrEqual(4);
  });

  test('keeps values exactly: unicode, timestamps, booleans, numbers', async () => {
    const { rows } = await pool.query(
      `SELECT t.value_text, to_char(c.value_time, 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS created, v.value_bool, a.value_num
         FROM ${schemaName}.traits t
         JOIN ${schemaName}.traits c ON c.user_id = t.user_id AND c.name = 'created_at'
         JOIN ${schemaName}.traits v ON v.user_id = t.user_id AND v.name = 'email_subscribed'
         LEFT JOIN ${schemaName}.traits a ON a.user_id = t.user_id AND a.name = 'age'
        WHERE t.user_id = 'u3' AND t.name = 'first_name'`,
    );
    expect(rows).toEqual([{ value_text: 'Čeněk', created: '2026-10-01T00:00:00.000', value_bool: true, value_num: null }]);
  });

  test('opens an engine from what the load stored', async () => {
    const engine = await openPostgresEngine(pool, schemaName);
    expect(await engine.memberIds(audience([trait({ trait: 'country', op: 'eq', value: 'DE' })]), { now: TINY_NOW })).toEqual(['u1', 'u4']);
  });

  test('keeps the channel flags beside the workspace between computes, until the workspace is loaded again', async () => {
    const flagTables = async (): Promise<string[]> =>
      (await pool.query("SELECT tablename FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'channel_flags_%'", [schemaName])).rows.map((r: { tablename: string }) => r.tablename);
    const engine = await openPostgresEngine(pool, schemaName);
    const def = audience([trait({ trait: 'country', op: 'eq', value: 'DE' })]);
    const first = await engine.compute(def, { now: TINY_NOW });
    const kept = await flagTables();
    expect(kept).toHaveLength(1);
    await pool.query(`UPDATE ${schemaName}.traits SET value_bool = NOT value_bool WHERE name = 'email_subscribed'`);
    // The kept flags are read, not worked out again from the traits.
    expect((await engine.compute(def, { now: TINY_NOW })).reachability).toEqual(first.reachability);
    await loadWorkspaceIntoPostgres(tiny.store, { pool, schemaName });
    expect(await flagTables()).toEqual([]);
    expect(await engine.compute(def, { now: TINY_NOW })).toEqual(first);
    expect(await flagTables()).toEqual(kept);
  });

  test('leaves the previous data in place when a load fails midway', async () => {
    // A schema that says the first property holds numbers makes COPY reject the text values.
    const wrong = {
      ...tiny.store.schema,
      propertyColumns: tiny.store.schema.propertyColumns.map((c) => (c.property === 'category' ? { ...c, type: 'number' as const } : c)),
    };
    await expect(loadWorkspaceIntoPostgres({ connection: tiny.store.connection, schema: wrong }, { pool, schemaName })).rejects.toMatchObject({ code: 'import_failed' });
    expect(await count('profiles')).toBe(6);
    expect(await count('events')).toBe(await duckCount('events'));
    const { rows } = await pool.query('SELECT nspname FROM pg_namespace WHERE nspname = $1', [stagingSchemaName(schemaName)]);
    expect(rows).toEqual([]);
  });

  test('replaces the previous data on a successful reload', async () => {
    await pool.query(`DELETE FROM ${schemaName}.profiles WHERE user_id = 'u1'`);
    expect(await count('profiles')).toBe(5);
    await loadWorkspaceIntoPostgres(tiny.store, { pool, schemaName });
    expect(await count('profiles')).toBe(6);
  });
});

describe('schema names', () => {
  test('are generated identifiers whatever the workspace is called', () => {
    for (const name of ['Shop demo', "x'; DROP SCHEMA public; --", '中文', '', 'a'.repeat(300)]) {
      const generated = postgresSchemaName(name);
      expect(generated).toMatch(/^aa_[a-z0-9_]{1,60}$/);
      expect(stagingSchemaName(generated).length).toBeLessThanOrEqual(63);
    }
    expect(postgresSchemaName('Shop demo')).not.toBe(postgresSchemaName('shop-demo'));
  });
});
