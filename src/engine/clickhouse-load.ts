/**
 * Copies an imported workspace from its DuckDB store into a ClickHouse database of its own. The
 * tables are filled in a staging database, then the live one is dropped and the staging one
 * renamed to it: a load that fails midway leaves the previous data as it was (between the drop
 * and the rename, a moment, queries find no workspace and fail as `engine_unavailable`).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import type { DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../errors.js';
import type { ColumnType, StoreSchema } from '../store/layout.js';
import { ident } from './compile/fragment.js';
import { stagingSchemaName } from './postgres-names.js';

export interface ClickHouseLoadSource {
  connection: DuckDBConnection;
  schema: StoreSchema;
}

export interface ClickHouseLoadOptions {
  client: ClickHouseClient;
  /** A generated name (postgresSchemaName makes one for any engine). */
  database: string;
  /** Rows sent per INSERT (default 50,000). */
  batchRows?: number;
}

interface Column {
  name: string;
  type: string;
  /** Read from DuckDB as UTC text, which ClickHouse's DateTime64 parses. */
  time?: boolean;
}

const TIME = "DateTime64(3, 'UTC')";
const VALUE_TYPE: Record<ColumnType, string> = { string: 'String', number: 'Float64', boolean: 'Bool', datetime: TIME };

/** The workspace tables (layout.ts) in ClickHouse types, each sorted for the filters compiled against it. */
function tables(schema: StoreSchema): { name: string; columns: Column[]; orderBy: string }[] {
  const nullable = (type: string) => `Nullable(${type})`;
  return [
    { name: 'profiles', columns: [{ name: 'user_id', type: 'String' }], orderBy: 'user_id' },
    {
      name: 'traits',
      columns: [
        { name: 'user_id', type: 'String' },
        { name: 'name', type: 'String' },
        { name: 'value_text', type: nullable('String') },
        { name: 'value_num', type: nullable('Float64') },
        { name: 'value_bool', type: nullable('Bool') },
        { name: 'value_time', type: nullable(TIME), time: true },
      ],
      orderBy: '(name, user_id)',
    },
    { name: 'trait_items', columns: [{ name: 'user_id', type: 'String' }, { name: 'name', type: 'String' }, { name: 'item', type: 'String' }], orderBy: '(name, item, user_id)' },
    {
      name: 'events',
      columns: [
        { name: 'user_id', type: 'String' },
        { name: 'event', type: 'String' },
        { name: 'ts', type: TIME, time: true },
        ...schema.propertyColumns.map((c) => ({ name: c.column, type: nullable(VALUE_TYPE[c.type]), time: c.type === 'datetime' })),
      ],
      orderBy: '(event, ts, user_id)',
    },
    { name: 'list_members', columns: [{ name: 'list_name', type: 'String' }, { name: 'user_id', type: 'String' }], orderBy: '(list_name, user_id)' },
    { name: 'meta', columns: [{ name: 'key', type: 'String' }, { name: 'value', type: 'String' }], orderBy: 'key' },
  ];
}

async function copyTable(source: DuckDBConnection, client: ClickHouseClient, target: string, table: string, columns: Column[], batchRows: number): Promise<number> {
  const select = columns.map((c) => (c.time ? `strftime(${ident(c.name).text}, '%Y-%m-%d %H:%M:%S.%g') AS ${ident(c.name).text}` : ident(c.name).text));
  const result = await source.stream(`SELECT ${select.join(', ')} FROM ${ident(table).text}`);
  let batch: Record<string, unknown>[] = [];
  let rows = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await client.insert({ table: `${target}.${ident(table).text}`, values: batch, format: 'JSONEachRow' });
    rows += batch.length;
    batch = [];
  };
  for await (const chunk of result.yieldRowObjectJs()) {
    for (const row of chunk) {
      batch.push(row);
      if (batch.length >= batchRows) await flush();
    }
  }
  await flush();
  return rows;
}

export async function loadWorkspaceIntoClickHouse(source: ClickHouseLoadSource, opts: ClickHouseLoadOptions): Promise<Record<string, number>> {
  const live = ident(opts.database).text;
  const staging = ident(stagingSchemaName(opts.database)).text;
  const { client } = opts;
  const rows: Record<string, number> = {};
  try {
    await client.command({ query: `DROP DATABASE IF EXISTS ${staging}` });
    await client.command({ query: `CREATE DATABASE ${staging}` });
    for (const t of tables(source.schema)) {
      const columns = t.columns.map((c) => `${ident(c.name).text} ${c.type}`).join(', ');
      await client.command({ query: `CREATE TABLE ${staging}.${ident(t.name).text} (${columns}) ENGINE = MergeTree ORDER BY ${t.orderBy}` });
      rows[t.name] = await copyTable(source.connection, client, staging, t.name, t.columns, opts.batchRows ?? 50_000);
    }
    await client.command({ query: `DROP DATABASE IF EXISTS ${live}` });
    await client.command({ query: `RENAME DATABASE ${staging} TO ${live}` });
  } catch (err) {
    await client.command({ query: `DROP DATABASE IF EXISTS ${staging}` }).catch(() => undefined);
    throw new AppError('import_failed', 'Loading the workspace into ClickHouse failed; the previous data is unchanged.', {
      cause: err instanceof Error ? err.message : String(err),
    });
  }
  return rows;
}
