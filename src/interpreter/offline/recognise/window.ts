/**
 * Time windows: "in the last 30 days", "past week", "within 6 months", "this year",
 * "since March", back-references ("in that time") and all-time markers ("ever", "in total").
 */
import type { Window } from '../../../definition/schema.js';
import { subtractDays, UNIT_DAYS } from '../../../definition/time.js';
import { PhraseTable } from '../text/phrase-table.js';
import type { Token } from '../text/tokenize.js';
import type { Mention, WindowSpec } from './mentions.js';
import type { Recognised, ScanEnv } from './scan-types.js';
import { amountAt, toDuration, unitAt } from './time-units.js';
import { between, monthIndex, spokenDate, utcDay, yearAt } from './calendar-dates.js';

export const LEADS = new Set(['in', 'within', 'over', 'during', 'for', 'throughout', 'across', 'inside']);
export const LASTS = new Set(['last', 'past', 'previous', 'prior', 'preceding', 'trailing', 'recent']);

const FIXED = new PhraseTable<WindowSpec>();
for (const p of ['ever', 'of all time', 'all time', 'all-time', 'in total', 'to date', 'so far', 'yet', 'in their lifetime',
  'altogether', 'at any time', 'at any point', 'at all', 'in all', 'since they joined', 'since signing up', 'since sign up', 'lifetime', 'all history', 'any time',
  'since they signed up', 'since signup', 'since joining', 'since they registered', 'since registering', 'since registration', 'since they created their account',
  'since account creation', 'since they became customers', 'since becoming a customer',
  // "bought before but not recently": the earlier clause is all history.
  'before', 'previously', 'in the past', 'at some point', 'at one point', 'earlier', 'historically', 'in the past at some point', 'used to']) {
  FIXED.add(p, { kind: 'alltime' });
}
for (const p of ['in that time', 'in that period', 'during that time', 'during that period', 'in the same period',
  'in the same time', 'in the same window', 'during the same period', 'within that time', 'within that period',
  'in that window', 'over that period', 'over the same period', 'during that window', 'in that timeframe',
  'in the same timeframe', 'in that span', 'in the same time frame', 'in that time frame', 'within the same period',
  'within the same window', 'in the same time period', 'in that time period', 'during the same time', 'since then']) {
  FIXED.add(p, { kind: 'backref' });
}

/** "since March 2026", "since July 1, 2026", "since 2026-03-01", "since 2026", "since last month". */
function since(tokens: readonly Token[], i: number, now: Date): Recognised | undefined {
  if (tokens[i]?.norm !== 'since') return undefined;
  let j = i + 1;
  if (tokens[j]?.norm === 'the' && tokens[j + 1]?.norm === 'start') j += 3;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tokens.slice(j, j + 5).map((t) => t.text).join(''));
  if (iso) return { end: j + 5, body: { kind: 'window', spec: { kind: 'window', window: between(new Date(`${iso[0]}T00:00:00Z`), now) } } };
  const spoken = spokenDate(tokens, j, now);
  if (spoken) return { end: spoken.end, body: { kind: 'window', spec: { kind: 'window', window: between(spoken.date, now) } } };
  const year = yearAt(tokens, j);
  if (year !== undefined) return { end: j + 1, body: { kind: 'window', spec: { kind: 'window', window: between(new Date(Date.UTC(year, 0, 1)), now) } } };
  // "since last month", "since the past week": the same as "in the last month".
  const last = LASTS.has(tokens[j]?.norm ?? '') || (tokens[j]?.norm === 'the' && LASTS.has(tokens[j + 1]?.norm ?? '')) ? rolling(tokens, j) : undefined;
  return last ? { ...last } : undefined;
}

/** "in October", "during March 2026", "in 2025": that calendar month or year. */
function calendarMonth(tokens: readonly Token[], i: number, now: Date): Recognised | undefined {
  if (!['in', 'during', 'throughout'].includes(tokens[i]?.norm ?? '')) return undefined;
  const monthWord = tokens[i + 1]?.norm;
  const month = monthIndex(monthWord);
  const monthYear = yearAt(tokens, i + 2);
  // "may" is usually the verb: only "in May 2026" is the month.
  if (month !== undefined && (monthWord !== 'may' || monthYear !== undefined)) {
    const y = monthYear ?? (month <= now.getUTCMonth() ? now.getUTCFullYear() : now.getUTCFullYear() - 1);
    const from = new Date(Date.UTC(y, month, 1));
    const to = new Date(Date.UTC(y, month + 1, 1));
    return { end: i + (monthYear ? 3 : 2), body: { kind: 'window', spec: { kind: 'window', window: { kind: 'between', from: utcDay(from), to: utcDay(to) } } } };
  }
  const year = yearAt(tokens, i + 1);
  if (year !== undefined && year <= now.getUTCFullYear()) {
    const to = year === now.getUTCFullYear() ? now : new Date(Date.UTC(year + 1, 0, 1));
    return { end: i + 2, body: { kind: 'window', spec: { kind: 'window', window: between(new Date(Date.UTC(year, 0, 1)), to) } } };
  }
  return undefined;
}

