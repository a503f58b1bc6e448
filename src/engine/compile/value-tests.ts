/**
 * Row-level tests of one typed value (a trait's value column or an event property column):
 * comparisons, ranges, membership and case-insensitive substrings. Each test is positive; the
 * negative operators are built by the callers, which know whether "absent" should match.
 */
import type { Comparator, Scalar } from '../../definition/schema.js';
import type { CompileContext, ConditionPath } from './context.js';
import { typeMismatch } from './context.js';
import { Fragment, join, keyword, sql, valueList } from './fragment.js';
import { parseDateValue, timestampValue, type DateValue } from './time-values.js';

export type ValueKind = 'string' | 'number' | 'boolean' | 'time';

export interface TypedColumn {
  expr: Fragment;
  kind: ValueKind;
  /** How messages name it: `trait "age"`, `property "total"`. */
  label: string;
}

export type PositiveComparator = Exclude<Comparator, 'neq'>;

const SQL_OPERATOR: Record<Comparator, string> = { eq: '=', neq: '<>', gt: '>', gte: '>=', lt: '<', lte: '<=' };

export function sqlOperator(op: Comparator): string {
  return SQL_OPERATOR[op];
}

export const KIND_WORDS: Record<ValueKind, string> = {
  string: 'text',
  number: 'numbers',
  boolean: 'true/false values',
  time: 'dates',
};

function describe(value: unknown): string {
  return typeof value === 'string' ? `the text ${JSON.stringify(value)}` : `the ${typeof value} ${String(value)}`;
}

function mismatch(col: TypedColumn, value: unknown, path: ConditionPath, what = ''): never {
  throw typeMismatch(path, `${col.label} holds ${KIND_WORDS[col.kind]}, so it cannot be compared with ${describe(value)}${what}.`, {
    expected: col.kind,
    got: typeof value,
  });
}

function dateOf(col: TypedColumn, value: unknown, path: ConditionPath): DateValue {
  const date = parseDateValue(value);
  if (!date) mismatch(col, value, path, ' (expected a date like 2026-10-01 or an ISO date-time)');
  return date;
}

function checkScalar(col: TypedColumn, value: unknown, path: ConditionPath): void {
  if (col.kind === 'time') return void dateOf(col, value, path);
  if (typeof value !== col.kind) mismatch(col, value, path);
}

/** Strings order by code point everywhere, whatever the database's collation. */
function ordered(col: TypedColumn, ctx: CompileContext): Fragment {
  if (col.kind === 'string' && ctx.dialect === 'postgres') return sql`${col.expr} COLLATE "C"`;
  return col.expr;
}

/** A date-only value is its whole UTC day: after 2026-10-01 starts on 2026-10-02. */
function timeComparison(col: TypedColumn, op: PositiveComparator, date: DateValue): Fragment {
  const start = timestampValue(date.start);
  const end = date.endExclusive ? timestampValue(date.endExclusive) : undefined;
  switch (op) {
    case 'eq':
      return end ? sql`(${col.expr} >= ${start} AND ${col.expr} < ${end})` : sql`${col.expr} = ${start}`;
    case 'gt':
      return end ? sql`${col.expr} >= ${end}` : sql`${col.expr} > ${start}`;
    case 'gte':
      return sql`${col.expr} >= ${start}`;
    case 'lt':
      return sql`${col.expr} < ${start}`;
    case 'lte':
      return end ? sql`${col.expr} < ${end}` : sql`${col.expr} <= ${start}`;
  }
}

export function comparison(col: TypedColumn, op: PositiveComparator, value: Scalar, ctx: CompileContext, path: ConditionPath): Fragment {
  checkScalar(col, value, path);
  if (col.kind === 'time') return timeComparison(col, op, dateOf(col, value, path));
  if (col.kind === 'boolean' && op !== 'eq') {
    throw typeMismatch(path, `${col.label} is true or false; it can only be compared for equality.`, { expected: 'boolean', op });
  }
  return sql`${ordered(col, ctx)} ${keyword(SQL_OPERATOR[op])} ${value}`;
}

export function membership(col: TypedColumn, values: readonly Scalar[], ctx: CompileContext, path: ConditionPath): Fragment {
  values.forEach((v) => checkScalar(col, v, path));
  if (col.kind === 'time') return sql`(${join(values.map((v) => comparison(col, 'eq', v, ctx, path)), ' OR ')})`;
  return sql`${col.expr} IN ${valueList(values)}`;
}

/** Inclusive on both ends; a date-only upper end includes that whole day. */
export function range(col: TypedColumn, bounds: readonly [Scalar, Scalar], ctx: CompileContext, path: ConditionPath): Fragment {
  if (col.kind !== 'number' && col.kind !== 'time') {
    throw typeMismatch(path, `"between" needs numbers or dates, and ${col.label} holds ${KIND_WORDS[col.kind]}.`, { expected: col.kind });
  }
  return sql`(${comparison(col, 'gte', bounds[0], ctx, path)} AND ${comparison(col, 'lte', bounds[1], ctx, path)})`;
}

/** Case-insensitive: the needle is lower-cased here, the column in SQL. */
export function substring(col: TypedColumn, needle: Scalar, path: ConditionPath): Fragment {
  if (col.kind !== 'string') {
    throw typeMismatch(path, `"contains" needs text, and ${col.label} holds ${KIND_WORDS[col.kind]}.`, { expected: col.kind });
  }
  if (typeof needle !== 'string') mismatch(col, needle, path);
  return sql`POSITION(${needle.toLowerCase()} IN LOWER(${col.expr})) > 0`;
}

export function substrings(col: TypedColumn, needles: readonly string[], mode: 'any' | 'all', path: ConditionPath): Fragment {
  const tests = needles.map((n) => substring(col, n, path));
  return sql`(${join(tests, mode === 'any' ? ' OR ' : ' AND ')})`;
}
