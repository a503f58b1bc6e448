/**
 * One workspace folder behind every evaluator: the DuckDB engine over the product's import,
 * the PostgreSQL engine over a load of that store into a schema of its own, and the in-memory
 * reference evaluator over the raw files.
 */
import { rmSync } from 'node:fs';
import type pg from 'pg';
import { createDuckDbEngine } from '../../../src/engine/duckdb-engine.js';
import { createPostgresEngine } from '../../../src/engine/postgres-engine.js';
import { loadWorkspaceIntoPostgres } from '../../../src/engine/postgres-load.js';
import { postgresSchemaName } from '../../../src/engine/postgres-names.js';
import type { AudienceEngine } from '../../../src/engine/types.js';
import { loadReferenceData, type ReferenceData } from '../../../src/reference/load.js';
import type { Store } from '../../../src/store/store.js';
import { connectTestPostgres } from './postgres.js';
import { importFolder } from './shop.js';

export interface Engines {
  store: Store;
  duckdb: AudienceEngine;
  postgres: AudienceEngine;
  pool: pg.Pool;
  schemaName: string;
  reference: ReferenceData;
  close(): Promise<void>;
}

/** `removeSource`: the folder was written for this test and goes when the engines close. */
export async function openEngines(srcDir: string, label: string, { removeSource = false } = {}): Promise<Engines> {
  const pool = await connectTestPostgres();
  const imported = await importFolder(srcDir);
  const { store } = imported;
  // A schema per test file and process, so files running side by side never share one.
  const schemaName = postgresSchemaName(`test ${label} ${process.pid}`);
  await loadWorkspaceIntoPostgres(store, { pool, schemaName });
  return {
    store,
    duckdb: createDuckDbEngine(store),
    postgres: createPostgresEngine({ pool, schemaName, schema: store.schema, catalog: store.catalog }),
    pool,
    schemaName,
    reference: loadReferenceData(srcDir),
    async close() {
      await pool.query(`DROP SCHEMA IF EXISTS ${schemaName} CASCADE`);
      await pool.end();
      await imported.cleanup();
      if (removeSource) rmSync(srcDir, { recursive: true, force: true });
    },
  };
}
