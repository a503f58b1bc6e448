/**
 * Profiles and their traits from the staged messages. Each `traits` object is parsed once, and
 * one pass takes the latest non-empty value of every trait (later identify calls override
 * earlier ones) into a per-profile table that every trait is then written from.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { ValueType } from '../../catalog/types.js';
import type { StoreSchema } from '../layout.js';
import { discoverKeys, field, inferTypes, structure } from './json-keys.js';
import { STAGED } from './stage.js';
import { num, queryRows, utcTimestamp } from './query-rows.js';
import { columnTypeOf } from './value-types.js';

export interface LoadedProfiles {
  profiles: number;
  /** Latest trait values that did not fit the trait's type and were left out. */
  typeConflicts: number;
}

const IDENTIFIES = `FROM ${STAGED} WHERE type = 'identify' AND traits IS NOT NULL`;

/** One trait's columns in `latest`, and how its rows are written from them. */
interface TraitPlan {
  /** Typed columns computed once from the latest raw JSON value `r_i`. */
  columns: string[];
  table: 'traits' | 'trait_items';
  /** The rows to write, given the SQL parameter that names the trait. */
  select: (nameParam: string) => string;
  /** Counts the profiles whose value was there but did not fit the type. */
  conflicts?: string;
}

function traitPlan(type: ValueType, i: number): TraitPlan {
  const raw = `r_${i}`;
  const [v, w, filled] = [`v_${i}`, `w_${i}`, `f_${i}`];
  const text = `json_extract_string(${raw}, '$')`;
  if (type === 'string[]') {
    // A lone string counts as a one-item list.
    const items = `CASE json_type(${raw}) WHEN 'ARRAY' THEN TRY_CAST(${raw} AS VARCHAR[]) WHEN 'VARCHAR' THEN [${text}] END`;
    return {
      columns: [`${items} AS ${v}`],
      table: 'trait_items',
      select: (n) => `SELECT user_id, ${n}, item FROM (SELECT user_id, unnest(${v}) AS item FROM latest WHERE ${v} IS NOT NULL) WHERE item IS NOT NULL AND item <> ''`,
    };
  }
  const row = (columns: [string, string, string, string], fits: string) => (n: string) => `SELECT user_id, ${n}, ${columns.join(', ')} FROM latest WHERE ${fits} IS NOT NULL`;
  switch (columnTypeOf(type)) {
    case 'string':
      return { columns: [`${text} AS ${v}`], table: 'traits', select: row([v, 'NULL', 'NULL', 'NULL'], v) };
    case 'number':
    case 'boolean': {
      const sqlType = columnTypeOf(type) === 'number' ? 'DOUBLE' : 'BOOLEAN';
      const columns: [string, string, string, string] = sqlType === 'DOUBLE' ? ['NULL', v, 'NULL', 'NULL'] : ['NULL', 'NULL', v, 'NULL'];
      return {
        columns: [`TRY_CAST(${raw} AS ${sqlType}) AS ${v}`, `${raw} IS NOT NULL AS ${filled}`],
        table: 'traits',
        select: row(columns, v),
        conflicts: `COUNT(*) FILTER (WHERE ${filled} AND ${v} IS NULL)`,
      };
    }
    case 'datetime':
      // Dates keep their text beside the time.
      return {
        columns: [`${text} AS ${v}`, `${utcTimestamp(text)} AS ${w}`],
        table: 'traits',
        select: row([v, 'NULL', 'NULL', w], w),
        conflicts: `COUNT(*) FILTER (WHERE ${v} IS NOT NULL AND ${w} IS NULL)`,
      };
  }
}

/**
 * `latest` holds one row per profile with traits, in user order: for each trait the typed form
 * of its last non-empty value. When no profile was identified twice (one line per profile is the
 * usual export) that is each row's own value, and the GROUP BY is skipped.
 */
async function latestValues(connection: DuckDBConnection, keys: string[], plans: TraitPlan[]): Promise<void> {
  const filled = (i: number) => `${field('s', i)} IS NOT NULL AND ${field('s', i)} <> '""'`;
  const [once] = await queryRows(connection, `SELECT COUNT(*) = COUNT(DISTINCT user_id) AS once ${IDENTIFIES}`);
  const raw = once!.once
    ? keys.map((_, i) => `, CASE WHEN ${filled(i)} THEN ${field('s', i)} END AS r_${i}`).join('')
    : keys.map((_, i) => `, arg_max(${field('s', i)}, seq) FILTER (WHERE ${filled(i)}) AS r_${i}`).join('');
  await connection.run(
    `CREATE TEMP TABLE latest AS
     SELECT user_id, ${plans.flatMap((p) => p.columns).join(', ')}
     FROM (SELECT user_id${raw} FROM (SELECT user_id, seq, json_transform(traits, $1) AS s ${IDENTIFIES}) ${once!.once ? '' : 'GROUP BY user_id'})
     ORDER BY user_id`,
    [structure(keys.map((k) => [k, 'JSON']))],
  );
}

/**
 * One INSERT per table, as separate small inserts cost more than their rows. Its UNION ALL
 * keeps the branches in order, so rows come grouped by trait, then by user, for zone maps on
 * `name`; each branch names its trait by a bound parameter.
 */
async function insertAll(connection: DuckDBConnection, table: TraitPlan['table'], keys: string[], plans: TraitPlan[]): Promise<void> {
  const names: string[] = [];
  const branches: string[] = [];
  for (const [i, plan] of plans.entries()) {
    if (plan.table !== table) continue;
    names.push(keys[i]!);
    branches.push(plan.select(`$${names.length}`));
  }
  if (branches.length > 0) await connection.run(`INSERT INTO ${table} ${branches.join(' UNION ALL ')}`, names);
}

/** Writes every trait; returns how many latest values did not fit their trait's type. */
async function writeTraits(connection: DuckDBConnection, keys: string[], types: Record<string, ValueType>): Promise<number> {
  const plans = keys.map((key, i) => traitPlan(types[key]!, i));
  await latestValues(connection, keys, plans);
  await insertAll(connection, 'traits', keys, plans);
  await insertAll(connection, 'trait_items', keys, plans);
  const conflicts = plans.flatMap((p) => (p.conflicts ? [p.conflicts] : []));
  const [row] = conflicts.length ? await queryRows(connection, `SELECT ${conflicts.join(' + ')} AS n FROM latest`) : [];
  await connection.run('DROP TABLE latest');
  return num(row?.n);
}

export async function loadProfiles(connection: DuckDBConnection, schema: StoreSchema): Promise<LoadedProfiles> {
  await connection.run(`INSERT INTO profiles SELECT DISTINCT user_id FROM ${STAGED} WHERE type IN ('track', 'identify') ORDER BY user_id`);
  const keys = [...(await discoverKeys(connection, 'traits')).keys()];
  const types = schema.traitTypes;
  const unplanned = keys.filter((k) => !Object.hasOwn(types, k));
  for (const [i, type] of (await inferTypes(connection, 'traits', unplanned)).entries()) types[unplanned[i]!] = type;
  const typeConflicts = keys.length > 0 ? await writeTraits(connection, keys, types) : 0;
  const [row] = await queryRows(connection, 'SELECT COUNT(*) AS n FROM profiles');
  return { profiles: num(row!.n), typeConflicts };
}
