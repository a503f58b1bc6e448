/**
 * Track messages from the staged messages into `events`: every `properties` object is parsed
 * once, by one `json_transform` into a struct typed per StoreSchema, and the rows are written
 * in one sorted insert. A property the tracking plan does not list gets a typed column first.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { columnSqlType, type ColumnType, type PropertyColumn, type StoreSchema } from '../layout.js';
import { countFilled, discoverKeys, field, inferTypes, structure } from './json-keys.js';
import { STAGED } from './stage.js';
import { num, queryRows, utcTimestamp } from './query-rows.js';
import { columnTypeOf } from './value-types.js';

export interface LoadedEvents {
  events: number;
  /** Values that did not fit their column's type and were left empty. */
  typeConflicts: number;
}

/** What `json_transform` reads each column as; datetimes stay text for the same cast as message timestamps. */
const READ_AS: Record<ColumnType, string> = { string: 'VARCHAR', number: 'DOUBLE', boolean: 'BOOLEAN', datetime: 'VARCHAR' };

function stored(type: ColumnType, value: string): string {
  if (type === 'string') return `NULLIF(${value}, '')`;
  if (type === 'datetime') return utcTimestamp(value);
  return value;
}

async function addUnplannedColumns(connection: DuckDBConnection, schema: StoreSchema, keys: Map<string, number>): Promise<void> {
  const known = new Set(schema.propertyColumns.map((c) => c.property));
  const unplanned = [...keys.keys()].filter((k) => !known.has(k));
  const types = await inferTypes(connection, 'properties', unplanned);
  for (const [i, key] of unplanned.entries()) {
    const column: PropertyColumn = { property: key, type: columnTypeOf(types[i]!), column: `p_${schema.propertyColumns.length}` };
    schema.propertyColumns.push(column);
    await connection.run(`ALTER TABLE events ADD COLUMN ${column.column} ${columnSqlType(column.type, 'duckdb')}`);
  }
}

/**
 * Rows sorted by event, then time, then user let DuckDB skip whole row groups on the usual
 * filters. The sort runs on each event's rank rather than its name (the same order, cheaper
 * keys) and before the JSON is spread into columns, so it moves four columns instead of all.
 */
async function insertSorted(connection: DuckDBConnection, columns: PropertyColumn[]): Promise<void> {
  const targets = columns.map((c) => `, ${c.column}`).join('');
  const values = columns.map((c, i) => `, ${stored(c.type, field('s', i))}`).join('');
  const parsed = columns.length ? ', json_transform(properties, $1) AS s' : '';
  await connection.run(
    `INSERT INTO events (user_id, event, ts${targets})
     WITH event_order AS (SELECT event, row_number() OVER (ORDER BY event) AS event_rank FROM (SELECT DISTINCT event FROM ${STAGED} WHERE type = 'track'))
     SELECT user_id, event, ts${values}
     FROM (SELECT user_id, event, ts${parsed} FROM (
       SELECT m.user_id, m.event, m.ts, m.properties FROM ${STAGED} m JOIN event_order o ON o.event = m.event WHERE m.type = 'track'
       ORDER BY o.event_rank, m.ts, m.user_id))`,
    columns.length ? [structure(columns.map((c) => [c.property, READ_AS[c.type]]))] : [],
  );
}

/**
 * A value that was there (not null, not "") but came out empty did not fit its column. Text
 * columns take any value; a typed column holding as many values as rows carrying its key has
 * none that failed, so the JSON is only read again for columns that fall short.
 */
async function countEvents(connection: DuckDBConnection, columns: PropertyColumn[], keys: Map<string, number>): Promise<LoadedEvents> {
  const [row] = await queryRows(connection, `SELECT COUNT(*) AS n${columns.map((c, i) => `, COUNT(${c.column}) AS c_${i}`).join('')} FROM events`);
  const stored = new Map(columns.map((c, i) => [c.property, num(row![`c_${i}`])]));
  const short = columns.filter((c) => c.type !== 'string' && (keys.get(c.property) ?? 0) > stored.get(c.property)!).map((c) => c.property);
  const filled = await countFilled(connection, 'properties', short);
  const typeConflicts = short.reduce((sum, key, i) => sum + Math.max(0, filled[i]! - stored.get(key)!), 0);
  return { events: num(row!.n), typeConflicts };
}

export async function loadEvents(connection: DuckDBConnection, schema: StoreSchema): Promise<LoadedEvents> {
  const keys = await discoverKeys(connection, 'properties');
  await addUnplannedColumns(connection, schema, keys);
  const present = schema.propertyColumns.filter((c) => keys.has(c.property));
  await insertSorted(connection, present);
  return countEvents(connection, present, keys);
}
