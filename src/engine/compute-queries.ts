/**
 * The few queries behind one "compute": members with their reach per channel, each top-level
 * condition's size over the whole workspace, and the first members with a few traits.
 */
import type { CompileContext } from './compile/context.js';
import { table } from './compile/context.js';
import { orderByUser } from './compile/audience.js';
import { Fragment, join, keyword, sql, valueList } from './compile/fragment.js';

function countWhen(test: Fragment, alias: string): Fragment {
  return sql`COALESCE(SUM(CASE WHEN ${test} THEN 1 ELSE 0 END), 0) AS ${keyword(alias)}`;
}

/** `size` and `r0…rn`: members, and members reachable on each channel. */
export function reachQuery(ctx: CompileContext, member: Fragment, channels: readonly Fragment[]): Fragment {
  const columns = [keyword('COUNT(*) AS size'), ...channels.map((c, i) => countWhen(c, `r${i}`))];
  return sql`SELECT ${join(columns, ', ')} FROM ${table(ctx, 'profiles')} p WHERE ${member}`;
}

/** `total` and `c0…cn`: all profiles, and those meeting each condition on its own. */
export function conditionSizesQuery(ctx: CompileContext, conditions: readonly Fragment[]): Fragment {
  const columns = [keyword('COUNT(*) AS total'), ...conditions.map((c, i) => countWhen(c, `c${i}`))];
  return sql`SELECT ${join(columns, ', ')} FROM ${table(ctx, 'profiles')} p`;
}

export function firstMembersQuery(ctx: CompileContext, member: Fragment, limit: number): Fragment {
  return sql`SELECT p.user_id FROM ${table(ctx, 'profiles')} p WHERE ${member} ${orderByUser(ctx)} LIMIT ${limit}`;
}

export function traitsOfQuery(ctx: CompileContext, userIds: readonly string[], traits: readonly string[]): Fragment {
  return sql`SELECT t.user_id, t.name, t.value_text, t.value_num, t.value_bool FROM ${table(ctx, 'traits')} t WHERE t.user_id IN ${valueList(userIds)} AND t.name IN ${valueList(traits)}`;
}
