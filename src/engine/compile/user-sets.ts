/**
 * Conditions as sets of user ids, combined by set algebra rather than one test per profile.
 * Each condition selects the few users it is about (`in`), or the complement of the few that
 * break it (`not_in`, so people without events or traits still match negative conditions). An
 * AND group starts from one of its positive sets and keeps the rows that are in the others and
 * in none of the negative ones; an OR group is a union, or the complement of what all its
 * negative parts exclude minus what its positive parts bring back. `profiles` is touched once,
 * at the end, by one semi- or anti-join.
 *
 * A set's query may repeat a user id (one row per event): every consumer is an `IN`/`NOT IN`.
 */
import { FALSE, Fragment, TRUE, join, sql } from './fragment.js';

export type UserSet =
  | { kind: 'all' }
  | { kind: 'none' }
  /** Users returned by `users` (a query of one column, `user_id`). */
  | { kind: 'in'; users: Fragment }
  /** Every profile except those `users` returns. */
  | { kind: 'not_in'; users: Fragment };

export const ALL: UserSet = { kind: 'all' };
export const NONE: UserSet = { kind: 'none' };

export function inSet(users: Fragment): UserSet {
  return { kind: 'in', users };
}

export function notInSet(users: Fragment): UserSet {
  return { kind: 'not_in', users };
}

export function complement(s: UserSet): UserSet {
  switch (s.kind) {
    case 'all': return NONE;
    case 'none': return ALL;
    case 'in': return notInSet(s.users);
    case 'not_in': return inSet(s.users);
  }
}

type Listed = Extract<UserSet, { users: Fragment }>;

/** Rows of `base` whose user is in every `keep` and in no `drop`. */
function filtered(base: Fragment, keep: readonly Fragment[], drop: readonly Fragment[]): Fragment {
  if (keep.length === 0 && drop.length === 0) return base;
  const tests = [...keep.map((k) => sql`s.user_id IN (${k})`), ...drop.map((d) => sql`s.user_id NOT IN (${d})`)];
  return sql`SELECT s.user_id FROM (${base}) s WHERE ${join(tests, ' AND ')}`;
}

function union(sets: readonly Fragment[]): Fragment {
  if (sets.length === 1) return sets[0]!;
  return join(sets.map((s) => sql`SELECT s.user_id FROM (${s}) s`), ' UNION ALL ');
}

function split(sets: readonly UserSet[]): { positive: Fragment[]; negative: Fragment[] } {
  const listed = sets.filter((s): s is Listed => s.kind === 'in' || s.kind === 'not_in');
  return { positive: listed.filter((s) => s.kind === 'in').map((s) => s.users), negative: listed.filter((s) => s.kind === 'not_in').map((s) => s.users) };
}

export function intersect(sets: readonly UserSet[]): UserSet {
  if (sets.some((s) => s.kind === 'none')) return NONE;
  const { positive, negative } = split(sets);
  if (positive.length > 0) return inSet(filtered(positive[0]!, positive.slice(1), negative));
  if (negative.length > 0) return notInSet(union(negative));
  return ALL;
}

export function unite(sets: readonly UserSet[]): UserSet {
  if (sets.some((s) => s.kind === 'all')) return ALL;
  const { positive, negative } = split(sets);
  // Not in every negative part's users, unless a positive part brings them back.
  if (negative.length > 0) return notInSet(filtered(negative[0]!, negative.slice(1), positive));
  if (positive.length > 0) return inSet(union(positive));
  return NONE;
}

/** The set as a test on `p.user_id` (never NULL: user ids are NOT NULL everywhere). */
export function setPredicate(s: UserSet): Fragment {
  switch (s.kind) {
    case 'all': return TRUE;
    case 'none': return FALSE;
    case 'in': return sql`p.user_id IN (${s.users})`;
    case 'not_in': return sql`p.user_id NOT IN (${s.users})`;
  }
}
