/**
 * Stages the message files for the fast path: DuckDB's own NDJSON reader parses every line once
 * into a table per file in `staging`, a database file beside the import every connection of the
 * instance sees; the view STAGED joins them in file order. Staging on disk, not in memory, keeps
 * the import's memory within the instance's `memory_limit` whatever the workspace's size: DuckDB
 * writes staged blocks out and reads them back as the load needs them. Files are read side by side, one per
 * connection: DuckDB spreads one gzipped file over the cores, but not several at once.
 *
 * The read is strict: a line that is not a JSON object makes DuckDB refuse the file, so "every
 * non-blank line became a row" holds without counting lines; the rows are then checked against
 * the message rules. Either failure sends the import down the precise path, which names each
 * bad line.
 */
import { rm } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import { runEach } from './connection-pool.js';
import { num, queryRows, utcTimestamp } from './query-rows.js';

/** The staged messages of all files, as SQL names them; `seq` orders them as the files do. */
export const STAGED = 'staging.messages';

export interface StagedMessages {
  /** Rows that are identify or track messages the importer can store. */
  valid: number;
  /** Rows of message types that carry no audience data (page, screen, group, alias). */
  skipped: number;
}

/** `properties` and `traits` stay JSON text until their keys are known (see fast-events.ts). */
const COLUMNS = "{type: 'VARCHAR', userId: 'VARCHAR', event: 'VARCHAR', timestamp: 'VARCHAR', properties: 'JSON', traits: 'JSON'}";

/** The checks messages.ts makes with zod, in SQL. The reader already refused non-object lines. */
const VALID = `user_id IS NOT NULL AND length(user_id) BETWEEN 1 AND 200 AND (
  (type = 'track' AND event IS NOT NULL AND length(event) BETWEEN 1 AND 200 AND ts IS NOT NULL
    AND (properties IS NULL OR starts_with(properties, '{')))
  OR (type = 'identify' AND (NOT has_timestamp OR ts IS NOT NULL) AND (traits IS NULL OR starts_with(traits, '{'))))`;

/** Line numbers within a file stay below this, so file index and row make one ordered `seq`. */
const ROWS_PER_FILE = 2n ** 40n;

/**
 * ATTACH takes no bound parameter, so the path (ours: the spill directory and a generated name)
 * is written as a quoted literal; a path no literal can hold is refused.
 */
function pathLiteral(path: string): string {
  if (path.includes('\u0000')) throw new Error(`The staging path cannot hold a NUL character: ${JSON.stringify(path)}`);
  return `'${path.replaceAll("'", "''")}'`;
}

/** DuckDB's words for a line its JSON reader could not take (malformed, not an object, too big). */
function isUnreadableLine(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return message.startsWith('Invalid Input Error') || message.startsWith('Conversion Error');
}

async function stageFile(connection: DuckDBConnection, file: string, index: number): Promise<void> {
  await connection.run(
    `CREATE TABLE staging.file_${index} AS
     SELECT type, userId AS user_id, event, timestamp IS NOT NULL AS has_timestamp, ${utcTimestamp('timestamp')} AS ts, properties, traits
     FROM read_ndjson($1, columns = ${COLUMNS}, compression = 'auto_detect', maximum_object_size = 16777216)`,
    [file],
  );
}

/**
 * Reads the files into STAGED. Returns null when some line is not a storable message: the
 * caller then takes the precise path.
 */
export async function stageMessages(connections: DuckDBConnection[], files: string[], stagingPath: string): Promise<StagedMessages | null> {
  const [connection] = connections;
  await connection!.run(`ATTACH ${pathLiteral(stagingPath)} AS staging`);
  try {
    await runEach(
      connections,
      files.map((file, i) => (c) => stageFile(c, file, i)),
    );
  } catch (err) {
    await dropStaging(connection!, stagingPath);
    if (isUnreadableLine(err)) return null;
    throw err;
  }
  await connection!.run(
    `CREATE VIEW ${STAGED} AS ${files.map((_, i) => `SELECT *, ${BigInt(i) * ROWS_PER_FILE} + rowid AS seq FROM staging.file_${i}`).join(' UNION ALL ')}`,
  );
  const [row] = await queryRows(
    connection!,
    `SELECT COUNT(*) AS n_rows,
       COUNT(*) FILTER (WHERE type IN ('page', 'screen', 'group', 'alias')) AS skipped,
       COUNT(*) FILTER (WHERE ${VALID}) AS valid
     FROM ${STAGED}`,
  );
  const staged = { valid: num(row!.valid), skipped: num(row!.skipped) };
  if (staged.valid + staged.skipped !== num(row!.n_rows)) {
    await dropStaging(connection!, stagingPath);
    return null;
  }
  return staged;
}

export async function dropStaging(connection: DuckDBConnection, stagingPath: string): Promise<void> {
  await connection.run('DETACH DATABASE IF EXISTS staging');
  await rm(stagingPath, { force: true });
  await rm(`${stagingPath}.wal`, { force: true });
}
