import { describe, expect, it } from 'vitest';
import { explainCondition, explainDefinition } from '../../src/definition/explain.js';
import { defineAudience } from '../../src/definition/parse.js';
import { Condition, type AudienceDefinitionInput } from '../../src/definition/schema.js';

const usd = { currency: 'USD' };
/** Conditions go through the schema, so defaults (filters: []) are what the engines see. */
const say = (c: unknown, ctx = usd) => explainCondition(Condition.parse(c), ctx);
const purchased = { type: 'event', events: ['Order Completed'] } as const;

describe('explaining event conditions', () => {
  it('counts people who never purchased in a window as 0 times', () => {
    expect(say({ ...purchased, count: { op: 'eq', value: 0 }, window: { kind: 'last', amount: 30, unit: 'days' } }))
      .toBe('Performed Order Completed 0 times in the last 30 days');
  });

  it('says "never" for zero times over all history', () => {
    expect(say({ ...purchased, count: { op: 'eq', value: 0 } })).toBe('Never performed Order Completed');
  });

  it('reads counts the way people say them', () => {
    const viewed = (op: string, value: number) => say({ type: 'event', events: ['Product Viewed'], count: { op, value }, window: { kind: 'last', amount: 7, unit: 'days' } });
    expect(viewed('gte', 1)).toBe('Performed Product Viewed at least once in the last 7 days');
    expect(viewed('gte', 5)).toBe('Performed Product Viewed at least 5 times in the last 7 days');
    expect(viewed('gt', 8)).toBe('Performed Product Viewed more than 8 times in the last 7 days');
    expect(viewed('gt', 1)).toBe('Performed Product Viewed more than once in the last 7 days');
    expect(viewed('lt', 3)).toBe('Performed Product Viewed fewer than 3 times in the last 7 days');
    expect(viewed('lte', 1)).toBe('Performed Product Viewed at most once in the last 7 days');
    expect(viewed('eq', 2)).toBe('Performed Product Viewed exactly 2 times in the last 7 days');
  });

  it('names several events and the property filters', () => {
    expect(say({
      type: 'event', events: ['Email Opened', 'Push Notification Opened'], count: { op: 'gte', value: 1 },
      window: { kind: 'last', amount: 1, unit: 'months' },
    })).toBe('Performed any of Email Opened, Push Notification Opened at least once in the last month');
    expect(say({
      ...purchased, filters: [{ property: 'category', op: 'eq', value: 'Beauty' }], count: { op: 'gte', value: 1 },
      window: { kind: 'last', amount: 6, unit: 'months' },
    })).toBe('Performed Order Completed where category is Beauty at least once in the last 6 months');
  });

  it('formats money in filters on money-like properties', () => {
    expect(say({ ...purchased, filters: [{ property: 'total', op: 'gt', value: 50 }], count: { op: 'gte', value: 1 } }))
      .toBe('Performed Order Completed where total is more than $50 at least once');
    expect(say({ type: 'event', events: ['Review Submitted'], filters: [{ property: 'rating', op: 'lte', value: 2 }], count: { op: 'gte', value: 1 } }))
      .toBe('Performed Review Submitted where rating is at most 2 at least once');
  });

  it('reads a fixed window with dates', () => {
    expect(say({ ...purchased, count: { op: 'gte', value: 1 }, window: { kind: 'between', from: '2026-01-01T00:00:00Z', to: '2026-03-01' } }))
      .toBe('Performed Order Completed at least once from 2026-01-01 until 2026-03-01');
  });
});

describe('explaining aggregates', () => {
  it('calls a sum of order totals total spend, in the workspace currency', () => {
    expect(say({ type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'total', op: 'gt', value: 1000 }))
      .toBe('Total spend (sum of Order Completed.total) is more than $1,000');
    expect(say({ type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'total', op: 'gt', value: 1000 }, { currency: 'EUR' }))
      .toBe('Total spend (sum of Order Completed.total) is more than €1,000');
  });

  it('names average, minimum and maximum with the window', () => {
    expect(say({ type: 'aggregate', events: ['Order Completed'], fn: 'avg', property: 'total', op: 'gt', value: 100 }))
      .toBe('Average of Order Completed.total is more than $100');
    expect(say({ type: 'aggregate', events: ['Order Refunded'], fn: 'max', property: 'amount', op: 'gte', value: 99.5, window: { kind: 'last', amount: 90, unit: 'days' } }))
      .toBe('Maximum of Order Refunded.amount in the last 90 days is at least $99.50');
    expect(say({ type: 'aggregate', events: ['Product Added'], fn: 'min', property: 'quantity', op: 'lt', value: 2 }))
      .toBe('Minimum of Product Added.quantity is less than 2');
  });

  it('does not call refunds spend', () => {
    expect(say({ type: 'aggregate', events: ['Order Refunded'], fn: 'sum', property: 'amount', op: 'gt', value: 200 }))
      .toBe('Sum of Order Refunded.amount is more than $200');
  });
});

describe('explaining recency', () => {
  it('reads more than, within and never', () => {
    expect(say({ type: 'recency', events: ['Order Completed'], op: 'more_than', amount: 180, unit: 'days' }))
      .toBe('Last Order Completed more than 180 days ago');
    expect(say({ type: 'recency', events: ['Order Completed'], op: 'within', amount: 2, unit: 'weeks' }))
      .toBe('Last Order Completed within the last 2 weeks');
    expect(say({ type: 'recency', events: ['Order Completed'], op: 'never' })).toBe('Never performed Order Completed');
  });
});

