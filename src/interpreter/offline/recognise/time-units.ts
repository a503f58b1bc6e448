/** Units of time as written ("days", "wks", "quarter") and small amounts ("a", "two"). */
import type { TimeUnit } from '../../../definition/schema.js';
import type { Token } from '../text/tokenize.js';
import { numberWord } from '../text/numbers.js';

export type UnitWord = { unit: TimeUnit; multiply: number } | { unit: 'hours'; multiply: number };

const UNITS: Record<string, UnitWord> = {
  day: { unit: 'days', multiply: 1 }, days: { unit: 'days', multiply: 1 }, d: { unit: 'days', multiply: 1 },
  week: { unit: 'weeks', multiply: 1 }, weeks: { unit: 'weeks', multiply: 1 }, wk: { unit: 'weeks', multiply: 1 }, wks: { unit: 'weeks', multiply: 1 },
  month: { unit: 'months', multiply: 1 }, months: { unit: 'months', multiply: 1 }, mo: { unit: 'months', multiply: 1 }, mos: { unit: 'months', multiply: 1 },
  year: { unit: 'years', multiply: 1 }, years: { unit: 'years', multiply: 1 }, yr: { unit: 'years', multiply: 1 }, yrs: { unit: 'years', multiply: 1 },
  quarter: { unit: 'months', multiply: 3 }, quarters: { unit: 'months', multiply: 3 },
  fortnight: { unit: 'weeks', multiply: 2 }, fortnights: { unit: 'weeks', multiply: 2 },
  hour: { unit: 'hours', multiply: 1 }, hours: { unit: 'hours', multiply: 1 }, hrs: { unit: 'hours', multiply: 1 },
};

export function unitAt(tokens: readonly Token[], i: number): UnitWord | undefined {
  const t = tokens[i];
  return t && t.kind === 'word' ? UNITS[t.norm] : undefined;
}

/** An amount written as digits or a word; "a"/"an" count as one where a unit follows. */
export function amountAt(tokens: readonly Token[], i: number): number | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'number' && !t.money && t.value !== undefined) return t.value;
  if (t.kind !== 'word') return undefined;
  if (t.norm === 'a' || t.norm === 'an') return unitAt(tokens, i + 1) ? 1 : undefined;
  return numberWord(t.norm);
}

/** A duration in whole units the schema accepts: hours become (at least one) day. */
export function toDuration(amount: number, unit: UnitWord): { amount: number; unit: TimeUnit } | undefined {
  if (!(amount > 0)) return undefined;
  if (unit.unit === 'hours') return { amount: Math.max(1, Math.ceil(amount / 24)), unit: 'days' };
  const total = amount * unit.multiply;
  if (!Number.isInteger(total)) {
    // "1.5 years", "half a year": in days keeps it exact.
    const days = { days: 1, weeks: 7, months: 30, years: 365 }[unit.unit] * total;
    return { amount: Math.round(days), unit: 'days' };
  }
  return { amount: total, unit: unit.unit };
}
