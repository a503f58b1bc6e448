/**
 * The queries behind one "compute". One pass over the profiles gives every count: each profile
 * gets a 1/0 per part (each top-level condition, then each exclusion, tested against its set of
 * users) and per channel, membership is a test on those flags (exactly the root group of the
 * parts minus the exclusions, as the member query writes it), and the sums are taken as the
 * rows stream by: nothing is written per profile. DuckDB also keeps the first members by user id
 * in the same pass; other databases read them with a second, LIMITed member query.
 */
import type { CompileContext } from './compile/context.js';
import { table } from './compile/context.js';
import { orderByUser } from './compile/audience.js';
import { Fragment, join, keyword, sql, valueList } from './compile/fragment.js';

/** 1 when the predicate holds, else 0 (predicates are never NULL: user ids are NOT NULL). */
export function flag(test: Fragment): Fragment {
  return sql`CASE WHEN ${test} THEN 1 ELSE 0 END`;
}

const reachColumn = (i: number): Fragment => keyword(`r${i}`);
const partColumn = (i: number): Fragment => keyword(`c${i}`);

function selectList(columns: readonly Fragment[]): Fragment {
  return join([keyword('p.user_id'), ...columns], ', ');
}

/** Every profile with a flag per channel (`user_id, r0 … rn`): reach, kept for a read-only store. */
export function reachFlagsQuery(ctx: CompileContext, channelTests: readonly Fragment[]): Fragment {
  const columns = channelTests.map((test, i) => sql`${flag(test)} AS ${reachColumn(i)}`);
  return sql`SELECT ${selectList(columns)} FROM ${table(ctx, 'profiles')} p`;
}

/** The channel flags of a row `p` of a table made by `reachFlagsQuery`. */
export function keptReachColumns(channels: number): Fragment[] {
  return Array.from({ length: channels }, (_, i) => sql`p.${reachColumn(i)}`);
}

export interface EvaluationSource {
  /** `<table> p`, one row per profile: `profiles p`, or a kept reach table. */
  from: Fragment;
  /** Each channel's 1/0 value in that row: a column of the kept table, or a flag of its test. */
  reach: readonly Fragment[];
}

/** `user_id, r0 … rn, c0 … cm`: every profile, its reach and which parts it meets (never stored). */
export function evaluationQuery(source: EvaluationSource, parts: readonly Fragment[]): Fragment {
  const columns = [
    ...source.reach.map((value, i) => sql`${value} AS ${reachColumn(i)}`),
    ...parts.map((test, i) => sql`${flag(test)} AS ${partColumn(i)}`),
  ];
  return sql`SELECT ${selectList(columns)} FROM ${source.from}`;
}

export interface PartsShape {
  /** How the top-level conditions combine. */
  op: 'and' | 'or';
  /** The first `conditions` parts are top-level conditions, the rest exclusions. */
  conditions: number;
  exclusions: number;
}

/** Membership of a row `p` of the evaluation table. */
export function memberTest(shape: PartsShape): Fragment {
  const met = Array.from({ length: shape.conditions }, (_, i) => sql`p.${partColumn(i)} = 1`);
  const excluded = Array.from({ length: shape.exclusions }, (_, j) => sql`p.${partColumn(shape.conditions + j)} = 0`);
  return join([sql`(${join(met, shape.op === 'and' ? ' AND ' : ' OR ')})`, ...excluded], ' AND ');
}

/** A count we chose (not a user's word), written out: `min(x, n)` needs a constant. */
function count(n: number): Fragment {
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`not a positive count: ${n}`);
  return keyword(String(n));
}

function total(expr: Fragment, alias: Fragment): Fragment {
  return sql`COALESCE(SUM(${expr}), 0) AS ${alias}`;
}

/**
 * `total`, `size`, `r0…rn` (members reachable on each channel), `c0…cm` (profiles meeting each
 * part) and, with `firstMembers`, `first`: a list of the first members by user id (DuckDB's
 * `min(value, n)`, which skips NULLs and orders text by code point like ORDER BY).
 */
export function summaryQuery(evaluation: Fragment, shape: PartsShape, channels: number, firstMembers?: number): Fragment {
  const member = memberTest(shape);
  const parts = shape.conditions + shape.exclusions;
  const columns = [
    keyword('COUNT(*) AS total'),
    total(flag(member), keyword('size')),
    ...Array.from({ length: channels }, (_, i) => total(sql`CASE WHEN ${member} THEN p.${reachColumn(i)} ELSE 0 END`, reachColumn(i))),
    ...Array.from({ length: parts }, (_, i) => total(sql`p.${partColumn(i)}`, partColumn(i))),
    ...(firstMembers ? [sql`min(CASE WHEN ${member} THEN p.user_id END, ${count(firstMembers)}) AS first`] : []),
  ];
  return sql`SELECT ${join(columns, ', ')} FROM (${evaluation}) p`;
}

/** The first `limit` members by user id, from the member query (`members` selects `p.user_id`). */
export function firstMembersQuery(ctx: CompileContext, members: Fragment, limit: number): Fragment {
  return sql`${members} ${orderByUser(ctx)} LIMIT ${limit}`;
}

/** The shown traits of the given profiles: `user_id, name, value_text, value_num, value_bool`. */
export function sampleTraitsQuery(ctx: CompileContext, userIds: readonly string[], traits: readonly string[]): Fragment {
  return sql`SELECT t.user_id, t.name, t.value_text, t.value_num, t.value_bool FROM ${table(ctx, 'traits')} t WHERE t.user_id IN ${valueList(userIds)} AND t.name IN ${valueList(traits)}`;
}
