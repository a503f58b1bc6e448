/** Reading DuckDB query results on the import side: rows as objects, counts as numbers. */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';

export type Row = Record<string, DuckDBValue>;

export async function queryRows(connection: DuckDBConnection, sql: string, params: DuckDBValue[] = []): Promise<Row[]> {
  return (await connection.runAndReadAll(sql, params)).getRowObjects();
}

/** DuckDB returns COUNT(*) as a bigint; the catalog and reports hold plain numbers. */
export function num(v: DuckDBValue | undefined): number {
  return typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : Number(v ?? 0);
}

/**
 * A timestamp in text as UTC wall time (NULL when it is not one). Text without an offset is read
 * in the session time zone, as the precise path's `new Date()` reads it in the process's. Going
 * through epoch microseconds gives what timezone('UTC', …) gives at a fraction of its cost.
 */
export function utcTimestamp(textExpr: string): string {
  return `make_timestamp(epoch_us(TRY_CAST(${textExpr} AS TIMESTAMPTZ)))`;
}
