/**
 * Any condition (leaf or nested group) as a set of users (user-sets.ts), or as a predicate on
 * `p.user_id` of `profiles p`.
 */
import type { Condition, Group, ListCondition } from '../../definition/schema.js';
import type { CompileContext, ConditionPath } from './context.js';
import { checkList, table } from './context.js';
import { Fragment, sql } from './fragment.js';
import { inSet, intersect, notInSet, setPredicate, unite, type UserSet } from './user-sets.js';
import { aggregateCondition, eventCondition, recencyCondition } from './event-conditions.js';
import { traitCondition } from './trait-conditions.js';
import { AppError } from '../../errors.js';

function liveOnly(path: ConditionPath): AppError {
  return new AppError('live_only_condition', `The condition at ${path} is about the visit (device, page, campaign, local time), which is only known when a visitor arrives: use the audience as a live audience (POST /v1/match); it has no members over history.`, { path });
}

function listCondition(ctx: CompileContext, c: ListCondition, path: ConditionPath): UserSet {
  checkList(ctx, c.list, path);
  const members = sql`SELECT l.user_id FROM ${table(ctx, 'list_members')} l WHERE l.list_name = ${c.list}`;
  return c.op === 'in' ? inSet(members) : notInSet(members);
}

export function groupSet(ctx: CompileContext, g: Group, path: ConditionPath): UserSet {
  const parts = g.conditions.map((c, i) => conditionSet(ctx, c, `${path}.conditions.${i}`));
  return g.op === 'and' ? intersect(parts) : unite(parts);
}

export function conditionSet(ctx: CompileContext, c: Condition, path: ConditionPath): UserSet {
  switch (c.type) {
    case 'group': return groupSet(ctx, c, path);
    case 'event': return eventCondition(ctx, c, path);
    case 'aggregate': return aggregateCondition(ctx, c, path);
    case 'recency': return recencyCondition(ctx, c, path);
    case 'trait': return traitCondition(ctx, c, path);
    case 'list': return listCondition(ctx, c, path);
    case 'context': throw liveOnly(path);
  }
}

export function groupPredicate(ctx: CompileContext, g: Group, path: ConditionPath): Fragment {
  return setPredicate(groupSet(ctx, g, path));
}

export function conditionPredicate(ctx: CompileContext, c: Condition, path: ConditionPath): Fragment {
  return setPredicate(conditionSet(ctx, c, path));
}