/**
 * "this year", "this month", "this week", "today", "yesterday", "year to date". The year is
 * the calendar year to date; "this month", "this week" and "this quarter" are the rolling 30,
 * 7 and 90 days of the product's conventions: a calendar month that began today would leave
 * nothing to count, and nobody asking "this month" on the 1st means an empty window.
 */
function current(tokens: readonly Token[], i: number, now: Date): Recognised | undefined {
  let j = i;
  if (LEADS.has(tokens[j]?.norm ?? '') || tokens[j]?.norm === 'so') j++;
  const w = tokens[j]?.norm;
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const make = (from: Date, end: number, to: Date = now): Recognised => ({ end, body: { kind: 'window', spec: { kind: 'window', window: between(from, to) } } });
  if (w === 'today') return make(today, j + 1);
  if (w === 'yesterday') return { end: j + 1, body: { kind: 'window', spec: { kind: 'window', window: { kind: 'between', from: utcDay(new Date(today.getTime() - 86_400_000)), to: utcDay(today) } } } };
  if (w === 'ytd' || (w === 'year' && tokens[j + 1]?.norm === 'to' && tokens[j + 2]?.norm === 'date')) {
    return make(new Date(Date.UTC(now.getUTCFullYear(), 0, 1)), w === 'ytd' ? j + 1 : j + 3);
  }
  if (w !== 'this' && w !== 'current') return undefined;
  const unit = tokens[j + 1]?.norm;
  if (unit === 'year') return make(new Date(Date.UTC(now.getUTCFullYear(), 0, 1)), j + 2);
  const rollingUnits: Record<string, { amount: number; unit: 'weeks' | 'months' }> = { week: { amount: 1, unit: 'weeks' }, month: { amount: 1, unit: 'months' }, quarter: { amount: 3, unit: 'months' } };
  const period = rollingUnits[unit ?? ''];
  if (period) return { end: j + 2, body: { kind: 'window', spec: { kind: 'window', window: { kind: 'last', ...period } } } };
  return undefined;
}

/** "in the last 30 days", "past week", "within 6 months", "over the previous two quarters". */
function rolling(tokens: readonly Token[], i: number): Recognised | undefined {
  let j = i;
  const lead = LEADS.has(tokens[j]?.norm ?? '') ? tokens[j++]!.norm : undefined;
  if (tokens[j]?.norm === 'the') j++;
  if (tokens[j]?.norm === 'this' && LASTS.has(tokens[j + 1]?.norm ?? '')) j++;
  let last = false;
  if (tokens[j]?.norm === 'most' && tokens[j + 1]?.norm === 'recent') {
    last = true;
    j += 2;
  } else if (LASTS.has(tokens[j]?.norm ?? '')) {
    last = true;
    j++;
  }
  // "for more than 45 days", "in over 4 months": how long the gap is; the window is that long.
  if (lead && !last) {
    const longer = [['more', 'than'], ['over'], ['at', 'least'], ['longer', 'than'], ['upwards', 'of']].find((w) => w.every((x, k) => tokens[j + k]?.norm === x));
    if (longer) j += longer.length;
  }
  let amount = amountAt(tokens, j);
  let half = false;
  if (amount !== undefined) j++;
  else if (tokens[j]?.norm === 'half' && ['a', 'an'].includes(tokens[j + 1]?.norm ?? '')) {
    half = true;
    j += 2;
  }
  if (tokens[j]?.text === '-') j++;
  const unit = unitAt(tokens, j);
  if (!unit) return undefined;
  j++;
  if (tokens[j]?.norm === 'ago') return undefined;
  if (tokens[j]?.norm === 'period' || tokens[j]?.norm === 'window') j++;
  if (!last && !(lead && (amount !== undefined || half))) return undefined;
  const duration = toDuration(half ? 0.5 : amount ?? 1, unit);
  if (!duration) return undefined;
  return { end: j, body: { kind: 'window', spec: { kind: 'window', window: { kind: 'last', ...duration } } } };
}

