/**
 * Copies an imported workspace from its DuckDB store into PostgreSQL. Everything happens in one
 * transaction: the tables are created and filled in a staging schema, indexed, and only then
 * swapped in for the live one, so a load that fails leaves the previous data untouched.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Pool, PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { AppError } from '../errors.js';
import { createTablesSql, POSTGRES_INDEXES, type StoreSchema } from '../store/layout.js';
import { ident } from './compile/fragment.js';
import { copyTextRow } from './postgres-copy-text.js';
import { stagingSchemaName } from './postgres-names.js';

export interface PostgresLoadSource {
  connection: DuckDBConnection;
  schema: StoreSchema;
}

export interface PostgresLoadOptions {
  pool: Pool;
  /** A generated name (see postgresSchemaName). */
  schemaName: string;
  onProgress?: (p: { table: string; rows: number }) => void;
}

export interface PostgresLoadReport {
  schemaName: string;
  rows: Record<string, number>;
  seconds: number;
}

const TABLES = ['profiles', 'traits', 'trait_items', 'events', 'list_members', 'meta'] as const;

async function* duckRows(connection: DuckDBConnection, table: string, columns: string[]): AsyncGenerator<string> {
  const result = await connection.stream(`SELECT ${columns.join(', ')} FROM ${ident(table).text}`);
  for await (const rows of result.yieldRowsJs()) yield rows.map(copyTextRow).join('');
}

async function columnsOf(connection: DuckDBConnection, table: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(`SELECT * FROM ${ident(table).text} LIMIT 0`);
  return reader.columnNames().map((c) => ident(c).text);
}

async function copyTable(client: PoolClient, source: DuckDBConnection, staging: string, table: string): Promise<number> {
  const columns = await columnsOf(source, table);
  const target = copyFrom(`COPY ${staging}.${ident(table).text} (${columns.join(', ')}) FROM STDIN`);
  const stream = client.query(target);
  await pipeline(Readable.from(duckRows(source, table, columns)), stream);
  return target.rowCount;
}

export async function loadWorkspaceIntoPostgres(source: PostgresLoadSource, opts: PostgresLoadOptions): Promise<PostgresLoadReport> {
  const started = performance.now();
  const live = ident(opts.schemaName).text;
  const staging = ident(stagingSchemaName(opts.schemaName)).text;
  const client = await opts.pool.connect().catch((err: unknown) => {
    throw new AppError('engine_unavailable', 'Could not connect to PostgreSQL to load the workspace.', { cause: err instanceof Error ? err.message : String(err) });
  });
  const rows: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    // Two loads of the same workspace wait for each other instead of colliding on the staging schema.
    await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [opts.schemaName]);
    await client.query(`DROP SCHEMA IF EXISTS ${staging} CASCADE`);
    await client.query(`CREATE SCHEMA ${staging}`);
    await client.query(`SET LOCAL search_path TO ${staging}`);
    for (const statement of createTablesSql(source.schema, 'postgres')) await client.query(statement);
    for (const table of TABLES) {
      rows[table] = await copyTable(client, source.connection, staging, table);
      opts.onProgress?.({ table, rows: rows[table]! });
    }
    for (const statement of POSTGRES_INDEXES) await client.query(statement);
    for (const table of TABLES) await client.query(`ANALYZE ${staging}.${table}`);
    await client.query(`DROP SCHEMA IF EXISTS ${live} CASCADE`);
    await client.query(`ALTER SCHEMA ${staging} RENAME TO ${live}`);
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    // A connection that failed mid-COPY is not trusted back into the pool.
    client.release(true);
    if (err instanceof AppError) throw err;
    throw new AppError('import_failed', 'Loading the workspace into PostgreSQL failed; the previous data is unchanged.', {
      cause: err instanceof Error ? err.message : String(err),
    });
  }
  client.release();
  return { schemaName: opts.schemaName, rows, seconds: (performance.now() - started) / 1000 };
}
