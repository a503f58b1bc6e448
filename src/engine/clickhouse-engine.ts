/**
 * The ClickHouse engine, for workspaces past one machine: the same portable SQL through the
 * official `@clickhouse/client`, on tables in the workspace's own database (clickhouse-load.ts).
 * Every value is a typed query parameter (clickhouse-params.ts). `join_use_nulls` is set on
 * every query so that an outer join, should one ever be compiled, yields NULL for a missing
 * trait as DuckDB and PostgreSQL do (ClickHouse's default is 0 or ''), and negative operators
 * keep matching profiles without the trait. ClickHouse has no temporary tables across queries
 * over HTTP, so each compute works the channel flags out inline.
 */
import type { ClickHouseClient, ClickHouseSettings } from '@clickhouse/client';
import type { Catalog } from '../catalog/types.js';
import { AppError } from '../errors.js';
import { META_KEYS, type StoreSchema } from '../store/layout.js';
import { ident, type Fragment } from './compile/fragment.js';
import { toClickHouse } from './clickhouse-params.js';
import { createSqlEngine } from './sql-engine.js';
import type { Row, SqlRunner } from './sql-runner.js';
import type { AudienceEngine } from './types.js';

export interface ClickHouseEngineOptions {
  /** Owned by the caller: closing the engine leaves it open. */
  client: ClickHouseClient;
  /** The generated database the workspace was loaded into (clickhouseDatabaseName). */
  database: string;
  schema: StoreSchema;
  catalog: Catalog;
}

export const CLICKHOUSE_SETTINGS: ClickHouseSettings = { join_use_nulls: 1 };

function engineError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError('engine_unavailable', 'ClickHouse could not run the audience query.', {
    cause: err instanceof Error ? err.message : String(err),
  });
}

function createClickHouseRunner(client: ClickHouseClient, database: string): SqlRunner {
  const run = async (fragment: Fragment) => {
    const { query, params } = toClickHouse(fragment.text, fragment.params);
    return client.query({ query, query_params: params, format: 'JSONEachRow', clickhouse_settings: CLICKHOUSE_SETTINGS });
  };
  const all = async (fragment: Fragment): Promise<Row[]> => {
    try {
      return await (await run(fragment)).json<Row>();
    } catch (err) {
      throw engineError(err);
    }
  };
  return {
    dialect: 'clickhouse',
    tableSchema: ident(database).text,
    all,
    async *stream(fragment: Fragment): AsyncIterable<Row> {
      let result;
      try {
        result = await run(fragment);
      } catch (err) {
        throw engineError(err);
      }
      for await (const rows of result.stream<Row>()) for (const row of rows) yield row.json();
    },
    // Queries over HTTP share no session state; each compute statement stands on its own.
    session: (work) => work({ all }),
    tablesAreFixed: async () => false,
    async close() {},
  };
}

export function createClickHouseEngine({ client, database, schema, catalog }: ClickHouseEngineOptions): AudienceEngine {
  return createSqlEngine({ name: 'clickhouse', runner: createClickHouseRunner(client, database), schema, catalog });
}

/** An engine over a workspace already loaded into ClickHouse, its schema and catalog read from `meta`. */
export async function openClickHouseEngine(client: ClickHouseClient, database: string): Promise<AudienceEngine> {
  const rows = await client
    .query({ query: `SELECT key, value FROM ${ident(database).text}.meta WHERE key IN ({a:String}, {b:String})`, query_params: { a: META_KEYS.schema, b: META_KEYS.catalog }, format: 'JSONEachRow' })
    .then((r) => r.json<{ key: string; value: string }>())
    .catch((err: unknown) => {
      throw new AppError('not_found', `No workspace is loaded in ClickHouse under ${database}.`, { cause: err instanceof Error ? err.message : String(err) });
    });
  const meta = new Map(rows.map((r) => [r.key, JSON.parse(r.value) as unknown]));
  const schema = meta.get(META_KEYS.schema) as StoreSchema | undefined;
  const catalog = meta.get(META_KEYS.catalog) as Catalog | undefined;
  if (!schema || !catalog) throw new AppError('not_found', `The ClickHouse workspace ${database} has no schema or catalog: load it again.`);
  return createClickHouseEngine({ client, database, schema, catalog });
}
