import type { TimeUnit, Window } from './schema.js';

const DAY_MS = 86_400_000;
/** The conventions of the product: a week is 7 days, a month 30, a year 365. */
export const UNIT_DAYS: Record<TimeUnit, number> = { days: 1, weeks: 7, months: 30, years: 365 };

export function durationDays(amount: number, unit: TimeUnit): number {
  return amount * UNIT_DAYS[unit];
}

export function subtractDays(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}

/** The [from, to) range a window covers at `now`. */
export function windowRange(window: Window, now: Date): { from: Date; to: Date } {
  if (window.kind === 'last') return { from: subtractDays(now, durationDays(window.amount, window.unit)), to: now };
  return { from: new Date(window.from), to: new Date(window.to) };
}

/** How many days back from `now` a window reaches (for the plan's lookback limit). */
export function windowReachDays(window: Window, now: Date): number {
  if (window.kind === 'last') return durationDays(window.amount, window.unit);
  return (now.getTime() - new Date(window.from).getTime()) / DAY_MS;
}
