/**
 * A definition in plain words, one line per top-level condition in the order the user reads
 * it: what the user checks before trusting an audience, and what error messages quote.
 * Deterministic: the same definition always reads the same.
 */
import type {
  AggregateCondition, AudienceDefinition, Comparator, Condition, EventCondition, Group,
  PropertyFilter, RecencyCondition, Scalar, TraitCondition,
} from './schema.js';
import {
  formatAmount, formatDate, formatMoney, formatNumber, formatScalar, isMoneyProperty,
  joinAlternatives, joinItems, lastPeriod, windowPhrase,
} from './explain-format.js';
import { explainContext } from './explain-context.js';

export interface ExplainContext {
  /** The workspace currency (ISO 4217), for sums and averages of money. */
  currency: string;
}

const OP_WORDS: Record<Comparator, string> = {
  eq: 'is', neq: 'is not', gt: 'is more than', gte: 'is at least', lt: 'is less than', lte: 'is at most',
};
const DATE_OP_WORDS: Record<Comparator, string> = {
  eq: 'is', neq: 'is not', gt: 'is after', gte: 'is on or after', lt: 'is before', lte: 'is on or before',
};
const ISO_DATE = /^\d{4}-\d{2}-\d{2}/;
/** Events whose money properties are what a customer spent. */
const PURCHASE_EVENT = /order completed|purchase|order placed|checkout completed/i;

/** Leading words start a line with a capital and read lower-case inside a group's line. */
function lead(words: string, capital: boolean): string {
  return capital ? words : words.charAt(0).toLowerCase() + words.slice(1);
}

function propertyValue(property: string, v: Scalar, ctx: ExplainContext): string {
  return typeof v === 'number' && isMoneyProperty(property) ? formatMoney(v, ctx.currency) : formatScalar(v);
}

export function explainFilter(f: PropertyFilter, ctx: ExplainContext): string {
  switch (f.op) {
    case 'exists': return `${f.property} is set`;
    case 'not_exists': return `${f.property} is not set`;
    case 'in': return `${f.property} is ${joinAlternatives(f.value.map((v) => propertyValue(f.property, v, ctx)))}`;
    case 'not_in': return `${f.property} is none of ${joinItems(f.value.map((v) => propertyValue(f.property, v, ctx)))}`;
    case 'between': return `${f.property} is between ${propertyValue(f.property, f.value[0], ctx)} and ${propertyValue(f.property, f.value[1], ctx)}`;
    case 'contains': return `${f.property} contains ${f.value}`;
    case 'not_contains': return `${f.property} does not contain ${f.value}`;
    default: return `${f.property} ${OP_WORDS[f.op]} ${propertyValue(f.property, f.value, ctx)}`;
  }
}

function filtersPhrase(filters: PropertyFilter[], ctx: ExplainContext): string {
  return filters.length ? ` where ${filters.map((f) => explainFilter(f, ctx)).join(' and ')}` : '';
}

function timesPhrase({ op, value: n }: EventCondition['count']): string {
  const times = (k: number) => (k === 1 ? 'once' : `${formatNumber(k)} times`);
  switch (op) {
    case 'eq': return n === 0 ? '0 times' : `exactly ${times(n)}`;
    case 'neq': return n === 0 ? 'at least once' : `a number of times other than ${formatNumber(n)}`;
    case 'gt': return n === 0 ? 'at least once' : `more than ${times(n)}`;
    case 'gte': return n <= 1 ? (n === 1 ? 'at least once' : 'any number of times') : `at least ${times(n)}`;
    case 'lt': return n <= 1 ? '0 times' : `fewer than ${formatNumber(n)} times`;
    case 'lte': return n === 0 ? '0 times' : `at most ${times(n)}`;
  }
}

function explainEvent(c: EventCondition, ctx: ExplainContext, capital: boolean): string {
  const subject = `${c.events.length > 1 ? `any of ${joinItems(c.events)}` : c.events[0]}${filtersPhrase(c.filters, ctx)}`;
  const none = ((c.count.op === 'eq' || c.count.op === 'lte') && c.count.value === 0) || (c.count.op === 'lt' && c.count.value <= 1);
  if (none && !c.window) return `${lead('Never performed', capital)} ${subject}`;
  return `${lead('Performed', capital)} ${subject} ${timesPhrase(c.count)}${windowPhrase(c.window)}`;
}

