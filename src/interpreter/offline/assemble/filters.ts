/** Property filters and trait conditions from values said together ("gold or platinum"). */
import type { Comparator, PropertyFilter } from '../../../definition/schema.js';
import type { EventInfo, PropertyInfo } from '../../../catalog/types.js';
import { lemmas } from '../../../vocabulary/lemma.js';
import { nameWords } from '../../../vocabulary/name-words.js';
import { moneyPropertyOf, scorePropertyOf } from '../../../vocabulary/roles.js';
import type { Comparison } from '../recognise/mentions.js';

type Scalar = string | number | boolean;

export function valueFilter(property: string, values: Scalar[], negated: boolean): PropertyFilter {
  const unique = [...new Set(values)];
  if (unique.length === 1) return { property, op: negated ? 'neq' : 'eq', value: unique[0]! };
  return { property, op: negated ? 'not_in' : 'in', value: unique };
}

export function comparisonFilter(property: string, c: Comparison): PropertyFilter {
  if (c.op === 'between') {
    const [lo, hi] = c.value as [number, number];
    return { property, op: 'between', value: [lo, hi] };
  }
  return { property, op: c.op, value: c.value as number };
}

/** "not more than 3 times" is "at most 3 times". */
export function invert(op: Comparator): Comparator {
  const map: Record<Comparator, Comparator> = { gt: 'lte', gte: 'lt', lt: 'gte', lte: 'gt', eq: 'neq', neq: 'eq' };
  return map[op];
}

/** The property that holds an event's money: by name in any style, else by a description that talks about money. */
export const moneyProperty = moneyPropertyOf;

/** The property holding a star rating or a score. */
export const ratingProperty = scorePropertyOf;

/** Kinds of unit, and the words a property measured in them has in its name or description. */
const UNIT_CLASSES: Array<{ units: RegExp; words: RegExp }> = [
  { units: /^(seconds?|secs?|minutes?|mins?|hours?|hrs?)$/, words: /\b(duration|time|length|minutes?|mins?|seconds?|secs?|hours?|watch|watched|read|listen|playtime)\b/i },
  { units: /^(mb|megabytes|gb|gigabytes|kb|kilobytes)$/, words: /\b(size|mb|gb|kb|bytes?|megabytes?)\b/i },
  { units: /^(km|kms|kilomet(er|re)s|miles?)$/, words: /\b(distance|km|miles?|length)\b/i },
  { units: /^(kg|kgs|kilos|lbs)$/, words: /\b(weight|kg|lbs?)\b/i },
];

/**
 * The numeric property of these events a unit names: "50 MB" is `size_mb`, "300 seconds" the read
 * time, "3 nights" `nights`. The unit's own word in the name first, then its kind.
 */
export function measuredBy(unit: string, events: ReadonlyArray<EventInfo | undefined>): PropertyInfo | undefined {
  const numeric = events.flatMap((e) => e?.properties.filter((p) => p.type === 'number') ?? []);
  const base = lemmas(unit).at(-1)!;
  const named = numeric.find((p) => nameWords(p.name).some((w) => lemmas(w).includes(base)));
  if (named) return named;
  const kind = UNIT_CLASSES.find((c) => c.units.test(unit.toLowerCase()));
  if (!kind) return undefined;
  return numeric.find((p) => kind.words.test(nameWords(p.name).join(' '))) ?? numeric.find((p) => kind.words.test(p.description ?? ''));
}
