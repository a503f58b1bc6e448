/**
 * The fast import path: DuckDB's own parallel NDJSON reader parses the message files and SQL
 * spreads them into the tables. It is used only when every non-blank line of the files became a
 * valid message; otherwise the importer takes the precise path, which names each bad line.
 */
import { listValue, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import type { ValueType } from '../../catalog/types.js';
import { columnSqlType, type ColumnType, type PropertyColumn, type StoreSchema } from '../layout.js';
import { columnTypeOf } from './value-types.js';

export interface FastLoadResult {
  profiles: number;
  events: number;
  /** Messages that DuckDB read as valid identify/track messages. */
  valid: number;
}

const RAW_COLUMNS = "{type: 'VARCHAR', userId: 'VARCHAR', event: 'VARCHAR', timestamp: 'VARCHAR', properties: 'JSON', traits: 'JSON'}";

function jsonPath(key: string): string {
  return `$."${key.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

async function all(connection: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<Record<string, DuckDBValue>[]> {
  return (await connection.runAndReadAll(sql, params)).getRowObjects();
}

const UTC_TS = (expr: string) => `CAST(timezone('UTC', TRY_CAST(${expr} AS TIMESTAMPTZ)) AS TIMESTAMP)`;

function extract(source: string, type: ColumnType): string {
  switch (type) {
    case 'string':
      return `NULLIF(json_extract_string(${source}, ?), '')`;
    case 'number':
      return `TRY_CAST(json_extract(${source}, ?) AS DOUBLE)`;
    case 'boolean':
      return `TRY_CAST(json_extract(${source}, ?) AS BOOLEAN)`;
    case 'datetime':
      return UTC_TS(`json_extract_string(${source}, ?)`);
  }
}

/** Reads the files into a staging table; returns how many rows are valid messages. */
export async function stageMessages(connection: DuckDBConnection, files: string[]): Promise<number> {
  await connection.run(
    `CREATE TEMP TABLE raw AS SELECT * FROM read_ndjson(?, columns = ${RAW_COLUMNS}, ignore_errors = true, compression = 'auto_detect', maximum_object_size = 16777216)`,
    [listValue(files)],
  );
  await connection.run(`CREATE TEMP TABLE messages AS SELECT rowid AS seq, type, userId AS user_id, event, ${UTC_TS('timestamp')} AS ts, properties, traits
    FROM raw
    WHERE userId IS NOT NULL AND userId <> '' AND (
      (type = 'track' AND event IS NOT NULL AND event <> '' AND TRY_CAST(timestamp AS TIMESTAMPTZ) IS NOT NULL)
      OR (type = 'identify' AND (timestamp IS NULL OR TRY_CAST(timestamp AS TIMESTAMPTZ) IS NOT NULL)))`);
  await connection.run('DROP TABLE raw');
  await connection.run(`CREATE TEMP TABLE identifies AS SELECT seq, user_id, traits FROM messages WHERE type = 'identify' AND traits IS NOT NULL`);
  const [row] = await all(connection, 'SELECT COUNT(*) AS n FROM messages');
  return Number(row!.n);
}

function dominantType(rows: Record<string, DuckDBValue>[]): ValueType {
  const t = String(rows[0]?.t ?? 'VARCHAR');
  if (t === 'BIGINT' || t === 'UBIGINT' || t === 'DOUBLE') return 'number';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'ARRAY') return 'string[]';
  return 'string';
}

/** The staging table holding each kind of payload. */
const SOURCE = { properties: "(SELECT properties FROM messages WHERE type = 'track')", traits: 'identifies' } as const;

async function discoverKeys(connection: DuckDBConnection, column: 'properties' | 'traits'): Promise<string[]> {
  const rows = await all(connection, `SELECT DISTINCT unnest(json_keys(${column})) AS k FROM ${SOURCE[column]} WHERE ${column} IS NOT NULL ORDER BY k`);
  return rows.map((r) => String(r.k));
}

async function inferJsonType(connection: DuckDBConnection, column: 'properties' | 'traits', key: string): Promise<ValueType> {
  const rows = await all(
    connection,
    `SELECT json_type(json_extract(${column}, ?)) AS t, COUNT(*) AS n FROM ${SOURCE[column]} WHERE json_type(json_extract(${column}, ?)) NOT IN ('NULL') GROUP BY t ORDER BY n DESC LIMIT 1`,
    [jsonPath(key), jsonPath(key)],
  );
  return dominantType(rows);
}

export async function loadEvents(connection: DuckDBConnection, schema: StoreSchema): Promise<number> {
  const known = new Set(schema.propertyColumns.map((c) => c.property));
  for (const key of await discoverKeys(connection, 'properties')) {
    if (known.has(key)) continue;
    const column: PropertyColumn = { property: key, type: columnTypeOf(await inferJsonType(connection, 'properties', key)), column: `p_${schema.propertyColumns.length}` };
    schema.propertyColumns.push(column);
    await connection.run(`ALTER TABLE events ADD COLUMN ${column.column} ${columnSqlType(column.type, 'duckdb')}`);
  }
  const cols = schema.propertyColumns;
  const exprs = cols.map((c) => extract('properties', c.type));
  // Rows ordered by event then time let DuckDB skip whole row groups on the usual filters.
  await connection.run(
    `INSERT INTO events (user_id, event, ts${cols.map((c) => `, ${c.column}`).join('')})
     SELECT user_id, event, ts${exprs.map((e) => `, ${e}`).join('')} FROM messages WHERE type = 'track' ORDER BY event, ts, user_id`,
    cols.map((c) => jsonPath(c.property)),
  );
  const [row] = await all(connection, 'SELECT COUNT(*) AS n FROM events');
  return Number(row!.n);
}

/** Each trait's latest non-empty value per profile (later identify calls override earlier ones). */
export async function loadProfiles(connection: DuckDBConnection, schema: StoreSchema): Promise<number> {
  await connection.run(`INSERT INTO profiles SELECT DISTINCT user_id FROM messages ORDER BY user_id`);
  const types = schema.traitTypes;
  for (const key of await discoverKeys(connection, 'traits')) {
    if (!types[key]) types[key] = await inferJsonType(connection, 'traits', key);
  }
  for (const [name, type] of Object.entries(types)) {
    const path = jsonPath(name);
    const latest = `SELECT user_id, arg_max(json_extract(traits, ?), seq) AS v FROM identifies
      WHERE json_type(json_extract(traits, ?)) NOT IN ('NULL') AND json_extract_string(traits, ?) <> ''
      GROUP BY user_id`;
    const params = [name, path, path, path];
    if (type === 'string[]') {
      await connection.run(
        `INSERT INTO trait_items SELECT user_id, ?, item FROM (SELECT user_id, unnest(CAST(v AS VARCHAR[])) AS item FROM (${latest})) WHERE item IS NOT NULL AND item <> '' ORDER BY user_id`,
        params,
      );
      continue;
    }
    const column = columnTypeOf(type);
    const text = column === 'string' || column === 'datetime' ? "json_extract_string(v, '$')" : 'NULL';
    const numeric = column === 'number' ? 'TRY_CAST(v AS DOUBLE)' : 'NULL';
    const bool = column === 'boolean' ? 'TRY_CAST(v AS BOOLEAN)' : 'NULL';
    const time = column === 'datetime' ? UTC_TS("json_extract_string(v, '$')") : 'NULL';
    const notNull = column === 'string' ? text : column === 'number' ? numeric : column === 'boolean' ? bool : time;
    await connection.run(
      `INSERT INTO traits SELECT user_id, ?, ${text}, ${numeric}, ${bool}, ${time} FROM (${latest}) WHERE ${notNull} IS NOT NULL ORDER BY user_id`,
      params,
    );
  }
  const [row] = await all(connection, 'SELECT COUNT(*) AS n FROM profiles');
  return Number(row!.n);
}

export async function dropStaging(connection: DuckDBConnection): Promise<void> {
  await connection.run('DROP TABLE IF EXISTS messages');
  await connection.run('DROP TABLE IF EXISTS identifies');
}
