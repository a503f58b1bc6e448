/**
 * The embedded engine: the portable SQL run on the workspace's DuckDB connection. One
 * connection runs one query at a time, so queries (and streams, for as long as they are read)
 * take turns.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Catalog } from '../catalog/types.js';
import { AppError } from '../errors.js';
import type { StoreSchema } from '../store/layout.js';
import { sql, type Fragment } from './compile/fragment.js';
import { createSqlEngine } from './sql-engine.js';
import type { Row, SqlRunner, SqlSession } from './sql-runner.js';
import type { AudienceEngine } from './types.js';

export interface DuckDbEngineOptions {
  /** Owned by the store that opened it: closing the engine leaves it open. */
  connection: DuckDBConnection;
  schema: StoreSchema;
  catalog: Catalog;
}

function engineError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('engine_unavailable', 'The audience database could not run the query.', {
    cause: err instanceof Error ? err.message : String(err),
  });
}

function createDuckDbRunner(connection: DuckDBConnection): SqlRunner {
  let turn: Promise<unknown> = Promise.resolve();
  const next = async (): Promise<() => void> => {
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const previous = turn;
    turn = previous.then(() => mine);
    await previous;
    return release;
  };

  const run = async (query: Fragment): Promise<Row[]> => {
    try {
      const reader = await connection.runAndReadAll(query.text, [...query.params]);
      return reader.getRowObjectsJS() as Row[];
    } catch (err) {
      throw engineError(err);
    }
  };
  let fixed: Promise<boolean> | undefined;

  return {
    dialect: 'duckdb',

    async all(query: Fragment): Promise<Row[]> {
      const release = await next();
      try {
        return await run(query);
      } finally {
        release();
      }
    },

    async *stream(query: Fragment): AsyncIterable<Row> {
      const release = await next();
      try {
        const result = await connection.stream(query.text, [...query.params]).catch((err: unknown) => {
          throw engineError(err);
        });
        for await (const rows of result.yieldRowObjectJs()) yield* rows as Row[];
      } finally {
        release();
      }
    },

    async session<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
      const release = await next();
      try {
        return await work({ all: run });
      } finally {
        release();
      }
    },

    tablesAreFixed() {
      // A read-only instance sees the file as it was opened, whoever writes to it later.
      fixed ??= (async () => {
        const release = await next();
        try {
          return (await run(sql`SELECT current_setting('access_mode') AS mode`))[0]?.mode === 'read_only';
        } catch {
          return false;
        } finally {
          release();
        }
      })();
      return fixed;
    },

    async close() {},
  };
}

export function createDuckDbEngine({ connection, schema, catalog }: DuckDbEngineOptions): AudienceEngine {
  return createSqlEngine({ name: 'duckdb', runner: createDuckDbRunner(connection), schema, catalog });
}
