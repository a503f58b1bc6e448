/**
 * Live audiences as the page shows and changes them: a membership duration in words, the
 * duration the picker means, and the order after moving one audience up or down.
 */

const UNIT_WORDS = { hours: ['hour', 'hours'], days: ['day', 'days'], weeks: ['week', 'weeks'] };

/** `{unit:'days', amount:7}` → "7 days"; the session → "This session". */
export function formatDuration(duration) {
  if (!duration || duration.unit === 'session') return 'This session';
  const words = UNIT_WORDS[duration.unit] ?? [duration.unit, duration.unit];
  return `${duration.amount} ${duration.amount === 1 ? words[0] : words[1]}`;
}

export const MAX_DURATION_AMOUNT = 365;

/**
 * What the picker's unit and amount mean, or a problem in words when the amount is not a whole
 * number from 1 to 365.
 * @returns {{ duration: { unit: string, amount?: number } } | { problem: string }}
 */
export function readDuration(unit, amountText) {
  if (unit === 'session') return { duration: { unit: 'session' } };
  const amount = Number(String(amountText).trim());
  if (!Number.isInteger(amount) || amount < 1 || amount > MAX_DURATION_AMOUNT) {
    return { problem: `Enter a whole number of ${unit} from 1 to ${MAX_DURATION_AMOUNT}.` };
  }
  return { duration: { unit, amount } };
}

/** The ids in their new order after moving `id` by `delta` places (-1 up, +1 down); undefined when it cannot move. */
export function movedOrder(ids, id, delta) {
  const from = ids.indexOf(id);
  const to = from + delta;
  if (from < 0 || to < 0 || to >= ids.length) return undefined;
  const next = [...ids];
  next.splice(from, 1);
  next.splice(to, 0, id);
  return next;
}
