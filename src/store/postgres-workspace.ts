/**
 * A workspace served by PostgreSQL: loaded there from the embedded store once (per content hash),
 * then queried in place. Teams whose data already lives in PostgreSQL point DATABASE_URL at it.
 */
import pg from 'pg';
import { AppError } from '../errors.js';
import type { AudienceEngine } from '../engine/types.js';
import { loadWorkspaceIntoPostgres } from '../engine/postgres-load.js';
import { openPostgresEngine } from '../engine/postgres-engine.js';
import { postgresSchemaName } from '../engine/postgres-names.js';
import type { Store } from './store.js';

export interface PostgresWorkspaceOptions {
  store: Store;
  workspaceId: string;
  databaseUrl: string | undefined;
}

export async function openPostgresEngineForStore({ store, workspaceId, databaseUrl }: PostgresWorkspaceOptions): Promise<AudienceEngine> {
  if (!databaseUrl) throw new AppError('invalid_input', 'The postgres engine needs DATABASE_URL (for example postgres://user@127.0.0.1:5432/db).');
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5000 });
  const schemaName = postgresSchemaName(workspaceId);
  try {
    let engine: AudienceEngine;
    try {
      engine = await openPostgresEngine(pool, schemaName);
    } catch (err) {
      if (!(err instanceof AppError) || err.code !== 'not_found') throw err;
      await loadWorkspaceIntoPostgres({ connection: store.connection, schema: store.schema }, { pool, schemaName });
      engine = await openPostgresEngine(pool, schemaName);
    }
    return {
      ...engine,
      name: engine.name,
      async close() {
        await engine.close();
        await pool.end();
      },
    };
  } catch (err) {
    await pool.end();
    throw err;
  }
}