/** "between 30 and 60 days ago", "30 to 60 days ago": the span between those two points. */
function agoRange(tokens: readonly Token[], i: number, now: Date): Recognised | undefined {
  let j = i;
  if (tokens[j]?.norm === 'between' || tokens[j]?.norm === 'from') j++;
  const a = amountAt(tokens, j);
  if (a === undefined) return undefined;
  j++;
  if (!['and', 'to', '-', 'through'].includes(tokens[j]?.norm ?? '')) return undefined;
  const b = amountAt(tokens, j + 1);
  const unit = unitAt(tokens, j + 2);
  if (b === undefined || !unit || tokens[j + 3]?.norm !== 'ago') return undefined;
  const near = toDuration(Math.min(a, b), unit);
  const far = toDuration(Math.max(a, b), unit);
  if (!far) return undefined;
  const days = (d: { amount: number; unit: keyof typeof UNIT_DAYS } | undefined) => (d ? d.amount * UNIT_DAYS[d.unit] : 0);
  const window: Window = { kind: 'between', from: subtractDays(now, days(far)).toISOString(), to: subtractDays(now, days(near)).toISOString() };
  return { end: j + 4, body: { kind: 'window', spec: { kind: 'window', window } } };
}

/** A calendar date, or an ISO date ("2026-08-01"). */
function dateAt(tokens: readonly Token[], j: number, now: Date): { date: Date; end: number; year: boolean } | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(tokens.slice(j, j + 5).map((t) => t.text).join(''));
  if (iso) return { date: new Date(`${iso[0]}T00:00:00Z`), end: j + 5, year: true };
  const spoken = spokenDate(tokens, j, now);
  return spoken ? { ...spoken, year: yearAt(tokens, spoken.end - 1) !== undefined } : undefined;
}

/**
 * "between August 1 and August 31, 2026", "from jun 1 to aug 31": from the first day to the end
 * of the last. A year said once, at the end, is the first date's year too.
 */
function calendarRange(tokens: readonly Token[], i: number, now: Date): Recognised | undefined {
  const lead = tokens[i]?.norm;
  if (lead !== 'between' && lead !== 'from') return undefined;
  const a = dateAt(tokens, i + 1, now);
  if (!a) return undefined;
  const join = tokens[a.end]?.norm;
  if (!['and', 'to', 'until', 'till', 'through', 'thru', '-'].includes(join ?? tokens[a.end]?.text ?? '')) return undefined;
  const b = dateAt(tokens, a.end + 1, now);
  if (!b) return undefined;
  let from = a.date;
  if (!a.year && b.year) from = new Date(Date.UTC(b.date.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate()));
  // A month said alone ("from June to August") runs to its end; a day to the end of that day.
  const monthOnly = monthIndex(tokens[a.end + 1]?.norm) !== undefined && !/^\d/.test(tokens[a.end + 2]?.text ?? '') && tokens[a.end + 2]?.norm !== 'the';
  const to = monthOnly ? new Date(Date.UTC(b.date.getUTCFullYear(), b.date.getUTCMonth() + 1, 1)) : new Date(b.date.getTime() + 86_400_000);
  if (from.getTime() >= to.getTime()) return undefined;
  return { end: b.end, body: { kind: 'window', spec: { kind: 'window', window: { kind: 'between', from: utcDay(from), to: utcDay(to > now ? now : to) === utcDay(now) ? now.toISOString() : utcDay(to) } } } };
}

export function recogniseWindow(tokens: readonly Token[], i: number, env: ScanEnv, prev?: Mention): Recognised | undefined {
  // "born in 1985": the year is the date trait's value, not a window over events.
  const dateTrait = prev?.kind === 'trait_ref' && ['date', 'datetime'].includes(env.index.trait(prev.trait)?.type ?? '');
  if (dateTrait && calendarMonth(tokens, i, env.now)) return undefined;
  const fixed = FIXED.match(tokens, i);
  const candidates = [
    fixed ? { end: fixed.end, body: { kind: 'window' as const, spec: fixed.payloads[0]! } } : undefined,
    rolling(tokens, i),
    current(tokens, i, env.now),
    since(tokens, i, env.now),
    calendarMonth(tokens, i, env.now),
    agoRange(tokens, i, env.now),
    calendarRange(tokens, i, env.now),
  ].filter((c): c is Recognised => c !== undefined);
  return candidates.sort((a, b) => b.end - a.end)[0];
}
