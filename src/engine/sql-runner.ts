/** What an engine needs from a database: run a compiled fragment, whole or streamed. */
import type { SqlDialect } from './compile/context.js';
import type { Fragment } from './compile/fragment.js';

export type Row = Record<string, unknown>;

/** Statements run one after another on one database session, which sees its own temporary tables. */
export interface SqlSession {
  all(query: Fragment): Promise<Row[]>;
}

export interface SqlRunner {
  readonly dialect: SqlDialect;
  /** A generated schema holding the tables, when they are not on the search path. */
  readonly tableSchema?: string;
  all(query: Fragment): Promise<Row[]>;
  /** Rows as the database produces them, without holding the whole result. */
  stream(query: Fragment): AsyncIterable<Row>;
  /**
   * `work` alone on one session until it settles: nothing else runs between its statements, and
   * temporary tables it creates are its own (PostgreSQL: one transaction, rolled back on failure).
   */
  session<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /**
   * True when the workspace tables cannot change for as long as this runner is open (a read-only
   * store), so a table derived from them may be kept in a temporary table until it closes.
   */
  tablesAreFixed(): Promise<boolean>;
  /**
   * True when a table derived from the workspace tables may be written beside them, in
   * `tableSchema`, and kept between computes: it goes with them when the workspace is loaded
   * again (PostgreSQL replaces the whole schema).
   */
  readonly keepsDerivedTables?: boolean;
  close(): Promise<void>;
}

/** Counts come back as bigint (DuckDB) or numeric text (PostgreSQL). */
export function toNumber(v: unknown): number {
  if (v === null || v === undefined) return 0;
  return typeof v === 'number' ? v : Number(v);
}

/** Truth values come back as booleans (DuckDB, PostgreSQL) or as 1/0 (ClickHouse). */
export function toBoolean(v: unknown): boolean {
  return v === true || v === 1 || v === '1';
}
