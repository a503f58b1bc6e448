/**
 * Event, aggregate and recency conditions as sets of users (user-sets.ts). A profile with no
 * matching event has count 0 and sum 0, so conditions that hold at zero are written as the
 * complement of the profiles that break them (NOT IN), which keeps people without events in.
 */
import type { AggregateCondition, Comparator, EventCondition, PropertyFilter, RecencyCondition, Window } from '../../definition/schema.js';
import { compareNumbers } from '../../definition/compare.js';
import { durationDays, subtractDays, windowRange } from '../../definition/time.js';
import type { CompileContext, ConditionPath } from './context.js';
import { checkEvents, table } from './context.js';
import { Fragment, join, keyword, sql, valueList } from './fragment.js';
import { ALL, NONE, inSet, notInSet, type UserSet } from './user-sets.js';
import { numericColumn, propertyFilter } from './property-filters.js';
import { timestampValue } from './time-values.js';
import { sqlOperator } from './value-tests.js';

const INVERSE: Record<Comparator, Comparator> = { eq: 'neq', neq: 'eq', gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt' };


/** The window's range, cut to the plan's history ("all time" is all the history the plan allows). */
function windowTest(window: Window | undefined, ctx: CompileContext): Fragment | undefined {
  const history = ctx.lookbackDays === undefined ? undefined : subtractDays(ctx.now, ctx.lookbackDays);
  if (!window) return history && sql`e.ts >= ${timestampValue(history)}`;
  const { from, to } = windowRange(window, ctx.now);
  const start = history && history > from ? history : from;
  if (window.kind === 'last') return sql`e.ts >= ${timestampValue(start)}`;
  return sql`e.ts >= ${timestampValue(start)} AND e.ts < ${timestampValue(to)}`;
}

interface Selector {
  events: string[];
  filters: PropertyFilter[];
  window?: Window;
}

/** The WHERE clause picking the events a condition counts. */
export function eventSelection(ctx: CompileContext, s: Selector, path: ConditionPath): Fragment {
  checkEvents(ctx, s.events, path);
  const tests = [
    sql`e.event IN ${valueList(s.events)}`,
    windowTest(s.window, ctx),
    ...s.filters.map((f, i) => propertyFilter(ctx, f, `${path}.filters.${i}`)),
  ].filter((t): t is Fragment => t !== undefined);
  return join(tests, ' AND ');
}

function matchingUsers(ctx: CompileContext, where: Fragment, having?: Fragment): Fragment {
  const from = sql`SELECT e.user_id FROM ${table(ctx, 'events')} e WHERE ${where}`;
  return having ? sql`${from} GROUP BY e.user_id HAVING ${having}` : from;
}

/** Profiles whose per-profile measure passes `op value`, given the measure's value with no events. */
function measured(ctx: CompileContext, where: Fragment, measure: Fragment, op: Comparator, value: number, atZero: number | undefined): UserSet {
  if (atZero !== undefined && compareNumbers(atZero, op, value)) {
    return notInSet(matchingUsers(ctx, where, sql`${measure} ${keyword(sqlOperator(INVERSE[op]))} ${value}`));
  }
  return inSet(matchingUsers(ctx, where, sql`${measure} ${keyword(sqlOperator(op))} ${value}`));
}

export function eventCondition(ctx: CompileContext, c: EventCondition, path: ConditionPath): UserSet {
  const where = eventSelection(ctx, c, path);
  const { op, value } = c.count;
  // The common shapes need no grouping: "did it" and "never did it".
  if ((op === 'gte' && value === 1) || (op === 'gt' && value === 0) || (op === 'neq' && value === 0)) return inSet(matchingUsers(ctx, where));
  if ((op === 'eq' && value === 0) || (op === 'lt' && value === 1) || (op === 'lte' && value === 0)) return notInSet(matchingUsers(ctx, where));
  if (op === 'gte' && value === 0) return ALL;
  if (op === 'lt' && value === 0) return NONE;
  return measured(ctx, where, keyword('COUNT(*)'), op, value, 0);
}

export function aggregateCondition(ctx: CompileContext, c: AggregateCondition, path: ConditionPath): UserSet {
  const col = numericColumn(ctx, c.property, path);
  const where = eventSelection(ctx, c, path);
  if (c.fn === 'sum') return measured(ctx, where, sql`COALESCE(SUM(${col.expr}), 0)`, c.op, c.value, 0);
  // No value, no average: people without a matching event never match avg/min/max.
  const fn = keyword(c.fn.toUpperCase());
  return measured(ctx, sql`${where} AND ${col.expr} IS NOT NULL`, sql`${fn}(${col.expr})`, c.op, c.value, undefined);
}

export function recencyCondition(ctx: CompileContext, c: RecencyCondition, path: ConditionPath): UserSet {
  const where = eventSelection(ctx, { events: c.events, filters: c.filters }, path);
  if (c.op === 'never') return notInSet(matchingUsers(ctx, where));
  const cutoff = timestampValue(subtractDays(ctx.now, durationDays(c.amount, c.unit)));
  if (c.op === 'within') return inSet(matchingUsers(ctx, sql`${where} AND e.ts >= ${cutoff}`));
  return inSet(matchingUsers(ctx, where, sql`MAX(e.ts) < ${cutoff}`));
}
