/** Property filters and trait conditions from values said together ("gold or platinum"). */
import type { Comparator, PropertyFilter } from '../../../definition/schema.js';
import type { EventInfo, PropertyInfo } from '../../../catalog/types.js';
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

const MONEY_NAME = /^(total|amount|revenue|value|order_total|subtotal|cart_value|price|order_value|grand_total)$/i;

/** The property that holds an event's money: by name, else by a description that talks about value. */
export function moneyProperty(event: EventInfo | undefined): PropertyInfo | undefined {
  if (!event) return undefined;
  const numeric = event.properties.filter((p) => p.type === 'number');
  return numeric.find((p) => MONEY_NAME.test(p.name)) ?? numeric.find((p) => /value|usd|amount|revenue|price|\$/i.test(p.description ?? ''));
}

/** The property holding a star rating. */
export function ratingProperty(event: EventInfo | undefined): PropertyInfo | undefined {
  return event?.properties.find((p) => p.type === 'number' && (/rating|stars?|score/i.test(p.name) || /stars?/i.test(p.description ?? '')));
}
