/**
 * A whole audience as one portable query over `profiles p`: the root group, minus every
 * exclusion. Predicates never evaluate to NULL (user ids are NOT NULL on every table), so
 * `NOT (...)` over an exclusion is exact.
 */
import type { AudienceDefinition } from '../../definition/schema.js';
import type { CompiledSql } from '../types.js';
import type { CompileContext } from './context.js';
import { table } from './context.js';
import { groupPredicate } from './condition.js';
import { Fragment, ident, join, sql } from './fragment.js';

/** The membership test of the definition, for use inside other queries over `profiles p`. */
export function audiencePredicate(ctx: CompileContext, def: AudienceDefinition): Fragment {
  const include = groupPredicate(ctx, def.root, 'root');
  const excludes = def.exclude.map((e, i) => sql`NOT (${groupPredicate(ctx, e.root, `exclude.${i}.root`)})`);
  return join([include, ...excludes], ' AND ');
}

/** User ids order by code point on every engine, whatever PostgreSQL's collation. */
export function orderByUser(ctx: CompileContext, alias = 'p'): Fragment {
  const column = sql`${ident(alias)}.user_id`;
  return ctx.dialect === 'postgres' ? sql`ORDER BY ${column} COLLATE "C"` : sql`ORDER BY ${column}`;
}

export function memberQuery(ctx: CompileContext, def: AudienceDefinition): Fragment {
  return sql`SELECT p.user_id FROM ${table(ctx, 'profiles')} p WHERE ${audiencePredicate(ctx, def)} ${orderByUser(ctx)}`;
}

export function toCompiledSql(f: Fragment): CompiledSql {
  return { sql: f.text, params: [...f.params] };
}

/** The member query of a definition: `user_id` of every member, ordered. */
export function compileAudience(def: AudienceDefinition, ctx: CompileContext): CompiledSql {
  return toCompiledSql(memberQuery(ctx, def));
}
