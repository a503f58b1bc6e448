/**
 * Instants as bound parameters. Timestamp columns hold UTC without a zone, so every cut-off is
 * bound as UTC text and cast, which DuckDB, PostgreSQL and ClickHouse read the same way.
 */
import { Fragment, sql } from './fragment.js';

const DAY_MS = 86_400_000;
// Cut-offs far in the past ("in the last 10,000 years") must still be valid TIMESTAMP text.
const FLOOR = (() => {
  const d = new Date(0);
  d.setUTCFullYear(1, 0, 1); // Date.UTC would read year 1 as 1901
  return d.getTime();
})();
const CEILING = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export function utcText(instant: Date): string {
  const ms = Math.min(CEILING, Math.max(FLOOR, instant.getTime()));
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

export function timestampValue(instant: Date): Fragment {
  return sql`CAST(${utcText(instant)} AS TIMESTAMP)`;
}

/** A date or datetime written in a definition: a whole UTC day, or one instant. */
export interface DateValue {
  start: Date;
  /** The day after, for a date without a time: "on 2026-10-01" is the whole day. */
  endExclusive?: Date;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

export function parseDateValue(value: unknown): DateValue | undefined {
  if (typeof value !== 'string') return undefined;
  if (DATE_ONLY.test(value)) {
    const start = new Date(`${value}T00:00:00Z`);
    if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== value) return undefined;
    return { start, endExclusive: new Date(start.getTime() + DAY_MS) };
  }
  if (DATE_TIME.test(value)) {
    const start = new Date(value);
    return Number.isNaN(start.getTime()) ? undefined : { start };
  }
  return undefined;
}
