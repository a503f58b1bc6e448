/**
 * The tables a workspace is stored in, the same on every engine (DuckDB embedded, PostgreSQL,
 * and any warehouse a dialect away). Only portable types and no engine-specific features.
 *
 * profiles(user_id)                               one row per profile (identify)
 * traits(user_id, name, value_text, value_num,    one row per scalar trait with a non-empty value:
 *        value_bool, value_time)                  strings in value_text, numbers in value_num,
 *                                                 booleans in value_bool, dates/datetimes in value_time
 *                                                 (UTC) with the raw text in value_text
 * trait_items(user_id, name, item)                one row per element of a list trait (tags)
 * events(user_id, event, ts, p_0 … p_n)           one row per track message; ts in UTC; each event
 *                                                 property in its own typed column (see StoreSchema)
 * list_members(list_name, user_id)                static lists (audiences.json)
 * meta(key, value)                                workspace settings, catalog and schema as JSON text
 */
import type { ValueType } from '../catalog/types.js';

export type ColumnType = 'string' | 'number' | 'boolean' | 'datetime';

export interface PropertyColumn {
  property: string;
  type: ColumnType;
  /** Generated, never taken from data: `p_0`, `p_1`, … */
  column: string;
}

/** How a workspace's dynamic parts (event properties, trait types) map onto the tables. */
export interface StoreSchema {
  propertyColumns: PropertyColumn[];
  traitTypes: Record<string, ValueType>;
}

export const META_KEYS = {
  workspace: 'workspace',
  catalog: 'catalog',
  schema: 'schema',
  importStats: 'import_stats',
} as const;

export function columnSqlType(type: ColumnType, dialect: 'duckdb' | 'postgres' | 'clickhouse'): string {
  switch (type) {
    case 'string':
      return dialect === 'postgres' ? 'TEXT' : dialect === 'clickhouse' ? 'String' : 'VARCHAR';
    case 'number':
      return 'DOUBLE PRECISION';
    case 'boolean':
      return 'BOOLEAN';
    case 'datetime':
      return 'TIMESTAMP';
  }
}

export function createTablesSql(schema: StoreSchema, dialect: 'duckdb' | 'postgres'): string[] {
  const str = columnSqlType('string', dialect);
  const propertyCols = schema.propertyColumns.map((c) => `, ${c.column} ${columnSqlType(c.type, dialect)}`).join('');
  return [
    `CREATE TABLE profiles (user_id ${str} PRIMARY KEY)`,
    `CREATE TABLE traits (user_id ${str} NOT NULL, name ${str} NOT NULL, value_text ${str}, value_num DOUBLE PRECISION, value_bool BOOLEAN, value_time TIMESTAMP)`,
    `CREATE TABLE trait_items (user_id ${str} NOT NULL, name ${str} NOT NULL, item ${str} NOT NULL)`,
    `CREATE TABLE events (user_id ${str} NOT NULL, event ${str} NOT NULL, ts TIMESTAMP NOT NULL${propertyCols})`,
    `CREATE TABLE list_members (list_name ${str} NOT NULL, user_id ${str} NOT NULL)`,
    `CREATE TABLE meta (key ${str} PRIMARY KEY, value ${str} NOT NULL)`,
  ];
}

/** Indexes that make the compiled queries fast on row stores (DuckDB does without). */
export const POSTGRES_INDEXES = [
  'CREATE INDEX ON events (event, user_id, ts)',
  'CREATE INDEX ON traits (name, user_id)',
  'CREATE INDEX ON trait_items (name, item)',
  'CREATE INDEX ON list_members (list_name)',
];
