/**
 * The ten definitions the compute benchmark times: one per kind of condition a marketer asks
 * for most, over the events and traits every generated workspace (and `shop/`) has.
 */
import { parseDefinition } from '../src/definition/parse.js';
import type { AudienceDefinition, AudienceDefinitionInput, Condition } from '../src/definition/schema.js';

export interface BenchDefinition {
  /** Short key for tables. */
  key: string;
  /** What a marketer would have typed. */
  description: string;
  definition: AudienceDefinition;
}

const and = (...conditions: Condition[]): AudienceDefinitionInput['root'] => ({ type: 'group', op: 'and', conditions });

const last = (amount: number) => ({ kind: 'last' as const, amount, unit: 'days' as const });

const INPUTS: { key: string; description: string; input: AudienceDefinitionInput }[] = [
  {
    key: 'negation',
    description: 'no purchase in the last 30 days',
    input: { version: 1, root: and({ type: 'event', events: ['Order Completed'], filters: [], window: last(30), count: { op: 'eq', value: 0 } }) },
  },
  {
    key: 'window',
    description: 'viewed a product but did not purchase in the last 7 days',
    input: {
      version: 1,
      root: and(
        { type: 'event', events: ['Product Viewed'], filters: [], window: last(7), count: { op: 'gte', value: 1 } },
        { type: 'event', events: ['Order Completed'], filters: [], window: last(7), count: { op: 'eq', value: 0 } },
      ),
    },
  },
  {
    key: 'sum',
    description: 'spent more than $1,000 in total',
    input: { version: 1, root: and({ type: 'aggregate', events: ['Order Completed'], filters: [], fn: 'sum', property: 'total', op: 'gt', value: 1000 }) },
  },
  {
    key: 'avg',
    description: 'average order value over $100',
    input: { version: 1, root: and({ type: 'aggregate', events: ['Order Completed'], filters: [], fn: 'avg', property: 'total', op: 'gt', value: 100 }) },
  },
  {
    key: 'recency',
    description: 'last purchase more than 180 days ago',
    input: { version: 1, root: and({ type: 'recency', events: ['Order Completed'], filters: [], op: 'more_than', amount: 180, unit: 'days' }) },
  },
  {
    key: 'traits',
    description: 'from Germany or France, aged 25 to 34',
    input: {
      version: 1,
      root: and(
        { type: 'trait', trait: 'country', op: 'in', value: ['DE', 'FR'] },
        { type: 'trait', trait: 'age', op: 'between', value: [25, 34] },
      ),
    },
  },
  {
    key: 'lists',
    description: 'in Spring Sale Attendees, not on the Blocklist',
    input: {
      version: 1,
      root: and({ type: 'list', list: 'Spring Sale Attendees', op: 'in' }, { type: 'list', list: 'Blocklist', op: 'not_in' }),
    },
  },
  {
    key: 'tags',
    description: 'tagged Cat Lover or Dog Lover',
    input: { version: 1, root: and({ type: 'trait', trait: 'tags', op: 'contains_any', value: ['Cat Lover', 'Dog Lover'] }) },
  },
  {
    key: 'or-groups',
    description: 'gold/platinum who bought in 30 days, or subscribers who opened 3+ emails in 30 days',
    input: {
      version: 1,
      root: {
        type: 'group',
        op: 'or',
        conditions: [
          and(
            { type: 'trait', trait: 'membership_tier', op: 'in', value: ['gold', 'platinum'] },
            { type: 'event', events: ['Order Completed'], filters: [], window: last(30), count: { op: 'gte', value: 1 } },
          ),
          and(
            { type: 'trait', trait: 'email_subscribed', op: 'eq', value: true },
            { type: 'event', events: ['Email Opened'], filters: [], window: last(30), count: { op: 'gte', value: 3 } },
          ),
        ],
      },
    },
  },
  {
    key: 'count-filter',
    description: 'viewed Beauty products at least 3 times in the last 90 days',
    input: {
      version: 1,
      root: and({
        type: 'event',
        events: ['Product Viewed'],
        filters: [{ property: 'category', op: 'eq', value: 'Beauty' }],
        window: last(90),
        count: { op: 'gte', value: 3 },
      }),
    },
  },
];

/** The ten definitions, parsed (with the same limits users get). */
export function benchDefinitions(): BenchDefinition[] {
  return INPUTS.map(({ key, description, input }) => ({ key, description, definition: parseDefinition(input) }));
}
