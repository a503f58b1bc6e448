/**
 * What the compiler knows about a workspace: how properties and traits are stored, which
 * events and lists exist, the reference time and the target dialect.
 */
import type { Catalog, ValueType } from '../../catalog/types.js';
import { AppError } from '../../errors.js';
import { columnSqlType, type PropertyColumn, type StoreSchema } from '../../store/layout.js';
import { Fragment, ident, keyword, sql } from './fragment.js';

export type SqlDialect = 'duckdb' | 'postgres' | 'clickhouse';

export interface CompileContext {
  schema: StoreSchema;
  now: Date;
  /** When given, events and lists that are not in it are refused as unknown references. */
  catalog?: Pick<Catalog, 'events' | 'lists'>;
  /** Default `duckdb`; the text stays portable, the dialect only picks string collation, type names and quantiles. */
  dialect?: SqlDialect;
  /** A generated schema name to qualify tables with (PostgreSQL workspaces). */
  tableSchema?: string;
  /** The plan's compute history: events older than this many days before `now` never count. */
  lookbackDays?: number;
  /**
   * Compile for this one user id (a live visitor): every table is cut to their rows and
   * `profiles` is a one-row select of the id, so an id with no profile is a profile with no
   * history and no traits. The id is bound, never in the text.
   */
  onlyUser?: string;
}

export type TableName = 'profiles' | 'traits' | 'trait_items' | 'events' | 'list_members';

export function table(ctx: CompileContext, name: TableName): Fragment {
  const stored = ctx.tableSchema ? new Fragment(`${ident(ctx.tableSchema).text}.${name}`, []) : ident(name);
  if (ctx.onlyUser === undefined) return stored;
  if (name === 'profiles') return sql`(SELECT CAST(${ctx.onlyUser} AS ${keyword(columnSqlType('string', ctx.dialect ?? 'duckdb'))}) AS user_id)`;
  return sql`(SELECT * FROM ${stored} WHERE user_id = ${ctx.onlyUser})`;
}

/** Where a condition sits in the definition, for messages: `root.conditions.2`. */
export type ConditionPath = string;

export function typeMismatch(path: ConditionPath, message: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('type_mismatch', `The condition at ${path} cannot be computed: ${message}`, { path, ...details });
}

export function traitType(ctx: CompileContext, trait: string, path: ConditionPath): ValueType {
  const type = ctx.schema.traitTypes[trait];
  if (!type) {
    throw new AppError('unknown_reference', `The condition at ${path} uses the trait "${trait}", which this workspace does not have.`, {
      path,
      kind: 'trait',
      name: trait,
    });
  }
  return type;
}

export function propertyColumns(ctx: CompileContext, property: string, path: ConditionPath): PropertyColumn[] {
  const columns = ctx.schema.propertyColumns.filter((c) => c.property === property);
  if (columns.length === 0) {
    throw new AppError('unknown_reference', `The condition at ${path} uses the event property "${property}", which no event in this workspace has.`, {
      path,
      kind: 'property',
      name: property,
    });
  }
  return columns;
}

export function checkEvents(ctx: CompileContext, events: readonly string[], path: ConditionPath): void {
  if (!ctx.catalog) return;
  const known = new Set(ctx.catalog.events.map((e) => e.name));
  const missing = events.find((e) => !known.has(e));
  if (missing !== undefined) {
    throw new AppError('unknown_reference', `The condition at ${path} uses the event "${missing}", which this workspace does not have.`, {
      path,
      kind: 'event',
      name: missing,
    });
  }
}

export function checkList(ctx: CompileContext, list: string, path: ConditionPath): void {
  if (!ctx.catalog) return;
  if (!ctx.catalog.lists.some((l) => l.name === list)) {
    throw new AppError('unknown_reference', `The condition at ${path} uses the list "${list}", which this workspace does not have.`, {
      path,
      kind: 'list',
      name: list,
    });
  }
}
