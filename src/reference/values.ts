/**
 * Tests of a single stored value, written directly over JavaScript values: the oracle the SQL
 * engines are checked against. A value written as a date only (2026-10-01) means that whole UTC day.
 */
import type { Comparator, Scalar } from '../definition/schema.js';

export type Kind = 'string' | 'number' | 'boolean' | 'time';
export type PositiveOp = Exclude<Comparator, 'neq'>;

const DAY_MS = 86_400_000;

/** Absent, null and empty are all "no value". */
export function hasValue(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.some((item) => typeof item === 'string' && item !== '');
  return true;
}

/** Code point order, as SQL engines order UTF-8 text without a locale. */
export function compareCodePoints(a: string, b: string): number {
  const x = Array.from(a, (c) => c.codePointAt(0)!);
  const y = Array.from(b, (c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

function order(a: number, op: PositiveOp, b: number): boolean {
  switch (op) {
    case 'eq': return a === b;
    case 'gt': return a > b;
    case 'gte': return a >= b;
    case 'lt': return a < b;
    case 'lte': return a <= b;
  }
}

function dayOrInstant(value: Scalar): { start: number; end?: number } {
  if (typeof value !== 'string') throw new Error(`reference: ${String(value)} is not a date`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const start = Date.parse(`${value}T00:00:00Z`);
    return { start, end: start + DAY_MS };
  }
  return { start: Date.parse(value) };
}

function compareTime(t: number, op: PositiveOp, value: Scalar): boolean {
  const { start, end } = dayOrInstant(value);
  if (end === undefined) return order(t, op, start);
  switch (op) {
    case 'eq': return t >= start && t < end;
    case 'gt': return t >= end;
    case 'gte': return t >= start;
    case 'lt': return t < start;
    case 'lte': return t < end;
  }
}

export function timeOf(v: unknown): number | undefined {
  if (typeof v !== 'string' || v === '') return undefined;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? `${v}T00:00:00Z` : v);
  return Number.isNaN(t) ? undefined : t;
}

/** Whether a present value passes `op value` for a value of this kind. */
export function compareValue(v: unknown, kind: Kind, op: PositiveOp, value: Scalar): boolean {
  switch (kind) {
    case 'number':
      if (typeof value !== 'number') throw new Error(`reference: ${String(value)} is not a number`);
      return typeof v === 'number' && order(v, op, value);
    case 'string':
      if (typeof value !== 'string') throw new Error(`reference: ${String(value)} is not text`);
      return typeof v === 'string' && order(compareCodePoints(v, value), op, 0);
    case 'boolean':
      if (typeof value !== 'boolean' || op !== 'eq') throw new Error('reference: booleans only compare for equality');
      return v === value;
    case 'time': {
      const t = timeOf(v);
      return t !== undefined && compareTime(t, op, value);
    }
  }
}

export function inRange(v: unknown, kind: Kind, [low, high]: readonly [Scalar, Scalar]): boolean {
  return compareValue(v, kind, 'gte', low) && compareValue(v, kind, 'lte', high);
}

export function oneOf(v: unknown, kind: Kind, values: readonly Scalar[]): boolean {
  return values.some((x) => compareValue(v, kind, 'eq', x));
}

export function containsText(v: unknown, needle: string): boolean {
  return typeof v === 'string' && v.toLowerCase().includes(needle.toLowerCase());
}
