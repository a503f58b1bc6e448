/**
 * Whether a request already says in numbers what a vague word would mean: "loyal customers
 * with more than 8 orders" needs no question about "loyal".
 */
import type { CatalogIndex } from '../resolve/catalog-index.js';
import type { Notion } from '../recognise/mentions.js';
import type { Draft } from '../assemble/drafts.js';
import { moneyProperty } from '../assemble/filters.js';

export function coveredByNumbers(notion: Notion, drafts: readonly Draft[], index: CatalogIndex): boolean {
  const events = drafts.filter((d) => d.kind === 'event');
  const leaves = drafts.filter((d) => d.kind === 'leaf');
  const moneyFilter = events.some((d) => d.filters.some((f) => f.op === 'between' || (['gt', 'gte', 'lt', 'lte'].includes(f.op) && 'value' in f && typeof f.value === 'number')));
  // An average rating says nothing about spending or loyalty: only measures of money do.
  const aggregate = events.some((d) => d.measure.type === 'aggregate' && d.measure.property === moneyProperty(index.event(d.events[0]!))?.name);
  const explicitCount = events.some((d) => d.measure.type === 'count' && !(d.measure.op === 'gte' && d.measure.value === 1) && !(d.measure.op === 'eq' && d.measure.value === 0));
  switch (notion) {
    case 'spend': return aggregate || moneyFilter;
    case 'frequency': return aggregate || explicitCount;
    case 'churn': return events.some((d) => d.measure.type === 'recency' || (d.measure.type === 'count' && d.measure.op === 'eq' && d.measure.value === 0));
    case 'likelihood': return leaves.some((d) => d.condition.type === 'trait' && /probab|propens|likel|score/i.test(d.condition.trait) && index.trait(d.condition.trait)?.type === 'number');
    case 'interest': return events.some((d) => d.filters.length > 0) || leaves.some((d) => d.condition.type === 'trait' && /contains/.test(d.condition.op));
    case 'page': return leaves.some((d) => d.condition.type === 'context' && d.condition.field === 'url');
    case 'hours': return leaves.some((d) => d.condition.type === 'context' && d.condition.field === 'local_time');
    case 'engagement': return explicitCount;
    case 'satisfaction': return events.some((d) => d.filters.length > 0 || d.measure.type === 'aggregate');
    case 'size': return leaves.some((d) => d.condition.type === 'trait' && ['gt', 'gte', 'lt', 'lte', 'between'].includes(d.condition.op));
    case 'new': return events.some((d) => d.window !== undefined || d.fixedWindow !== undefined) || leaves.some((d) => d.condition.type === 'trait' && d.condition.op === 'in_last');
  }
}
