/** Numbers, shares and times as the page shows them, in the reader's locale. */

const count = new Intl.NumberFormat(undefined);
const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

export const formatCount = (n) => count.format(n);

/** 0.0563 → "5.6%"; a share of an empty whole is 0. */
export const formatShare = (part, whole) => percent.format(whole > 0 ? part / whole : 0);

const relative = typeof Intl.RelativeTimeFormat === 'function' ? new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }) : undefined;
const STEPS = [
  ['second', 60], ['minute', 60], ['hour', 24], ['day', 7], ['week', 4.35], ['month', 12], ['year', Infinity],
];

/** "3 minutes ago", from an ISO time. */
export function formatAgo(iso, now = Date.now()) {
  const then = Date.parse(iso);
  if (!Number.isFinite(then)) return '';
  let amount = (then - now) / 1000;
  for (const [unit, size] of STEPS) {
    if (Math.abs(amount) < size) return relative ? relative.format(Math.round(amount), unit) : new Date(then).toLocaleString();
    amount /= size;
  }
  return new Date(then).toLocaleString();
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An absolute date and time (the service's clock, not the reader's, made it). */
export function formatDateTime(iso) {
  const t = Date.parse(iso);
  return Number.isFinite(t) ? dateTime.format(t) : '';
}

/** `membership_tier` → "Membership tier". */
export function humanize(key) {
  const words = String(key).replace(/[_-]+/g, ' ').replace(/([a-z])([A-Z])/g, '$1 $2').trim();
  return words.charAt(0).toUpperCase() + words.slice(1).toLowerCase();
}
