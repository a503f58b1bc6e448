/**
 * Trait conditions as sets of users (user-sets.ts). Scalar traits live in `traits` (one row per
 * non-empty value), list traits in `trait_items`. Negative operators are the complement of the
 * positive set, so profiles without the trait match them ("not from Germany" keeps unknowns).
 */
import type { TraitCondition } from '../../definition/schema.js';
import { durationDays, subtractDays } from '../../definition/time.js';
import type { CompileContext, ConditionPath } from './context.js';
import { table, traitType, typeMismatch } from './context.js';
import { Fragment, sql, valueList } from './fragment.js';
import { inSet, notInSet, type UserSet } from './user-sets.js';
import { timestampValue } from './time-values.js';
import { comparison, membership, range, substring, substrings, type TypedColumn } from './value-tests.js';

function scalarColumn(c: TraitCondition, type: Exclude<ReturnType<typeof traitType>, 'string[]'>): TypedColumn {
  const label = `the trait "${c.trait}"`;
  switch (type) {
    case 'string': return { expr: sql`t.value_text`, kind: 'string', label };
    case 'number': return { expr: sql`t.value_num`, kind: 'number', label };
    case 'boolean': return { expr: sql`t.value_bool`, kind: 'boolean', label };
    case 'date': case 'datetime': return { expr: sql`t.value_time`, kind: 'time', label };
  }
}

function scalarTrait(ctx: CompileContext, c: TraitCondition, col: TypedColumn, path: ConditionPath): UserSet {
  const users = (test?: Fragment) =>
    test ? sql`SELECT t.user_id FROM ${table(ctx, 'traits')} t WHERE t.name = ${c.trait} AND ${test}` : sql`SELECT t.user_id FROM ${table(ctx, 'traits')} t WHERE t.name = ${c.trait}`;
  switch (c.op) {
    case 'exists': return inSet(users());
    case 'not_exists': return notInSet(users());
    case 'eq': case 'gt': case 'gte': case 'lt': case 'lte': return inSet(users(comparison(col, c.op, c.value, ctx, path)));
    case 'neq': return notInSet(users(comparison(col, 'eq', c.value, ctx, path)));
    case 'between': return inSet(users(range(col, c.value, ctx, path)));
    case 'in': return inSet(users(membership(col, c.value, ctx, path)));
    case 'not_in': return notInSet(users(membership(col, c.value, ctx, path)));
    case 'contains': return inSet(users(substring(col, c.value, path)));
    case 'not_contains': return notInSet(users(substring(col, c.value, path)));
    case 'contains_any': return inSet(users(substrings(col, c.value, 'any', path)));
    case 'contains_all': return inSet(users(substrings(col, c.value, 'all', path)));
    case 'contains_none': return notInSet(users(substrings(col, c.value, 'any', path)));
    case 'in_last': case 'before_last': {
      if (col.kind !== 'time') {
        throw typeMismatch(path, `"${c.op === 'in_last' ? 'in the last' : 'before the last'}" needs a date, and ${col.label} is not one.`, { expected: 'date' });
      }
      const cutoff = timestampValue(subtractDays(ctx.now, durationDays(c.amount, c.unit)));
      if (c.op === 'before_last') return inSet(users(sql`t.value_time < ${cutoff}`));
      return inSet(users(sql`t.value_time >= ${cutoff} AND t.value_time <= ${timestampValue(ctx.now)}`));
    }
  }
}

function itemStrings(c: TraitCondition, values: readonly unknown[], path: ConditionPath): string[] {
  for (const v of values) {
    if (typeof v !== 'string') {
      throw typeMismatch(path, `the trait "${c.trait}" is a list of text, so it cannot be compared with the ${typeof v} ${String(v)}.`, { expected: 'string', got: typeof v });
    }
  }
  return values as string[];
}

/** List traits: a test is about the items; "contains" is a case-insensitive item match. */
function listTrait(ctx: CompileContext, c: TraitCondition, path: ConditionPath): UserSet {
  const from = sql`SELECT i.user_id FROM ${table(ctx, 'trait_items')} i WHERE i.name = ${c.trait}`;
  const users = (test?: Fragment) => (test ? sql`${from} AND ${test}` : from);
  switch (c.op) {
    case 'exists': return inSet(users());
    case 'not_exists': return notInSet(users());
    case 'eq': return inSet(users(sql`i.item = ${itemStrings(c, [c.value], path)[0]!}`));
    case 'neq': return notInSet(users(sql`i.item = ${itemStrings(c, [c.value], path)[0]!}`));
    case 'in': case 'contains_any': return inSet(users(sql`i.item IN ${valueList(itemStrings(c, c.value, path))}`));
    case 'not_in': case 'contains_none': return notInSet(users(sql`i.item IN ${valueList(itemStrings(c, c.value, path))}`));
    case 'contains': return inSet(users(sql`LOWER(i.item) = ${c.value.toLowerCase()}`));
    case 'not_contains': return notInSet(users(sql`LOWER(i.item) = ${c.value.toLowerCase()}`));
    case 'contains_all': {
      const wanted = [...new Set(itemStrings(c, c.value, path))];
      return inSet(sql`${users(sql`i.item IN ${valueList(wanted)}`)} GROUP BY i.user_id HAVING COUNT(DISTINCT i.item) = ${wanted.length}`);
    }
    default:
      throw typeMismatch(path, `the trait "${c.trait}" is a list; use contains, contains_any, contains_all, contains_none, in, not_in, exists or not_exists.`, {
        expected: 'string[]',
        op: c.op,
      });
  }
}

export function traitCondition(ctx: CompileContext, c: TraitCondition, path: ConditionPath): UserSet {
  const type = traitType(ctx, c.trait, path);
  if (type === 'string[]') return listTrait(ctx, c, path);
  return scalarTrait(ctx, c, scalarColumn(c, type), path);
}
