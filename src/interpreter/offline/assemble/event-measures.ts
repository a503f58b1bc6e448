/**
 * Measures that read as something other than a count: an account's age ("joined more than a
 * year ago" is a date trait) and a first purchase ("first purchase in the last 30 days" is
 * bought in the window and never before it).
 */
import type { Comparator, Window } from '../../../definition/schema.js';
import { durationDays, subtractDays } from '../../../definition/time.js';
import type { Comparison, Mention, WindowSpec } from '../recognise/mentions.js';
import type { EventDraft, LeafDraft } from './drafts.js';
import type { AssembleEnv } from './env.js';
import { invert } from './filters.js';
import { only } from './event-source.js';

/** "signed up more than a year ago", "joined before 2025": the account creation date trait. */
export function accountAge(ms: readonly Mention[], events: readonly string[], negated: boolean, env: AssembleEnv): LeafDraft | undefined {
  const accountDate = env.index.catalog.traits.find((t) => (t.type === 'date' || t.type === 'datetime') && /created|joined|signup|sign_up|registered/i.test(t.name));
  const ago = only(ms, 'ago')[0];
  const date = only(ms, 'date_cmp')[0];
  if (!accountDate || (!ago && !date) || events.length !== 1) return undefined;
  const signup = env.events.role('signup');
  if (!signup || events[0] !== signup.name) return undefined;
  if (ago) {
    const older = (ago.op === 'more_than') !== negated;
    return { kind: 'leaf', condition: { type: 'trait', trait: accountDate.name, op: older ? 'before_last' : 'in_last', amount: ago.amount, unit: ago.unit } };
  }
  const op: Comparator = negated ? (date!.op === 'lt' ? 'gte' : 'lte') : date!.op;
  return { kind: 'leaf', condition: { type: 'trait', trait: accountDate.name, op, value: date!.date } };
}

/** "first purchase in the last 30 days": in the window at least once, none in the plan's history before it. */
export function firstTime(base: Omit<EventDraft, 'measure' | 'order' | 'window' | 'fixedWindow'>, window: WindowSpec | undefined, env: AssembleEnv): EventDraft[] | undefined {
  if (window?.kind !== 'window' || window.window.kind !== 'last') return undefined;
  const w = window.window;
  const lookback = env.index.catalog.workspace.lookbackDays;
  const reach = durationDays(w.amount, w.unit);
  const drafts: EventDraft[] = [{ ...base, fixedWindow: w, measure: { type: 'count', op: 'gte', value: 1 }, order: env.nextOrder() }];
  if (reach < lookback) {
    const before: Window = { kind: 'between', from: subtractDays(env.now, lookback).toISOString(), to: subtractDays(env.now, reach).toISOString() };
    drafts.push({ ...base, fixedWindow: before, measure: { type: 'count', op: 'eq', value: 0 }, order: env.nextOrder() });
  }
  return drafts;
}

/** "haven't purchased" is zero times; "not more than twice" is at most twice. */
export function negateCount(c: { op: Comparator; value: number }): { op: Comparator; value: number } {
  if (c.op === 'gte' && c.value === 1) return { op: 'eq', value: 0 };
  return { op: invert(c.op), value: c.value };
}

/** "between 2 and 5 orders" is two bounds; no number is "at least once". */
export function countBounds(c: Comparison | { op: Comparator; value: number } | undefined): Array<{ op: Comparator; value: number }> {
  if (!c) return [{ op: 'gte', value: 1 }];
  if (c.op === 'between') {
    const [lo, hi] = c.value as [number, number];
    return [{ op: 'gte', value: Math.ceil(lo) }, { op: 'lte', value: Math.floor(hi) }];
  }
  return [{ op: c.op, value: Math.round(c.value as number) }];
}