function explainAggregate(c: AggregateCondition, ctx: ExplainContext, capital: boolean): string {
  const ref = `${c.events.length > 1 ? `${c.property} over any of ${joinItems(c.events)}` : `${c.events[0]}.${c.property}`}${filtersPhrase(c.filters, ctx)}`;
  const money = isMoneyProperty(c.property);
  const spend = c.fn === 'sum' && money && c.events.every((e) => PURCHASE_EVENT.test(e));
  const label = spend
    ? `${lead('Total spend', capital)} (sum of ${ref})`
    : `${lead({ sum: 'Sum', avg: 'Average', min: 'Minimum', max: 'Maximum' }[c.fn], capital)} of ${ref}`;
  const value = money ? formatMoney(c.value, ctx.currency) : formatNumber(c.value);
  return `${label}${windowPhrase(c.window)} ${OP_WORDS[c.op]} ${value}`;
}

function explainRecency(c: RecencyCondition, ctx: ExplainContext, capital: boolean): string {
  const subject = `${joinAlternatives(c.events)}${filtersPhrase(c.filters, ctx)}`;
  if (c.op === 'never') return `${lead('Never performed', capital)} ${subject}`;
  if (c.op === 'more_than') return `${lead('Last', capital)} ${subject} more than ${formatAmount(c.amount, c.unit)} ago`;
  return `${lead('Last', capital)} ${subject} within ${lastPeriod(c.amount, c.unit)}`;
}

function traitValue(v: Scalar | string): string {
  return typeof v === 'string' && ISO_DATE.test(v) ? formatDate(v) : formatScalar(v);
}

function explainTrait(c: TraitCondition): string {
  const t = c.trait;
  switch (c.op) {
    case 'exists': return `${t} exists`;
    case 'not_exists': return `${t} does not exist`;
    case 'in': return `${t} is ${joinAlternatives(c.value.map(traitValue))}`;
    case 'not_in': return `${t} is none of ${joinItems(c.value.map(traitValue))}`;
    case 'between': return `${t} is between ${traitValue(c.value[0])} and ${traitValue(c.value[1])}`;
    case 'contains': return `${t} contains ${c.value}`;
    case 'not_contains': return `${t} does not contain ${c.value}`;
    case 'contains_any': return `${t} contains any of ${joinItems(c.value)}`;
    case 'contains_all': return `${t} contains all of ${joinItems(c.value)}`;
    case 'contains_none': return `${t} contains none of ${joinItems(c.value)}`;
    case 'in_last': return `${t} is in ${lastPeriod(c.amount, c.unit)}`;
    case 'before_last': return `${t} is more than ${formatAmount(c.amount, c.unit)} ago`;
    default: {
      const words = typeof c.value === 'string' && ISO_DATE.test(c.value) ? DATE_OP_WORDS : OP_WORDS;
      return `${t} ${words[c.op]} ${traitValue(c.value)}`;
    }
  }
}

function explainGroup(g: Group, ctx: ExplainContext, capital: boolean): string {
  // A group of one reads as its condition. Decided before phrasing the children: phrasing them
  // here and again below doubled the work at every level (nested single groups took 2^depth).
  if (g.conditions.length === 1) return phrase(g.conditions[0]!, ctx, capital);
  const parts = g.conditions.map((c) => (c.type === 'group' ? `(${phrase(c, ctx, false)})` : phrase(c, ctx, false)));
  return g.op === 'or' ? `${lead('Either', capital)}: ${parts.join(', or ')}` : `${lead('All of', capital)}: ${parts.join(', and ')}`;
}

function phrase(c: Condition, ctx: ExplainContext, capital: boolean): string {
  switch (c.type) {
    case 'group': return explainGroup(c, ctx, capital);
    case 'event': return explainEvent(c, ctx, capital);
    case 'aggregate': return explainAggregate(c, ctx, capital);
    case 'recency': return explainRecency(c, ctx, capital);
    case 'trait': return explainTrait(c);
    case 'list': return `${lead(c.op === 'in' ? 'In' : 'Not in', capital)} the list ${c.list}`;
    case 'context': return explainContext(c, capital);
  }
}

export function explainCondition(c: Condition, ctx: ExplainContext): string {
  return phrase(c, ctx, true);
}

/**
 * One line per top-level condition, then one per exclusion. When the top level is OR, every
 * line after the first starts with "Or".
 */
export function explainDefinition(def: AudienceDefinition, ctx: ExplainContext): string[] {
  const { root } = def;
  const lines = root.conditions.map((c, i) => (root.op === 'or' && i > 0 ? `Or ${phrase(c, ctx, false)}` : explainCondition(c, ctx)));
  return [...lines, ...def.exclude.map((e) => `Excluding ${e.name}`)];
}
