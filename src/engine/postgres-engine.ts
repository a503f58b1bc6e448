/**
 * The PostgreSQL engine: the same portable SQL over a `pg` Pool, on tables qualified with the
 * workspace's generated schema name. Members stream through a server-side cursor.
 */
import type { Pool, PoolClient } from 'pg';
import type { Catalog } from '../catalog/types.js';
import { AppError } from '../errors.js';
import { META_KEYS, type StoreSchema } from '../store/layout.js';
import { ident, type Fragment } from './compile/fragment.js';
import { toNumberedPlaceholders } from './compile/placeholders.js';
import { createSqlEngine } from './sql-engine.js';
import type { Row, SqlRunner, SqlSession } from './sql-runner.js';
import type { AudienceEngine } from './types.js';

export interface PostgresEngineOptions {
  /** Owned by the caller: closing the engine leaves it open. */
  pool: Pool;
  /** The generated schema the workspace was loaded into (postgresSchemaName). */
  schemaName: string;
  schema: StoreSchema;
  catalog: Catalog;
  /** Rows fetched per round trip when streaming members (default 5,000). */
  streamBatchRows?: number;
}

const FETCH_ROWS = 5_000;

function engineError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('engine_unavailable', 'PostgreSQL could not run the audience query.', {
    cause: err instanceof Error ? err.message : String(err),
  });
}

function createPostgresRunner(pool: Pool, schemaName: string, batchRows: number): SqlRunner {
  return {
    dialect: 'postgres',
    tableSchema: ident(schemaName).text,

    async all(query: Fragment): Promise<Row[]> {
      try {
        const result = await pool.query(toNumberedPlaceholders(query.text), [...query.params]);
        return result.rows as Row[];
      } catch (err) {
        throw engineError(err);
      }
    },

    async *stream(query: Fragment): AsyncIterable<Row> {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw engineError(err);
      }
      let committed = false;
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(`DECLARE members NO SCROLL CURSOR FOR ${toNumberedPlaceholders(query.text)}`, [...query.params]);
        for (;;) {
          const batch = await client.query(`FETCH FORWARD ${batchRows} FROM members`);
          yield* batch.rows as Row[];
          if (batch.rows.length < batchRows) break;
        }
        await client.query('COMMIT');
        committed = true;
      } catch (err) {
        throw engineError(err);
      } finally {
        // Failed, or the reader stopped early: end the transaction before the client goes back.
        if (!committed) await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    },

    async session<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
      let client: PoolClient;
      try {
        client = await pool.connect();
      } catch (err) {
        throw engineError(err);
      }
      const all = async (query: Fragment): Promise<Row[]> => {
        try {
          return (await client.query(toNumberedPlaceholders(query.text), [...query.params])).rows as Row[];
        } catch (err) {
          throw engineError(err);
        }
      };
      let committed = false;
      try {
        // Not READ ONLY: PostgreSQL refuses CREATE TEMP TABLE in a read-only transaction.
        await client.query('BEGIN');
        const result = await work({ all });
        await client.query('COMMIT');
        committed = true;
        return result;
      } catch (err) {
        throw engineError(err);
      } finally {
        // Rolling back also drops the temporary tables the work created.
        if (!committed) await client.query('ROLLBACK').catch(() => undefined);
        client.release();
      }
    },

    // Workspaces are loaded again into the same schema while engines are open.
    tablesAreFixed: async () => false,
    // ...by replacing the whole schema, taking the tables derived from the old data with it.
    keepsDerivedTables: true,

    async close() {},
  };
}

export function createPostgresEngine({ pool, schemaName, schema, catalog, streamBatchRows = FETCH_ROWS }: PostgresEngineOptions): AudienceEngine {
  const batchRows = Math.max(1, Math.floor(streamBatchRows));
  return createSqlEngine({ name: 'postgres', runner: createPostgresRunner(pool, schemaName, batchRows), schema, catalog });
}

/** An engine over a workspace already loaded into PostgreSQL, its schema and catalog read from `meta`. */
export async function openPostgresEngine(pool: Pool, schemaName: string): Promise<AudienceEngine> {
  const rows = await pool
    .query(`SELECT key, value FROM ${ident(schemaName).text}.meta WHERE key IN ($1, $2)`, [META_KEYS.schema, META_KEYS.catalog])
    .catch((err: unknown) => {
      throw new AppError('not_found', `No workspace is loaded in PostgreSQL under ${schemaName}.`, { cause: err instanceof Error ? err.message : String(err) });
    });
  const meta = new Map(rows.rows.map((r: { key: string; value: string }) => [r.key, JSON.parse(r.value) as unknown]));
  const schema = meta.get(META_KEYS.schema) as StoreSchema | undefined;
  const catalog = meta.get(META_KEYS.catalog) as Catalog | undefined;
  if (!schema || !catalog) throw new AppError('not_found', `The PostgreSQL workspace ${schemaName} has no schema or catalog: load it again.`);
  return createPostgresEngine({ pool, schemaName, schema, catalog });
}
