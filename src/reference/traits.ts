/**
 * Trait conditions over one profile's traits in memory. Negative operators hold for profiles
 * without the trait; list traits (string[]) are tested item by item.
 */
import type { TraitCondition } from '../definition/schema.js';
import { durationDays, subtractDays } from '../definition/time.js';
import type { ValueType } from '../catalog/types.js';
import { compareValue, containsText, hasValue, inRange, oneOf, timeOf, type Kind } from './values.js';

function items(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : typeof v === 'string' && v !== '' ? [v] : [];
}

function listTrait(v: unknown, c: TraitCondition): boolean {
  const have = items(v);
  switch (c.op) {
    case 'exists': return have.length > 0;
    case 'not_exists': return have.length === 0;
    case 'eq': return have.includes(c.value as string);
    case 'neq': return !have.includes(c.value as string);
    case 'in': case 'contains_any': return c.value.some((x) => have.includes(x as string));
    case 'not_in': case 'contains_none': return !c.value.some((x) => have.includes(x as string));
    case 'contains_all': return c.value.every((x) => have.includes(x));
    case 'contains': return have.some((x) => x.toLowerCase() === c.value.toLowerCase());
    case 'not_contains': return !have.some((x) => x.toLowerCase() === c.value.toLowerCase());
    default: throw new Error(`reference: ${c.op} does not apply to the list trait ${c.trait}`);
  }
}

function kindOf(type: ValueType): Kind {
  return type === 'date' || type === 'datetime' ? 'time' : (type as Kind);
}

function scalarTrait(v: unknown, kind: Kind, c: TraitCondition, now: Date): boolean {
  const present = hasValue(v);
  switch (c.op) {
    case 'exists': return present;
    case 'not_exists': return !present;
    case 'eq': case 'gt': case 'gte': case 'lt': case 'lte': return present && compareValue(v, kind, c.op, c.value);
    case 'neq': return !present || !compareValue(v, kind, 'eq', c.value);
    case 'between': return present && inRange(v, kind, c.value);
    case 'in': return present && oneOf(v, kind, c.value);
    case 'not_in': return !present || !oneOf(v, kind, c.value);
    case 'contains': return containsText(v, c.value);
    case 'not_contains': return !containsText(v, c.value);
    case 'contains_any': return c.value.some((x) => containsText(v, x));
    case 'contains_all': return c.value.every((x) => containsText(v, x));
    case 'contains_none': return !c.value.some((x) => containsText(v, x));
    case 'in_last': case 'before_last': {
      const t = timeOf(v);
      if (kind !== 'time') throw new Error(`reference: ${c.trait} is not a date`);
      if (t === undefined) return false;
      const cutoff = subtractDays(now, durationDays(c.amount, c.unit)).getTime();
      return c.op === 'in_last' ? t >= cutoff && t <= now.getTime() : t < cutoff;
    }
  }
}

export function evaluateTrait(traits: Record<string, unknown>, c: TraitCondition, types: Record<string, ValueType>, now: Date): boolean {
  const type = types[c.trait];
  if (!type) throw new Error(`reference: unknown trait ${c.trait}`);
  const v = traits[c.trait];
  return type === 'string[]' ? listTrait(v, c) : scalarTrait(v, kindOf(type), c, now);
}
