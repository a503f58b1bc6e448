/**
 * The keys staged `properties` / `traits` objects hold, and the types of the keys no plan names.
 * Each is one pass over the staged messages whatever the number of keys: keys are read by
 * `json_keys`, values by one `json_transform` into a struct whose layout is passed as a bound
 * parameter, so no key from the data is ever written into SQL.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ValueType } from '../../catalog/types.js';
import { STAGED } from './stage.js';
import { num, queryRows } from './query-rows.js';

export type PayloadColumn = 'properties' | 'traits';

/** The staged rows holding each kind of payload. */
const SOURCE: Record<PayloadColumn, string> = {
  properties: `FROM ${STAGED} WHERE type = 'track' AND properties IS NOT NULL`,
  traits: `FROM ${STAGED} WHERE type = 'identify' AND traits IS NOT NULL`,
};

/** Every key present in some payload (even with a null value), sorted, with how many rows hold it. */
export async function discoverKeys(connection: DuckDBConnection, column: PayloadColumn): Promise<Map<string, number>> {
  const rows = await queryRows(connection, `SELECT k, COUNT(*) AS n FROM (SELECT unnest(json_keys(${column})) AS k ${SOURCE[column]}) GROUP BY k ORDER BY k`);
  return new Map(rows.map((r) => [String(r.k), num(r.n)]));
}

/** A `json_transform` structure: key → DuckDB type name. */
export function structure(entries: [string, string][]): string {
  const shape: Record<string, string> = {};
  for (const [key, type] of entries) shape[key] = type;
  return JSON.stringify(shape);
}

/** The i-th field (0-based) of a struct made by `json_transform`. */
export function field(structExpr: string, i: number): string {
  return `struct_extract_at(${structExpr}, ${i + 1})`;
}

function valueTypeOfJson(jsonType: unknown): ValueType {
  const t = String(jsonType ?? 'VARCHAR');
  if (t === 'BIGINT' || t === 'UBIGINT' || t === 'DOUBLE') return 'number';
  if (t === 'BOOLEAN') return 'boolean';
  if (t === 'ARRAY') return 'string[]';
  return 'string';
}

/** Each key's most frequent JSON type among its non-null values (string when it has none). */
export async function inferTypes(connection: DuckDBConnection, column: PayloadColumn, keys: string[]): Promise<ValueType[]> {
  if (keys.length === 0) return [];
  const modes = keys.map((_, i) => `mode(json_type(${field('s', i)})) AS t_${i}`).join(', ');
  const [row] = await queryRows(connection, `SELECT ${modes} FROM (SELECT json_transform(${column}, $1) AS s ${SOURCE[column]})`, [
    structure(keys.map((k) => [k, 'JSON'])),
  ]);
  return keys.map((_, i) => valueTypeOfJson(row?.[`t_${i}`]));
}

/** For each key, the rows where its value is neither null nor "" (what a typed column should hold). */
export async function countFilled(connection: DuckDBConnection, column: PayloadColumn, keys: string[]): Promise<number[]> {
  if (keys.length === 0) return [];
  const counts = keys.map((_, i) => `COUNT(*) FILTER (WHERE ${field('s', i)} IS NOT NULL AND ${field('s', i)} <> '""') AS n_${i}`).join(', ');
  const [row] = await queryRows(connection, `SELECT ${counts} FROM (SELECT json_transform(${column}, $1) AS s ${SOURCE[column]})`, [
    structure(keys.map((k) => [k, 'JSON'])),
  ]);
  return keys.map((_, i) => num(row?.[`n_${i}`]));
}
