/**
 * Calendar dates as people write them ("July 1, 2026", "1 July", "March", "2026"), read
 * against `now`: a month without its year is the latest one that has begun.
 */
import type { Window } from '../../../definition/schema.js';
import type { Token } from '../text/tokenize.js';

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_SHORT = MONTHS.map((m) => m.slice(0, 3));

export function utcDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function between(from: Date, to: Date): Window {
  return { kind: 'between', from: utcDay(from), to: to.toISOString() };
}

export function monthIndex(word: string | undefined): number | undefined {
  if (!word) return undefined;
  const w = word.replace(/\.$/, '');
  const full = MONTHS.indexOf(w);
  if (full >= 0) return full;
  const short = MONTH_SHORT.indexOf(w === 'sept' ? 'sep' : w);
  return short >= 0 ? short : undefined;
}

export function yearAt(tokens: readonly Token[], i: number): number | undefined {
  const t = tokens[i];
  return t?.kind === 'number' && !t.money && t.value !== undefined && Number.isInteger(t.value) && t.value >= 1970 && t.value <= 2100 ? t.value : undefined;
}

/** A day of the month as written after or before a month name: "1", "1st", "15th". */
function dayAt(tokens: readonly Token[], i: number): { day: number; end: number } | undefined {
  const t = tokens[i];
  if (t?.kind !== 'number' || t.money || t.value === undefined || !Number.isInteger(t.value) || t.value < 1 || t.value > 31) return undefined;
  const suffix = ['st', 'nd', 'rd', 'th'].includes(tokens[i + 1]?.norm ?? '') && tokens[i + 1]!.start === t.end;
  return { day: t.value, end: suffix ? i + 2 : i + 1 };
}

/**
 * A calendar date said in words: "July 1, 2026", "1 July 2026", "July 1st", "March 2026",
 * "March". A month without a year is the latest one that has begun by `now`.
 */
export function spokenDate(tokens: readonly Token[], i: number, now: Date): { date: Date; end: number } | undefined {
  let j = i;
  let day = dayAt(tokens, j);
  if (day) j = day.end;
  if (day && tokens[j]?.norm === 'of') j++;
  const month = monthIndex(tokens[j]?.norm);
  if (month === undefined) return undefined;
  j++;
  if (!day) {
    day = dayAt(tokens, j);
    if (day && yearAt(tokens, j) === undefined) j = day.end;
    else day = undefined;
  }
  let k = tokens[j]?.text === ',' ? j + 1 : j;
  const year = yearAt(tokens, k);
  if (year !== undefined) k++;
  const end = year !== undefined ? k : j;
  const d = day?.day ?? 1;
  let y = year ?? now.getUTCFullYear();
  if (year === undefined && Date.UTC(y, month, d) > now.getTime()) y--;
  return { date: new Date(Date.UTC(y, month, d)), end };
}