describe('explaining traits and lists', () => {
  it.each([
    [{ op: 'in', trait: 'membership_tier', value: ['gold', 'platinum'] }, 'membership_tier is gold or platinum'],
    [{ op: 'in', trait: 'membership_tier', value: ['bronze', 'silver', 'gold'] }, 'membership_tier is bronze, silver or gold'],
    [{ op: 'not_in', trait: 'country', value: ['US', 'CA'] }, 'country is none of US, CA'],
    [{ op: 'eq', trait: 'country', value: 'DE' }, 'country is DE'],
    [{ op: 'neq', trait: 'country', value: 'DE' }, 'country is not DE'],
    [{ op: 'gt', trait: 'age', value: 40 }, 'age is more than 40'],
    [{ op: 'eq', trait: 'email_subscribed', value: true }, 'email_subscribed is true'],
    [{ op: 'between', trait: 'age', value: [25, 34] }, 'age is between 25 and 34'],
    [{ op: 'gte', trait: 'created_at', value: '2026-01-01' }, 'created_at is on or after 2026-01-01'],
    [{ op: 'contains', trait: 'notes', value: 'vip' }, 'notes contains vip'],
    [{ op: 'not_contains', trait: 'notes', value: 'vip' }, 'notes does not contain vip'],
    [{ op: 'contains_any', trait: 'tags', value: ['Cat Lover', 'Pet Supplies Buyer'] }, 'tags contains any of Cat Lover, Pet Supplies Buyer'],
    [{ op: 'contains_all', trait: 'tags', value: ['Cat Lover', 'Parent'] }, 'tags contains all of Cat Lover, Parent'],
    [{ op: 'contains_none', trait: 'tags', value: ['Wholesale'] }, 'tags contains none of Wholesale'],
    [{ op: 'exists', trait: 'phone' }, 'phone exists'],
    [{ op: 'not_exists', trait: 'phone' }, 'phone does not exist'],
    [{ op: 'in_last', trait: 'created_at', amount: 30, unit: 'days' }, 'created_at is in the last 30 days'],
    [{ op: 'before_last', trait: 'created_at', amount: 2, unit: 'years' }, 'created_at is more than 2 years ago'],
  ])('reads trait condition %j', (c, line) => {
    expect(say({ type: 'trait', ...c })).toBe(line);
  });

  it('cuts long value lists', () => {
    const codes = Array.from({ length: 14 }, (_, i) => `C${i}`);
    expect(say({ type: 'trait', trait: 'city', op: 'in', value: codes })).toBe('city is C0, C1, C2, C3, C4, C5, C6, C7, C8, C9 or 4 more');
  });

  it('reads list membership', () => {
    expect(say({ type: 'list', list: 'Blocklist', op: 'not_in' })).toBe('Not in the list Blocklist');
    expect(say({ type: 'list', list: 'Spring Sale Attendees', op: 'in' })).toBe('In the list Spring Sale Attendees');
  });
});

describe('explaining groups and whole definitions', () => {
  const gold = { type: 'trait', trait: 'membership_tier', op: 'eq', value: 'gold' } as const;
  const spent = { type: 'aggregate', events: ['Order Completed'], fn: 'sum', property: 'total', op: 'gt', value: 2000 } as const;

  it('reads a nested OR group as one line', () => {
    expect(say({ type: 'group', op: 'or', conditions: [gold, spent] }))
      .toBe('Either: membership_tier is gold, or total spend (sum of Order Completed.total) is more than $2,000');
  });

  it('brackets groups inside groups', () => {
    expect(say({ type: 'group', op: 'or', conditions: [gold, { type: 'group', op: 'and', conditions: [spent, { type: 'list', list: 'Beta Testers', op: 'in' }] }] }))
      .toBe('Either: membership_tier is gold, or (all of: total spend (sum of Order Completed.total) is more than $2,000, and in the list Beta Testers)');
  });

  it('gives one line per top-level condition, then the exclusions', () => {
    const def: AudienceDefinitionInput = {
      version: 1,
      root: {
        type: 'group', op: 'and', conditions: [
          { type: 'event', events: ['Product Added'], count: { op: 'gte', value: 1 }, window: { kind: 'last', amount: 30, unit: 'days' } },
          { type: 'event', events: ['Order Completed'], count: { op: 'eq', value: 0 }, window: { kind: 'last', amount: 30, unit: 'days' } },
          { type: 'trait', trait: 'country', op: 'eq', value: 'DE' },
        ],
      },
      exclude: [{ name: 'Blocklist', root: { type: 'group', op: 'and', conditions: [{ type: 'list', list: 'Blocklist', op: 'in' }] } }],
    };
    expect(explainDefinition(defineAudience(def), usd)).toEqual([
      'Performed Product Added at least once in the last 30 days',
      'Performed Order Completed 0 times in the last 30 days',
      'country is DE',
      'Excluding Blocklist',
    ]);
  });

  it('starts the later lines of a top-level OR with "Or"', () => {
    const def = defineAudience({ version: 1, root: { type: 'group', op: 'or', conditions: [gold, spent] } });
    expect(explainDefinition(def, usd)).toEqual([
      'membership_tier is gold',
      'Or total spend (sum of Order Completed.total) is more than $2,000',
    ]);
  });
});
