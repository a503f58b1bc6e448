/**
 * Imports a workspace folder into an embedded DuckDB file. The import writes a new file beside
 * the target and renames it over the target only when everything succeeded, so a failure midway
 * leaves the workspace exactly as it was.
 */
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { ValueType } from '../../catalog/types.js';
import { createTablesSql, META_KEYS, type PropertyColumn, type StoreSchema } from '../layout.js';
import { fileSize } from './lines.js';
import { columnTypeOf, planType } from './value-types.js';
import { fastLoad } from './fast-load.js';
import { preciseLoad } from './precise-load.js';
import { readWorkspaceFiles, settingsOf, type WorkspaceFiles } from './workspace-files.js';
import { buildCatalog } from './build-catalog.js';

export interface ImportProgress {
  phase: 'reading' | 'indexing' | 'done';
  file?: string;
  bytesRead: number;
  totalBytes: number;
  messages: number;
}

export interface MalformedLine {
  file: string;
  line: number;
  reason: string;
}

export interface ImportOptions {
  /** The DuckDB file to create or replace. */
  dbPath: string;
  /** Refuse the whole import on the first malformed line. */
  strict?: boolean;
  /**
   * What DuckDB may hold in memory during the import (DuckDB's words: `4GB`, `512MB`); beyond it
   * staged data and intermediate results go to `spillDir`. Default DEFAULT_IMPORT_MEMORY_LIMIT.
   */
  memoryLimit?: string;
  /** Where staging and spilled data go; default: the folder of `dbPath`. Emptied after the import. */
  spillDir?: string;
  onProgress?: (p: ImportProgress) => void;
}

export interface ImportReport {
  dbPath: string;
  profiles: number;
  events: number;
  lists: number;
  malformed: number;
  /** The first malformed lines, with file and line number. */
  malformedLines: MalformedLine[];
  /** Messages of other types (page, screen, …) that carry no audience data. */
  skipped: number;
  /** Values that did not fit their property's type and were left empty. */
  typeConflicts: number;
  seconds: number;
  eventsPerSecond: number;
}


export async function importWorkspace(srcDir: string, opts: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  const files = await readWorkspaceFiles(srcDir);
  mkdirSync(dirname(opts.dbPath), { recursive: true });
  // DuckDB names a database after its file name up to the first dot: this one's can never be
  // `staging`, the database the fast path attaches beside it.
  const tmpPath = join(dirname(opts.dbPath), `importing-${process.pid}-${Date.now()}.${basename(opts.dbPath)}`);
  const spillDir = join(opts.spillDir ?? dirname(opts.dbPath), `import-spill-${process.pid}-${Date.now()}`);
  mkdirSync(spillDir, { recursive: true });
  const instance = await DuckDBInstance.create(tmpPath, {
    ...STORAGE_OPTIONS,
    memory_limit: opts.memoryLimit ?? DEFAULT_IMPORT_MEMORY_LIMIT,
    temp_directory: join(spillDir, 'tmp'),
  });
  const connection = await instance.connect();
  const second = await instance.connect();
  try {
    const counts = await load([connection, second], files, opts, join(spillDir, 'staging.duckdb'));
    second.closeSync();
    connection.closeSync();
    instance.closeSync();
    await rename(tmpPath, opts.dbPath);
    await rm(`${opts.dbPath}.wal`, { force: true });
    const seconds = (performance.now() - started) / 1000;
    opts.onProgress?.({ phase: 'done', bytesRead: 0, totalBytes: 0, messages: counts.events + counts.profiles });
    return { dbPath: opts.dbPath, ...counts, seconds, eventsPerSecond: Math.round(counts.events / seconds) };
  } catch (err) {
    second.closeSync();
    connection.closeSync();
    instance.closeSync();
    await rm(tmpPath, { force: true });
    await rm(`${tmpPath}.wal`, { force: true });
    throw err;
  } finally {
    await rm(spillDir, { recursive: true, force: true });
  }
}

/**
 * DuckDB's own memory during an import; the process peaks about 1 GB above it (measured in
 * bench/RESULTS.md), whatever the workspace's size.
 */
export const DEFAULT_IMPORT_MEMORY_LIMIT = '3GB';

/**
 * The file is written in the storage format of the DuckDB library that reads it (the same
 * package): writing it costs about a third less CPU than the default, older-compatible format.
 */
const STORAGE_OPTIONS = { storage_compatibility_version: 'latest' };

type LoadCounts = Omit<ImportReport, 'dbPath' | 'seconds' | 'eventsPerSecond'>;

/** Two connections to the new file, so independent parts of the load can run side by side. */
async function load(connections: [DuckDBConnection, DuckDBConnection], files: WorkspaceFiles, opts: ImportOptions, stagingPath: string): Promise<LoadCounts> {
  const [connection] = connections;
  const schema = plannedSchema(files);
  for (const sql of createTablesSql(schema, 'duckdb')) await connection.run(sql);
  const totalBytes = (await Promise.all(files.messageFiles.map(fileSize))).reduce((a, b) => a + b, 0);
  opts.onProgress?.({ phase: 'reading', bytesRead: 0, totalBytes, messages: 0 });

  const fast = await fastLoad(connections, files.messageFiles, schema, stagingPath);
  let counts: LoadCounts;
  if (fast) {
    opts.onProgress?.({ phase: 'reading', bytesRead: totalBytes, totalBytes, messages: fast.messages });
    counts = { profiles: fast.profiles, events: fast.events, lists: 0, malformed: 0, malformedLines: [], skipped: fast.skipped, typeConflicts: fast.typeConflicts };
  } else {
    counts = { ...(await preciseLoad(connection, files.messageFiles, schema, opts)), lists: 0 };
  }

  opts.onProgress?.({ phase: 'indexing', bytesRead: totalBytes, totalBytes, messages: counts.events + counts.profiles });
  await writeLists(connection, files);
  const catalog = await buildCatalog(connections, schema, files.workspace, files.audiences);
  await writeMeta(connection, { [META_KEYS.workspace]: settingsOf(files.workspace), [META_KEYS.schema]: schema, [META_KEYS.catalog]: catalog });
  await connection.run('CHECKPOINT');
  return { ...counts, lists: files.audiences.length };
}

function plannedSchema(files: WorkspaceFiles): StoreSchema {
  const columns = new Map<string, PropertyColumn>();
  for (const event of files.workspace.trackingPlan.events) {
    for (const p of event.properties) {
      if (!columns.has(p.name)) columns.set(p.name, { property: p.name, type: columnTypeOf(planType(p.type)), column: `p_${columns.size}` });
    }
  }
  const traitTypes: Record<string, ValueType> = {};
  for (const t of files.workspace.trackingPlan.traits) traitTypes[t.name] = planType(t.type);
  return { propertyColumns: [...columns.values()], traitTypes };
}

async function writeLists(connection: DuckDBConnection, files: WorkspaceFiles): Promise<void> {
  const a = await connection.createAppender('list_members');
  for (const list of files.audiences) {
    for (const userId of new Set(list.members)) {
      a.appendVarchar(list.name);
      a.appendVarchar(userId);
      a.endRow();
    }
  }
  a.closeSync();
}

async function writeMeta(connection: DuckDBConnection, entries: Record<string, unknown>): Promise<void> {
  for (const [key, value] of Object.entries(entries)) {
    await connection.run('INSERT INTO meta (key, value) VALUES ($1, $2)', [key, JSON.stringify(value)]);
  }
}
