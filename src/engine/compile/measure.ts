/**
 * Quantiles of a per-profile measure (count, sum, avg, min, max of the matching events) over the
 * profiles that performed the events at least once. `percentile_cont … WITHIN GROUP` is shared
 * by DuckDB and PostgreSQL; ClickHouse's `quantileExactInclusive` interpolates the same way.
 */
import { AppError } from '../../errors.js';
import type { Measure } from '../types.js';
import type { CompileContext } from './context.js';
import { table } from './context.js';
import { eventSelection } from './event-conditions.js';
import { numericColumn } from './property-filters.js';
import { Fragment, join, keyword, sql } from './fragment.js';

function measureExpression(ctx: CompileContext, m: Measure, path: string): Fragment {
  if (m.fn === 'count') return keyword('COUNT(*)');
  if (!m.property) throw new AppError('invalid_input', `A ${m.fn} measure needs the property to ${m.fn === 'sum' ? 'add up' : 'measure'}.`);
  const col = numericColumn(ctx, m.property, path);
  return m.fn === 'sum' ? sql`COALESCE(SUM(${col.expr}), 0)` : sql`${keyword(m.fn.toUpperCase())}(${col.expr})`;
}

export function quantileQuery(ctx: CompileContext, m: Measure, qs: readonly number[]): Fragment {
  if (qs.length === 0 || qs.some((q) => !(q >= 0 && q <= 1))) {
    throw new AppError('invalid_input', 'Quantiles are fractions between 0 and 1 (0.5 is the median).', { qs });
  }
  const path = 'measure';
  const where = eventSelection(ctx, { events: m.events, filters: [], window: m.window }, path);
  const perProfile = sql`SELECT e.user_id, ${measureExpression(ctx, m, path)} AS v FROM ${table(ctx, 'events')} e WHERE ${where} GROUP BY e.user_id`;
  // A parametric aggregate's level must be a literal: q was checked to be a number in [0, 1].
  const quantile = (q: number): Fragment => (ctx.dialect === 'clickhouse' ? sql`quantileExactInclusive(${keyword(String(q))})(m.v)` : sql`percentile_cont(${q}) WITHIN GROUP (ORDER BY m.v)`);
  const columns = qs.map((q, i) => sql`${quantile(q)} AS ${keyword(`q${i}`)}`);
  return sql`SELECT ${join(columns, ', ')} FROM (${perProfile}) m`;
}
