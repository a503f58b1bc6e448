/**
 * Temporary tables a compute works in. The queries that fill and read them stay portable; only
 * where a temporary table lives is the dialect's: DuckDB's `temp` catalog, PostgreSQL's
 * `pg_temp` schema (ClickHouse would say `CREATE TEMPORARY TABLE … ENGINE = Memory`). Naming the
 * place keeps a workspace table of the same name from ever being read or dropped instead.
 */
import type { CompileContext } from './compile/context.js';
import { Fragment, ident, sql } from './compile/fragment.js';

/** `name` is generated (`audience_eval_1`), never a user's word. */
export function scratchTable(ctx: CompileContext, name: string): Fragment {
  const place = ctx.dialect === 'postgres' ? 'pg_temp' : 'temp';
  return new Fragment(`${place}.${ident(name).text}`, []);
}

export function createScratchTable(ctx: CompileContext, name: string, select: Fragment): Fragment {
  return sql`CREATE TEMP TABLE ${scratchTable(ctx, name)} AS ${select}`;
}

export function dropScratchTable(ctx: CompileContext, name: string): Fragment {
  return sql`DROP TABLE IF EXISTS ${scratchTable(ctx, name)}`;
}
