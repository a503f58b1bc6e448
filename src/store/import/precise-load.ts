/**
 * The precise import path: Node reads every line, so a malformed one is reported with its file
 * and line number (and refuses the import under --strict). Slower than the fast path; taken when
 * the files are not all clean.
 */
import { basename } from 'node:path';
import { DuckDBTimestampValue, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { AppError } from '../../errors.js';
import type { ValueType } from '../../catalog/types.js';
import { columnSqlType, type PropertyColumn, type StoreSchema } from '../layout.js';
import { readLines } from './lines.js';
import { parseLine, type IdentifyMessage } from './messages.js';
import { coerce, columnTypeOf, inferType } from './value-types.js';
import type { ImportOptions, MalformedLine } from './importer.js';

export interface PreciseLoadResult {
  profiles: number;
  events: number;
  malformed: number;
  malformedLines: MalformedLine[];
  skipped: number;
  typeConflicts: number;
}

const MAX_REPORTED_LINES = 100;
const PROGRESS_EVERY = 50_000;

export async function preciseLoad(connection: DuckDBConnection, messageFiles: string[], schema: StoreSchema, opts: Pick<ImportOptions, 'strict' | 'onProgress'>): Promise<PreciseLoadResult> {
  const events = new EventWriter(connection, schema);
  await events.open();
  const traitsByUser = new Map<string, Record<string, unknown>>();
  const eventUsers = new Set<string>();
  const malformedLines: MalformedLine[] = [];
  let malformed = 0;
  let skipped = 0;
  let messages = 0;

  for (const path of messageFiles) {
    const file = basename(path);
    let lineNo = 0;
    let progress = { bytesRead: 0, totalBytes: 0 };
    for await (const line of readLines(path, (p) => (progress = p))) {
      lineNo++;
      if (line.trim() === '') continue;
      const parsed = parseLine(line);
      if (parsed.kind === 'malformed') {
        if (opts.strict) {
          throw new AppError('import_failed', `${file} line ${lineNo}: ${parsed.reason}. Nothing was imported (--strict).`, { file, line: lineNo });
        }
        malformed++;
        if (malformedLines.length < MAX_REPORTED_LINES) malformedLines.push({ file, line: lineNo, reason: parsed.reason });
        continue;
      }
      if (parsed.kind === 'skipped') {
        skipped++;
        continue;
      }
      messages++;
      if (parsed.kind === 'identify') mergeTraits(traitsByUser, parsed.message);
      else {
        const { userId, event, timestamp, properties } = parsed.message;
        eventUsers.add(userId);
        if (events.hasNewProperties(properties)) await events.addColumns(properties);
        events.append(userId, event, timestamp, properties);
      }
      if (messages % PROGRESS_EVERY === 0) opts.onProgress?.({ phase: 'reading', file, ...progress, messages });
    }
    opts.onProgress?.({ phase: 'reading', file, ...progress, messages });
  }
  await events.close();
  // Rows ordered by event then time let DuckDB skip whole row groups on the usual filters.
  await connection.run('CREATE TABLE events_sorted AS SELECT * FROM events ORDER BY event, ts, user_id');
  await connection.run('DROP TABLE events');
  await connection.run('ALTER TABLE events_sorted RENAME TO events');

  for (const userId of eventUsers) if (!traitsByUser.has(userId)) traitsByUser.set(userId, {});
  schema.traitTypes = inferTraitTypes(traitsByUser, schema.traitTypes);
  const traitConflicts = await writeProfiles(connection, traitsByUser, schema.traitTypes);
  return { profiles: traitsByUser.size, events: events.rows, malformed, malformedLines, skipped, typeConflicts: events.typeConflicts + traitConflicts };
}

/** Later identify calls override earlier values of the same trait, as in Segment. */
function mergeTraits(byUser: Map<string, Record<string, unknown>>, msg: IdentifyMessage): void {
  const existing = byUser.get(msg.userId);
  if (existing) Object.assign(existing, msg.traits);
  else byUser.set(msg.userId, { ...msg.traits });
}

function inferTraitTypes(byUser: Map<string, Record<string, unknown>>, planned: Record<string, ValueType>): Record<string, ValueType> {
  const types: Record<string, ValueType> = { ...planned };
  for (const traits of byUser.values()) {
    for (const [name, value] of Object.entries(traits)) {
      if (Object.hasOwn(types, name)) continue;
      const t = inferType(value);
      if (t) types[name] = t;
    }
  }
  return types;
}

function timestampOf(d: Date): DuckDBTimestampValue {
  return new DuckDBTimestampValue(BigInt(d.getTime()) * 1000n);
}

async function writeProfiles(connection: DuckDBConnection, byUser: Map<string, Record<string, unknown>>, types: Record<string, ValueType>): Promise<number> {
  const profiles = await connection.createAppender('profiles');
  const traits = await connection.createAppender('traits');
  const items = await connection.createAppender('trait_items');
  let conflicts = 0;
  const ids = [...byUser.keys()].sort();
  for (const userId of ids) {
    profiles.appendVarchar(userId);
    profiles.endRow();
    for (const [name, raw] of Object.entries(byUser.get(userId)!)) {
      const type = Object.hasOwn(types, name) ? types[name] : undefined;
      if (type && !appendTrait({ traits, items }, userId, name, type, raw)) conflicts++;
    }
  }
  for (const a of [profiles, traits, items]) a.closeSync();
  return conflicts;
}

/** value_text, value_num, value_bool, value_time: exactly one holds the value (dates keep their text too). */
/**
 * One trait of one profile as rows: a list trait's items into `items`, any other value typed into
 * `traits` (value_text, value_num, value_bool, value_time; a date keeps its text too). Empty
 * values write nothing. False when the value does not fit the trait's type.
 */
export function appendTrait(to: { traits: DuckDBAppender; items: DuckDBAppender }, userId: string, name: string, type: ValueType, raw: unknown): boolean {
  if (raw === null || raw === undefined || raw === '') return true;
  if (type === 'string[]') {
    for (const item of Array.isArray(raw) ? raw : [raw]) {
      if (typeof item !== 'string' || item === '') continue;
      to.items.appendVarchar(userId);
      to.items.appendVarchar(name);
      to.items.appendVarchar(item);
      to.items.endRow();
    }
    return true;
  }
  const value = coerce(raw, columnTypeOf(type));
  if (value === undefined) return false;
  to.traits.appendVarchar(userId);
  to.traits.appendVarchar(name);
  appendTraitValue(to.traits, value, raw);
  to.traits.endRow();
  return true;
}

function appendTraitValue(a: DuckDBAppender, value: string | number | boolean | Date, raw: unknown): void {
  if (typeof value === 'string') a.appendVarchar(value);
  else if (value instanceof Date) a.appendVarchar(String(raw));
  else a.appendNull();
  if (typeof value === 'number') a.appendDouble(value);
  else a.appendNull();
  if (typeof value === 'boolean') a.appendBoolean(value);
  else a.appendNull();
  if (value instanceof Date) a.appendTimestamp(timestampOf(value));
  else a.appendNull();
}

/**
 * Appends events into the events table, adding a typed column the first time a property the
 * tracking plan does not list shows up.
 */
class EventWriter {
  rows = 0;
  typeConflicts = 0;
  private appender?: DuckDBAppender;
  private readonly byName = new Map<string, PropertyColumn>();

  constructor(private readonly connection: DuckDBConnection, private readonly schema: StoreSchema) {
    for (const c of schema.propertyColumns) this.byName.set(c.property, c);
  }

  async open(): Promise<void> {
    this.appender = await this.connection.createAppender('events');
  }

  hasNewProperties(properties: Record<string, unknown>): boolean {
    for (const name in properties) if (!this.byName.has(name)) return true;
    return false;
  }

  async addColumns(properties: Record<string, unknown>): Promise<void> {
    for (const name in properties) if (!this.byName.has(name)) await this.addColumn(name, properties[name]);
  }

  append(userId: string, event: string, timestamp: string, properties: Record<string, unknown>): void {
    const a = this.appender!;
    a.appendVarchar(userId);
    a.appendVarchar(event);
    a.appendTimestamp(timestampOf(new Date(timestamp)));
    for (const col of this.schema.propertyColumns) {
      const raw = properties[col.property];
      const value = raw === undefined ? undefined : coerce(raw, col.type);
      if (value === undefined) {
        if (raw !== undefined && raw !== null && raw !== '') this.typeConflicts++;
        a.appendNull();
      } else if (typeof value === 'string') a.appendVarchar(value);
      else if (typeof value === 'number') a.appendDouble(value);
      else if (typeof value === 'boolean') a.appendBoolean(value);
      else a.appendTimestamp(timestampOf(value));
    }
    a.endRow();
    this.rows++;
  }

  private async addColumn(name: string, sample: unknown): Promise<void> {
    const type = columnTypeOf(inferType(sample) ?? 'string');
    const column: PropertyColumn = { property: name, type, column: `p_${this.schema.propertyColumns.length}` };
    this.appender!.closeSync();
    await this.connection.run(`ALTER TABLE events ADD COLUMN ${column.column} ${columnSqlType(type, 'duckdb')}`);
    this.schema.propertyColumns.push(column);
    this.byName.set(name, column);
    this.appender = await this.connection.createAppender('events');
  }

  async close(): Promise<void> {
    this.appender?.closeSync();
  }
}
