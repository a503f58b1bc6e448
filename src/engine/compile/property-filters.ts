/**
 * Tests of one event's properties, row by row on `events e`. Each property has its own typed
 * column; negative tests (neq, not_in, not_contains) also keep events without the property,
 * as negative trait tests keep profiles without the trait.
 */
import type { PropertyFilter } from '../../definition/schema.js';
import type { CompileContext, ConditionPath } from './context.js';
import { propertyColumns, typeMismatch } from './context.js';
import { Fragment, ident, join, sql } from './fragment.js';
import { comparison, KIND_WORDS, membership, range, substring, type TypedColumn, type ValueKind } from './value-tests.js';

function kindOf(type: 'string' | 'number' | 'boolean' | 'datetime'): ValueKind {
  return type === 'datetime' ? 'time' : type;
}

function columnsOf(ctx: CompileContext, property: string, path: ConditionPath): TypedColumn[] {
  return propertyColumns(ctx, property, path).map((c) => ({
    expr: sql`e.${ident(c.column)}`,
    kind: kindOf(c.type),
    label: `the event property "${property}"`,
  }));
}

/** Where one property name was seen with several types, the column whose type fits the value. */
function columnFor(columns: TypedColumn[], value: unknown): TypedColumn {
  const wanted: ValueKind = typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
  return columns.find((c) => c.kind === wanted) ?? columns.find((c) => c.kind === 'time' && wanted === 'string') ?? columns[0]!;
}

function present(col: TypedColumn): Fragment {
  return col.kind === 'string' ? sql`(${col.expr} IS NOT NULL AND ${col.expr} <> '')` : sql`${col.expr} IS NOT NULL`;
}

function absentOrNot(col: TypedColumn, positive: Fragment): Fragment {
  return sql`(${col.expr} IS NULL OR NOT (${positive}))`;
}

export function propertyFilter(ctx: CompileContext, f: PropertyFilter, path: ConditionPath): Fragment {
  const columns = columnsOf(ctx, f.property, path);
  switch (f.op) {
    case 'exists':
      return sql`(${join(columns.map(present), ' OR ')})`;
    case 'not_exists':
      return sql`NOT (${join(columns.map(present), ' OR ')})`;
    case 'neq': {
      const col = columnFor(columns, f.value);
      return absentOrNot(col, comparison(col, 'eq', f.value, ctx, path));
    }
    case 'eq': case 'gt': case 'gte': case 'lt': case 'lte':
      return comparison(columnFor(columns, f.value), f.op, f.value, ctx, path);
    case 'in':
      return membership(columnFor(columns, f.value[0]), f.value, ctx, path);
    case 'not_in': {
      const col = columnFor(columns, f.value[0]);
      return absentOrNot(col, membership(col, f.value, ctx, path));
    }
    case 'between':
      return range(columnFor(columns, f.value[0]), f.value, ctx, path);
    case 'contains':
      return substring(columnFor(columns, f.value), f.value, path);
    case 'not_contains': {
      const col = columnFor(columns, f.value);
      return absentOrNot(col, substring(col, f.value, path));
    }
  }
}

/** The number column of a property, for sums, averages and quantiles. */
export function numericColumn(ctx: CompileContext, property: string, path: ConditionPath): TypedColumn {
  const columns = columnsOf(ctx, property, path);
  const col = columns.find((c) => c.kind === 'number');
  if (!col) {
    throw typeMismatch(path, `the event property "${property}" holds ${KIND_WORDS[columns[0]!.kind]}, so it cannot be added up or averaged.`, {
      expected: 'number',
      property,
    });
  }
  return col;
}
