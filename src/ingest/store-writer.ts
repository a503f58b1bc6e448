/**
 * Writes accepted messages into a live store in one transaction: events appended, traits set
 * (a later identify replaces a trait's value, `null` removes it, as in Segment), a profile for
 * every new user id, and the message ids kept so a message sent again is recognised after a
 * restart too. Rows are staged in temporary tables by appenders, then moved with set-based SQL,
 * so a question running meanwhile sees the flush whole or not at all.
 */
import { DuckDBTimestampValue, type DuckDBConnection } from '@duckdb/node-api';
import { columnSqlType, META_KEYS, type PropertyColumn, type StoreSchema } from '../store/layout.js';
import { field, structure } from '../store/import/json-keys.js';
import { utcTimestamp } from '../store/import/query-rows.js';
import { columnTypeOf, inferType } from '../store/import/value-types.js';
import { appendTrait } from '../store/import/precise-load.js';
import type { IngestMessage } from './segment-messages.js';

type Track = Extract<IngestMessage, { kind: 'track' }>;
type Identify = Extract<IngestMessage, { kind: 'identify' }>;

export interface WriteReport {
  events: number;
  profilesTouched: number;
  /** Trait values that did not fit the trait's type (not kept); event properties that do not fit are kept empty. */
  typeConflicts: number;
}

const STAGING = [
  'CREATE OR REPLACE TEMP TABLE in_events (user_id VARCHAR, event VARCHAR, ts TIMESTAMP, props VARCHAR)',
  'CREATE OR REPLACE TEMP TABLE in_traits AS SELECT * FROM traits LIMIT 0',
  'CREATE OR REPLACE TEMP TABLE in_items AS SELECT * FROM trait_items LIMIT 0',
  'CREATE OR REPLACE TEMP TABLE in_names (user_id VARCHAR, name VARCHAR)',
  'CREATE OR REPLACE TEMP TABLE in_profiles (user_id VARCHAR)',
  'CREATE OR REPLACE TEMP TABLE in_ids AS SELECT * FROM ingested_messages LIMIT 0',
];

const MOVE_TRAITS = [
  'DELETE FROM traits USING (SELECT DISTINCT user_id, name FROM temp.main.in_names) n WHERE traits.user_id = n.user_id AND traits.name = n.name',
  'DELETE FROM trait_items USING (SELECT DISTINCT user_id, name FROM temp.main.in_names) n WHERE trait_items.user_id = n.user_id AND trait_items.name = n.name',
  'INSERT INTO traits SELECT * FROM temp.main.in_traits',
  'INSERT INTO trait_items SELECT * FROM temp.main.in_items',
];

const MOVE_REST = [
  'INSERT INTO profiles SELECT DISTINCT user_id FROM temp.main.in_profiles EXCEPT SELECT user_id FROM profiles',
  'INSERT INTO ingested_messages SELECT * FROM temp.main.in_ids',
];

const NUMERIC = "('BIGINT', 'UBIGINT', 'DOUBLE')";

/**
 * Each property column read from the staged JSON as `coerce` reads a value into it: numbers only
 * from JSON numbers, booleans only from JSON booleans, times from text (or epoch milliseconds),
 * text from anything but null and the empty string. Each row's JSON is parsed once, by a
 * `json_transform` whose layout is a bound parameter: no property name is written into SQL.
 */
function eventColumns(schema: StoreSchema): { text: string; params: string[] } {
  const exprs = schema.propertyColumns.map((c, i) => {
    const v = field('s', i);
    const type = `json_type(${v})`;
    const text = `json_extract_string(${v}, '$')`;
    switch (c.type) {
      case 'number':
        return `CASE WHEN ${type} IN ${NUMERIC} THEN CAST(${text} AS DOUBLE) END`;
      case 'boolean':
        return `CASE WHEN ${type} = 'BOOLEAN' THEN ${text} = 'true' END`;
      case 'datetime':
        return `CASE WHEN ${type} = 'VARCHAR' THEN ${utcTimestamp(text)} WHEN ${type} IN ${NUMERIC} THEN epoch_ms(CAST(CAST(${text} AS DOUBLE) AS BIGINT)) END`;
      case 'string':
        return `CASE WHEN ${type} = 'VARCHAR' THEN NULLIF(${text}, '') WHEN ${type} <> 'NULL' THEN CAST(${v} AS VARCHAR) END`;
    }
  });
  const columns = ['user_id', 'event', 'ts', ...schema.propertyColumns.map((c) => c.column)].join(', ');
  const values = ['user_id', 'event', 'ts', ...exprs].join(', ');
  const source = schema.propertyColumns.length > 0 ? 'json_transform(CAST(props AS JSON), $1)' : 'NULL';
  const params = schema.propertyColumns.length > 0 ? [structure(schema.propertyColumns.map((c) => [c.property, 'JSON']))] : [];
  return { text: `INSERT INTO events (${columns}) SELECT ${values} FROM (SELECT user_id, event, ts, ${source} AS s FROM temp.main.in_events)`, params };
}

function timestampOf(d: Date): DuckDBTimestampValue {
  return new DuckDBTimestampValue(BigInt(d.getTime()) * 1000n);
}

