/**
 * The traits part of the catalog: per trait the profiles holding it, distinct values, most
 * frequent values and range, from one GROUP BY name per table. Values of personal traits are
 * never collected.
 */
import { listValue, type DuckDBConnection } from '@duckdb/node-api';
import { CATALOG_TOP_VALUES, type TraitInfo, type ValueCount, type ValueType } from '../../catalog/types.js';
import type { StoreSchema } from '../layout.js';
import { iso, rankByCount, valueCount } from './catalog-values.js';
import { runEach } from './connection-pool.js';
import { num, queryRows, type Row } from './query-rows.js';
import type { WorkspaceFile } from './workspace-files.js';

const PII_TRAITS = new Set(['email', 'phone', 'first_name', 'last_name', 'name', 'address', 'street', 'birthday', 'notes', 'ip', 'postal_code', 'zip']);

export function isPiiTrait(name: string, description?: string): boolean {
  return PII_TRAITS.has(name.toLowerCase()) || /\bPII\b|personal data/i.test(description ?? '');
}

/** Which column of `traits` holds each type's value (dates are counted by their text). */
const DISTINCT_OF: Record<Exclude<ValueType, 'string[]'>, string> = { string: 'd_text', date: 'd_text', datetime: 'd_text', number: 'd_num', boolean: 'd_bool' };

/**
 * `traits` has one row per profile and trait (both import paths write the latest value only),
 * so COUNT(*) is the number of profiles holding the trait.
 */
const SCALAR_STATS = `SELECT name, COUNT(*) AS profiles, COUNT(DISTINCT value_text) AS d_text, COUNT(DISTINCT value_num) AS d_num, COUNT(DISTINCT value_bool) AS d_bool,
  MIN(value_num) AS lo_num, MAX(value_num) AS hi_num, MIN(value_time) AS lo_time, MAX(value_time) AS hi_time FROM traits GROUP BY name`;
const LIST_STATS = 'SELECT name, COUNT(DISTINCT user_id) AS profiles, COUNT(DISTINCT item) AS d_text FROM trait_items GROUP BY name';

async function topValues(connection: DuckDBConnection, sql: string, names: string[], value: (r: Row) => ValueCount): Promise<Map<string, ValueCount[]>> {
  const byName = new Map<string, ValueCount[]>();
  if (names.length === 0) return byName;
  for (const r of await queryRows(connection, sql, [listValue(names)])) {
    const name = String(r.name);
    if (!byName.has(name)) byName.set(name, []);
    byName.get(name)!.push(value(r));
  }
  return byName;
}

function scalarTopValues(connection: DuckDBConnection, names: string[]): Promise<Map<string, ValueCount[]>> {
  // Each trait fills one of the three value columns, so ordering by all three orders by its own.
  const values = 'value_text, value_num, value_bool';
  return topValues(
    connection,
    `SELECT name, ${values}, c FROM (SELECT name, ${values}, COUNT(*) AS c, ${rankByCount('name', values)} AS rank
       FROM traits WHERE list_contains($1, name) AND (value_text IS NOT NULL OR value_num IS NOT NULL OR value_bool IS NOT NULL) GROUP BY name, ${values})
     WHERE rank <= ${CATALOG_TOP_VALUES} ORDER BY name, rank`,
    names,
    (r) => valueCount(r.value_text ?? r.value_num ?? r.value_bool!, r),
  );
}

function itemTopValues(connection: DuckDBConnection, names: string[]): Promise<Map<string, ValueCount[]>> {
  return topValues(
    connection,
    `SELECT name, item, c FROM (SELECT name, item, COUNT(*) AS c, ${rankByCount('name', 'item')} AS rank FROM trait_items WHERE list_contains($1, name) GROUP BY name, item)
     WHERE rank <= ${CATALOG_TOP_VALUES} ORDER BY name, rank`,
    names,
    (r) => valueCount(r.item!, r),
  );
}

/** The queries are independent: they are spread over the connections given. */
export async function traitCatalog(connections: DuckDBConnection[], schema: StoreSchema, plan: WorkspaceFile): Promise<TraitInfo[]> {
  const planned = new Map(plan.trackingPlan.traits.map((t) => [t.name, t]));
  const traits = Object.entries(schema.traitTypes).map(([name, type]) => {
    const description = planned.get(name)?.description;
    return { name, type, description, pii: isPiiTrait(name, description) };
  });
  // Timestamps are nearly all distinct: their range says more than their "top" values.
  const ranked = traits.filter((t) => !t.pii && t.type !== 'date' && t.type !== 'datetime');
  const byTraitName = (rows: Row[]) => new Map(rows.map((r) => [String(r.name), r]));
  let scalarStats = new Map<string, Row>();
  let listStats = new Map<string, Row>();
  let scalarTop = new Map<string, ValueCount[]>();
  let itemTop = new Map<string, ValueCount[]>();
  await runEach(connections, [
    async (c) => void (scalarStats = byTraitName(await queryRows(c, SCALAR_STATS))),
    async (c) => void (listStats = byTraitName(await queryRows(c, LIST_STATS))),
    async (c) => void (scalarTop = await scalarTopValues(c, ranked.filter((t) => t.type !== 'string[]').map((t) => t.name))),
    async (c) => void (itemTop = await itemTopValues(c, ranked.filter((t) => t.type === 'string[]').map((t) => t.name))),
  ]);

  return traits.map(({ name, type, description, pii }) => {
    const list = type === 'string[]';
    const stats = (list ? listStats : scalarStats).get(name);
    const info: TraitInfo = {
      name,
      type,
      profiles: num(stats?.profiles),
      distinct: num(stats?.[list ? 'd_text' : DISTINCT_OF[type as Exclude<ValueType, 'string[]'>]]),
      topValues: (list ? itemTop : scalarTop).get(name) ?? [],
      pii,
    };
    if (description) info.description = description;
    const [lo, hi] = type === 'number' ? [stats?.lo_num, stats?.hi_num] : type === 'date' || type === 'datetime' ? [stats?.lo_time, stats?.hi_time] : [null, null];
    if (!pii && lo !== null && lo !== undefined) {
      info.min = type === 'number' ? num(lo) : iso(lo)!;
      info.max = type === 'number' ? num(hi) : iso(hi)!;
    }
    return info;
  });
}
