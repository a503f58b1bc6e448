/**
 * How values, amounts of time and lists read in an explanation. Fixed to en-US number style
 * so the same definition always reads the same, whatever the server's locale.
 */
import type { Scalar, TimeUnit, Window } from './schema.js';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });
/** Longer lists are cut, so one line stays one line. */
const MAX_LISTED = 10;

/** Event properties that hold an amount of money, by the names tracking plans give them. */
const MONEY_PROPERTY = /(^|_)(total|subtotal|amount|price|value|revenue|spend|spent)$/i;

export function isMoneyProperty(property: string): boolean {
  return MONEY_PROPERTY.test(property);
}

export function formatNumber(n: number): string {
  return NUMBER.format(n);
}

export function formatMoney(n: number, currency: string): string {
  const digits = Number.isInteger(n) ? 0 : 2;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
  } catch {
    return `${formatNumber(n)} ${currency}`; // not an ISO 4217 code: say it after the number
  }
}

export function formatScalar(v: Scalar): string {
  return typeof v === 'number' ? formatNumber(v) : String(v);
}

function listed(items: string[]): { shown: string[]; more: number } {
  return items.length > MAX_LISTED ? { shown: items.slice(0, MAX_LISTED), more: items.length - MAX_LISTED } : { shown: items, more: 0 };
}

/** "gold", "gold or platinum", "bronze, silver or gold". */
export function joinAlternatives(items: string[]): string {
  const { shown, more } = listed(items);
  if (more > 0) return `${shown.join(', ')} or ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} or ${shown.at(-1)}`;
}

/** "Cat Lover, Pet Supplies Buyer" (after "any of", "all of", "none of"). */
export function joinItems(items: string[]): string {
  const { shown, more } = listed(items);
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

const SINGULAR: Record<TimeUnit, string> = { days: 'day', weeks: 'week', months: 'month', years: 'year' };

/** "30 days", "1 month". */
export function formatAmount(amount: number, unit: TimeUnit): string {
  return `${formatNumber(amount)} ${amount === 1 ? SINGULAR[unit] : unit}`;
}

/** "the last 30 days", "the last month". */
export function lastPeriod(amount: number, unit: TimeUnit): string {
  return amount === 1 ? `the last ${SINGULAR[unit]}` : `the last ${formatAmount(amount, unit)}`;
}

/** A date as the user wrote it: the day alone when it is midnight UTC. */
export function formatDate(iso: string): string {
  return iso.replace(/T00:00(:00(\.0+)?)?(Z|[+-]00:?00)$/, '');
}

/** " in the last 30 days", " from 2026-01-01 until 2026-03-01", or "" for all history. */
export function windowPhrase(window: Window | undefined): string {
  if (!window) return '';
  if (window.kind === 'last') return ` in ${lastPeriod(window.amount, window.unit)}`;
  return ` from ${formatDate(window.from)} until ${formatDate(window.to)}`;
}
