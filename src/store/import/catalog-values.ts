/** How stored values read back from DuckDB become catalog values. */
import type { DuckDBValue } from '@duckdb/node-api';
import type { ValueCount } from '../../catalog/types.js';
import { num, type Row } from './query-rows.js';

/** A TIMESTAMP (UTC wall time) as an ISO instant. */
export function iso(v: DuckDBValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  const s = String(v);
  return new Date(s.includes('T') || s.endsWith('Z') ? s : `${s.replace(' ', 'T')}Z`).toISOString();
}

export function scalar(v: DuckDBValue): string | number | boolean {
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/**
 * The SQL ranking each value within its group, most frequent first, ties by value: the order
 * topValues lists them in. `valueOrder` is the value column(s) to break ties on.
 */
export function rankByCount(partitionBy: string, valueOrder: string): string {
  return `row_number() OVER (PARTITION BY ${partitionBy} ORDER BY COUNT(*) DESC, ${valueOrder})`;
}

export function valueCount(value: DuckDBValue, row: Row): ValueCount {
  return { value: scalar(value), count: num(row.c) };
}
