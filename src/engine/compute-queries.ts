/**
 * The queries behind one "compute". The definition is evaluated once, into a table holding every
 * profile with a 1/0 column per part (each top-level condition, then each exclusion) and per
 * channel; size, reach, the parts' sizes and the first members are all read from that table.
 * Membership is then a test on those columns, exactly the root group of the parts minus the
 * exclusions, as the member query (`audiencePredicate`) writes it.
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

/** `user_id, r0 … rn, c0 … cm`: every profile, its reach and which parts it meets. */
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

function total(expr: Fragment, alias: Fragment): Fragment {
  return sql`COALESCE(SUM(${expr}), 0) AS ${alias}`;
}

/** `total`, `size`, `r0…rn` (members reachable on each channel) and `c0…cm` (profiles meeting each part). */
export function summaryQuery(evaluation: Fragment, shape: PartsShape, channels: number): Fragment {
  const member = memberTest(shape);
  const parts = shape.conditions + shape.exclusions;
  const columns = [
    keyword('COUNT(*) AS total'),
    total(flag(member), keyword('size')),
    ...Array.from({ length: channels }, (_, i) => total(sql`CASE WHEN ${member} THEN p.${reachColumn(i)} ELSE 0 END`, reachColumn(i))),
    ...Array.from({ length: parts }, (_, i) => total(sql`p.${partColumn(i)}`, partColumn(i))),
  ];
  return sql`SELECT ${join(columns, ', ')} FROM ${evaluation} p`;
}

/**
 * The first `limit` members by user id, each with its rows of the shown traits (none when it has
 * none of them): `user_id, name, value_text, value_num, value_bool`, ordered by user id.
 */
export function samplesQuery(ctx: CompileContext, evaluation: Fragment, shape: PartsShape, limit: number, traits: readonly string[]): Fragment {
  const first = sql`SELECT p.user_id FROM ${evaluation} p WHERE ${memberTest(shape)} ${orderByUser(ctx)} LIMIT ${limit}`;
  if (traits.length === 0) return first;
  return sql`SELECT s.user_id, t.name, t.value_text, t.value_num, t.value_bool FROM (${first}) s LEFT JOIN ${table(ctx, 'traits')} t ON t.user_id = s.user_id AND t.name IN ${valueList(traits)} ${orderByUser(ctx, 's')}`;
}
