/**
 * The fast import path: DuckDB reads and parses the message files in parallel and SQL spreads
 * them into the tables, each JSON object parsed once. It is used only when every non-blank line
 * of the files is a storable message; otherwise it declines and the importer takes the precise
 * path, which names each bad line.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { StoreSchema } from '../layout.js';
import { loadEvents } from './fast-events.js';
import { loadProfiles } from './fast-traits.js';
import { dropStaging, stageMessages } from './stage.js';

export interface FastLoadResult {
  /** Identify and track messages read. */
  messages: number;
  profiles: number;
  events: number;
  /** Messages of other types (page, screen, …), counted and left out. */
  skipped: number;
  typeConflicts: number;
}

/**
 * Loads events on one connection while profiles and traits load on the other: the event insert
 * keeps both cores busy only part of the time, the trait writes are mostly serial.
 * Returns null, with nothing written, when some line is not clean.
 */
export async function fastLoad(connections: [DuckDBConnection, DuckDBConnection], files: string[], schema: StoreSchema, stagingPath: string): Promise<FastLoadResult | null> {
  const [connection, other] = connections;
  const staged = await stageMessages(connections, files, stagingPath);
  if (!staged) return null;
  try {
    // Both settle before anything is dropped or closed, even when one fails.
    const [events, profiles] = await Promise.allSettled([loadEvents(connection, schema), loadProfiles(other, schema)]);
    if (events.status === 'rejected') throw events.reason;
    if (profiles.status === 'rejected') throw profiles.reason;
    return {
      messages: staged.valid,
      profiles: profiles.value.profiles,
      events: events.value.events,
      skipped: staged.skipped,
      typeConflicts: events.value.typeConflicts + profiles.value.typeConflicts,
    };
  } finally {
    await dropStaging(connection, stagingPath);
  }
}
