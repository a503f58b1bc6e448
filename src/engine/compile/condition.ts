/** Any condition (leaf or nested group) as a predicate on `p.user_id` of `profiles p`. */
import type { Condition, Group, ListCondition } from '../../definition/schema.js';
import type { CompileContext, ConditionPath } from './context.js';
import { checkList, table } from './context.js';
import { Fragment, join, sql } from './fragment.js';
import { aggregateCondition, eventCondition, recencyCondition } from './event-conditions.js';
import { traitCondition } from './trait-conditions.js';
import { AppError } from '../../errors.js';

function liveOnly(path: ConditionPath): AppError {
  return new AppError('live_only_condition', `The condition at ${path} is about the visit (device, page, campaign, local time), which is only known when a visitor arrives: use the audience as a live audience (POST /v1/match); it has no members over history.`, { path });
}

function listCondition(ctx: CompileContext, c: ListCondition, path: ConditionPath): Fragment {
  checkList(ctx, c.list, path);
  const members = sql`SELECT l.user_id FROM ${table(ctx, 'list_members')} l WHERE l.list_name = ${c.list}`;
  return c.op === 'in' ? sql`p.user_id IN (${members})` : sql`p.user_id NOT IN (${members})`;
}

export function groupPredicate(ctx: CompileContext, g: Group, path: ConditionPath): Fragment {
  const parts = g.conditions.map((c, i) => conditionPredicate(ctx, c, `${path}.conditions.${i}`));
  if (parts.length === 1) return parts[0]!;
  return sql`(${join(parts, g.op === 'and' ? ' AND ' : ' OR ')})`;
}

export function conditionPredicate(ctx: CompileContext, c: Condition, path: ConditionPath): Fragment {
  switch (c.type) {
    case 'group': return groupPredicate(ctx, c, path);
    case 'event': return eventCondition(ctx, c, path);
    case 'aggregate': return aggregateCondition(ctx, c, path);
    case 'recency': return recencyCondition(ctx, c, path);
    case 'trait': return traitCondition(ctx, c, path);
    case 'list': return listCondition(ctx, c, path);
    case 'context': throw liveOnly(path);
  }
}