/** Later identify calls in the same flush override earlier ones, trait by trait. */
function mergeTraits(identifies: Identify[]): Map<string, Record<string, unknown>> {
  const byUser = new Map<string, Record<string, unknown>>();
  for (const m of identifies) byUser.set(m.userId, Object.assign(byUser.get(m.userId) ?? {}, m.traits));
  return byUser;
}

/** Adds a typed column for each property no event had before (the schema is updated in place). */
async function addPropertyColumns(writer: DuckDBConnection, schema: StoreSchema, tracks: Track[]): Promise<boolean> {
  const known = new Set(schema.propertyColumns.map((c) => c.property));
  let added = false;
  for (const m of tracks) {
    for (const [name, value] of Object.entries(m.properties)) {
      const type = known.has(name) ? undefined : inferType(value);
      if (!type) continue;
      const column: PropertyColumn = { property: name, type: columnTypeOf(type), column: `p_${schema.propertyColumns.length}` };
      // The column name is generated, never taken from the data.
      await writer.run(`ALTER TABLE events ADD COLUMN ${column.column} ${columnSqlType(column.type, 'duckdb')}`);
      schema.propertyColumns.push(column);
      known.add(name);
      added = true;
    }
  }
  return added;
}

/** Types for traits never seen before, from their first value (the schema is updated in place). */
function addTraitTypes(schema: StoreSchema, byUser: Map<string, Record<string, unknown>>): boolean {
  let added = false;
  for (const traits of byUser.values()) {
    for (const [name, value] of Object.entries(traits)) {
      if (Object.hasOwn(schema.traitTypes, name)) continue;
      const type = inferType(value);
      if (type) {
        schema.traitTypes[name] = type;
        added = true;
      }
    }
  }
  return added;
}

export async function writeMessages(writer: DuckDBConnection, schema: StoreSchema, messages: IngestMessage[], receivedAt: Date): Promise<WriteReport> {
  const tracks = messages.filter((m): m is Track => m.kind === 'track');
  const byUser = mergeTraits(messages.filter((m): m is Identify => m.kind === 'identify'));
  // The new columns exist from here whatever happens to this flush: the stored schema says so at once.
  if (await addPropertyColumns(writer, schema, tracks)) await saveSchema(writer, schema);
  const traitsAdded = addTraitTypes(schema, byUser);
  for (const statement of STAGING) await writer.run(statement);

  // Four values a row from Node; DuckDB reads each property into its typed column (eventColumns).
  const events = await writer.createAppender('in_events', 'main', 'temp');
  const profiles = await writer.createAppender('in_profiles', 'main', 'temp');
  for (const m of tracks) {
    events.appendVarchar(m.userId);
    events.appendVarchar(m.event);
    events.appendTimestamp(timestampOf(m.timestamp));
    events.appendVarchar(JSON.stringify(m.properties));
    events.endRow();
    profiles.appendVarchar(m.userId);
    profiles.endRow();
  }
  events.closeSync();

  let typeConflicts = 0;
  const traits = await writer.createAppender('in_traits', 'main', 'temp');
  const items = await writer.createAppender('in_items', 'main', 'temp');
  const names = await writer.createAppender('in_names', 'main', 'temp');
  for (const [userId, set] of byUser) {
    profiles.appendVarchar(userId);
    profiles.endRow();
    for (const [name, raw] of Object.entries(set)) {
      const type = schema.traitTypes[name];
      if (!type) continue;
      names.appendVarchar(userId);
      names.appendVarchar(name);
      names.endRow();
      if (!appendTrait({ traits, items }, userId, name, type, raw)) typeConflicts++;
    }
  }
  for (const a of [profiles, traits, items, names]) a.closeSync();

  const ids = await writer.createAppender('in_ids', 'main', 'temp');
  for (const m of messages) {
    ids.appendVarchar(m.messageId);
    ids.appendTimestamp(timestampOf(receivedAt));
    ids.endRow();
  }
  ids.closeSync();

  await writer.run('BEGIN TRANSACTION');
  try {
    const insert = eventColumns(schema);
    await writer.run(insert.text, insert.params);
    if (byUser.size > 0) for (const statement of MOVE_TRAITS) await writer.run(statement);
    for (const statement of MOVE_REST) await writer.run(statement);
    if (traitsAdded) await saveSchema(writer, schema);
    await writer.run('COMMIT');
  } catch (err) {
    await writer.run('ROLLBACK');
    throw err;
  }
  return { events: tracks.length, profilesTouched: byUser.size, typeConflicts };
}

async function saveSchema(writer: DuckDBConnection, schema: StoreSchema): Promise<void> {
  await writer.run('UPDATE meta SET value = $1 WHERE key = $2', [JSON.stringify(schema), META_KEYS.schema]);
}

/** Message ids received since `since`: what a restarted service must still recognise. */
export async function seenMessageIds(writer: DuckDBConnection, since: Date): Promise<Map<string, number>> {
  const reader = await writer.runAndReadAll('SELECT message_id, epoch_ms(received_at) AS at FROM ingested_messages WHERE received_at >= $1 ORDER BY received_at', [timestampOf(since)]);
  return new Map(reader.getRows().map((r) => [String(r[0]), Number(r[1])]));
}
