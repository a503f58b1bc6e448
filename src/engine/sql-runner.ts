/** What an engine needs from a database: run a compiled fragment, whole or streamed. */
import type { SqlDialect } from './compile/context.js';
import type { Fragment } from './compile/fragment.js';

export type Row = Record<string, unknown>;

export interface SqlRunner {
  readonly dialect: SqlDialect;
  /** A generated schema holding the tables, when they are not on the search path. */
  readonly tableSchema?: string;
  all(query: Fragment): Promise<Row[]>;
  /** Rows as the database produces them, without holding the whole result. */
  stream(query: Fragment): AsyncIterable<Row>;
  close(): Promise<void>;
}

/** Counts come back as bigint (DuckDB) or numeric text (PostgreSQL). */
export function toNumber(v: unknown): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : Number(v);
}
