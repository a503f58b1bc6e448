/**
 * A whole audience as one portable query: the root group minus every exclusion, worked out as
 * sets of users (user-sets.ts) and checked against `profiles p` once.
 */
import type { AudienceDefinition } from '../../definition/schema.js';
import type { CompiledSql } from '../types.js';
import type { CompileContext } from './context.js';
import { table } from './context.js';
import { groupSet } from './condition.js';
import { Fragment, ident, sql } from './fragment.js';
import { complement, intersect, setPredicate } from './user-sets.js';

/** The membership test of the definition, for use inside other queries over `profiles p`. */
export function audiencePredicate(ctx: CompileContext, def: AudienceDefinition): Fragment {
  const include = groupSet(ctx, def.root, 'root');
  const excludes = def.exclude.map((e, i) => complement(groupSet(ctx, e.root, `exclude.${i}.root`)));
  return setPredicate(intersect([include, ...excludes]));
}

/** User ids order by code point on every engine, whatever PostgreSQL's collation. */
export function orderByUser(ctx: CompileContext, alias = 'p'): Fragment {
  const column = sql`${ident(alias)}.user_id`;
  return ctx.dialect === 'postgres' ? sql`ORDER BY ${column} COLLATE "C"` : sql`ORDER BY ${column}`;
}

/** `user_id` of every member, in no order: what a count or a join needs. */
export function memberSetQuery(ctx: CompileContext, def: AudienceDefinition): Fragment {
  return sql`SELECT p.user_id FROM ${table(ctx, 'profiles')} p WHERE ${audiencePredicate(ctx, def)}`;
}

export function memberQuery(ctx: CompileContext, def: AudienceDefinition): Fragment {
  return sql`${memberSetQuery(ctx, def)} ${orderByUser(ctx)}`;
}

export function toCompiledSql(f: Fragment): CompiledSql {
  return { sql: f.text, params: [...f.params] };
}

/** The member query of a definition: `user_id` of every member, ordered. */
export function compileAudience(def: AudienceDefinition, ctx: CompileContext): CompiledSql {
  return toCompiledSql(memberQuery(ctx, def));
}
