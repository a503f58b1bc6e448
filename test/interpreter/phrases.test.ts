import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import type { Interpretation } from '../../src/interpreter/types.js';
import { openShop } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);

const read = (prompt: string): Promise<Interpretation> => interpreter.interpret(prompt, shop.context());

async function conditions(prompt: string): Promise<Condition[]> {
  const r = await read(prompt);
  if (r.kind !== 'definition') throw new Error(`expected a definition for "${prompt}", got ${r.kind}: ${JSON.stringify(r)}`);
  return r.definition.root.conditions;
}

describe('years said of a date trait', () => {
  it('reads "born in the 1990s" as the whole decade', async () => {
    expect(await conditions('Customers who were born in the 1990s')).toEqual([{ type: 'trait', trait: 'birthday', op: 'between', value: ['1990-01-01', '1999-12-31'] }]);
  });
  it('reads "born in 1985" as that year, not a window beyond the plan', async () => {
    expect(await conditions('Customers born in 1985')).toEqual([{ type: 'trait', trait: 'birthday', op: 'between', value: ['1985-01-01', '1985-12-31'] }]);
  });
  it('still reads "in their 40s" as an age', async () => {
    expect(await conditions('Customers in their 40s')).toEqual([{ type: 'trait', trait: 'age', op: 'between', value: [40, 49] }]);
  });
});

describe('how long a gap is', () => {
  it.each([
    ["Customers who haven't logged in for more than 45 days", 'Session Started', { kind: 'last', amount: 45, unit: 'days' }],
    ["Customers who haven't purchased in over 4 months", 'Order Completed', { kind: 'last', amount: 4, unit: 'months' }],
    ["Customers who haven't opened an email for at least 3 weeks", 'Email Opened', { kind: 'last', amount: 3, unit: 'weeks' }],
  ])('reads "%s" as none in that long', async (prompt, event, window) => {
    expect(await conditions(prompt)).toMatchObject([{ type: 'event', events: [event], count: { op: 'eq', value: 0 }, window }]);
  });
  it('reads "since they signed up" as all history', async () => {
    const [c] = await conditions("Customers who haven't opened an email since they signed up");
    expect(c).toMatchObject({ events: ['Email Opened'], count: { op: 'eq', value: 0 } });
    expect(c).not.toHaveProperty('window');
  });
});

describe('a trait named after "whose"', () => {
  it('reads "whose email is missing" as the email trait absent, not emails never received', async () => {
    expect(await conditions('Customers whose email is missing')).toEqual([{ type: 'trait', trait: 'email', op: 'not_exists' }]);
  });
});

describe('things the data does not hold', () => {
  it('refuses a request whose verb is unknown ("liked our Instagram post")', async () => {
    const r = await read('Customers who liked our Instagram post');
    expect(r.kind === 'error' ? r.code : r.kind).toBe('unknown_reference');
  });
  it('says back a span after another event ("in the following 30 days") instead of misreading it as a count', async () => {
    const r = await read("Customers who opened the Spring Sale email but didn't buy in the following 30 days");
    expect(r.kind).toBe('definition');
    if (r.kind !== 'definition') return;
    expect(r.notUnderstood).toContain('in the following 30 days');
    expect(JSON.stringify(r.definition)).not.toContain('"value":30');
  });
});

describe('words for a typical order and numbers written out', () => {
  it('reads "typical order under $30" as the average order value', async () => {
    expect(await conditions('Customers whose typical order is under $30')).toMatchObject([{ type: 'aggregate', fn: 'avg', property: 'total', op: 'lt', value: 30 }]);
  });
  it.each([
    ['Customers who placed three orders or more', { op: 'gte', value: 3 }],
    ['Customers who opened a dozen emails or more in the past year', { op: 'gte', value: 12 }],
    ['Customers who bought more than a dozen times', { op: 'gt', value: 12 }],
    ['Customers who bought twice or more in the last 60 days', { op: 'gte', value: 2 }],
  ])('reads "%s" as a count %o', async (prompt, count) => {
    expect(await conditions(prompt)).toMatchObject([{ type: 'event', count }]);
  });
});

describe('the profile side said in other words', () => {
  it('reads "gender is unknown" as the trait absent', async () => {
    expect(await conditions('Customers whose gender is unknown')).toEqual([{ type: 'trait', trait: 'gender', op: 'not_exists' }]);
  });
  it('reads a channel no event tracks ("with LINE") as being reachable there', async () => {
    expect(await conditions('Customers with LINE who live in Bangkok')).toMatchObject([{ trait: 'line_subscribed', op: 'eq', value: true }, { trait: 'city' }]);
  });
  it('reads "not tagged at all" and "any tag" as the tag list absent or present', async () => {
    expect(await conditions("Customers who haven't been tagged at all")).toEqual([{ type: 'trait', trait: 'tags', op: 'not_exists' }]);
    expect(await conditions('Customers who have any tag and live in Tokyo')).toMatchObject([{ trait: 'tags', op: 'exists' }, { trait: 'city' }]);
  });
  it('reads "A, B or C" as one choice of three', async () => {
    expect(await conditions('Customers who bought Apparel, Home or Toys in the last 45 days')).toMatchObject([{ filters: [{ property: 'category', op: 'in', value: ['Apparel', 'Home', 'Toys'] }] }]);
  });
});

describe('details of the event just named', () => {
  it('reads "an order with a coupon" and "without a coupon" as the order\'s coupon set or not', async () => {
    expect(await conditions('Customers who ordered with a coupon in the past 60 days')).toMatchObject([{ events: ['Order Completed'], filters: [{ property: 'coupon', op: 'exists' }] }]);
    expect(await conditions('Customers who placed an order without a coupon')).toMatchObject([{ events: ['Order Completed'], filters: [{ property: 'coupon', op: 'not_exists' }] }]);
  });
  it('keeps the channel said as a detail for a later "one"', async () => {
    expect(await conditions('Customers who signed up with email but never opened one')).toMatchObject([{ events: ['Signed Up'] }, { events: ['Email Opened'], count: { op: 'eq', value: 0 } }]);
  });
  it('reads a bound said alone after "but" as a second bound on the same amount', async () => {
    expect(await conditions('Customers with orders above $75 but less than $150')).toMatchObject([{ filters: [{ property: 'total', op: 'gt', value: 75 }, { property: 'total', op: 'lt', value: 150 }] }]);
  });
  it('reads "spent more than $100 on a single order" as one order\'s amount, not a total', async () => {
    expect(await conditions('Customers who spent more than $100 on a single order in the last 30 days')).toMatchObject([{ type: 'event', filters: [{ property: 'total', op: 'gt', value: 100 }] }]);
  });
  it('says back a rate ("per week") it cannot count', async () => {
    const r = await read('Customers with more than 2 sessions per week');
    expect(r.kind === 'definition' ? r.notUnderstood : []).toContain('per week');
  });
});

describe('dates said of events', () => {
  it('reads "purchased after August 1, 2026" as the history since that day', async () => {
    expect(await conditions('Customers who purchased after August 1, 2026')).toMatchObject([{ events: ['Order Completed'], window: { kind: 'between', from: '2026-08-01T00:00:00.000Z' } }]);
  });
  it('reads "bought before June 2026" as the plan\'s history up to that day', async () => {
    expect(await conditions('Customers who bought before June 2026')).toMatchObject([{ events: ['Order Completed'], window: { kind: 'between', from: '2025-11-01T00:00:00.000Z', to: '2026-06-01T00:00:00.000Z' } }]);
  });
  it('reads "a total of more than 5 orders" as a count', async () => {
    expect(await conditions('Customers with a total of more than 5 orders')).toMatchObject([{ type: 'event', count: { op: 'gt', value: 5 } }]);
  });
});

describe('"outside" a place said of customers', () => {
  it('reads "who live outside Germany" as every country but Germany (people whose country is unknown included)', async () => {
    expect(await conditions('Customers who live outside Germany')).toEqual([{ type: 'trait', trait: 'country', op: 'neq', value: 'DE' }]);
  });
  it('reads "outside of the UK" with a behaviour in the same sentence', async () => {
    expect(await conditions('Customers based outside of the UK who bought in the last 30 days')).toEqual([
      { type: 'trait', trait: 'country', op: 'neq', value: 'GB' },
      { type: 'event', events: ['Order Completed'], filters: [], count: { op: 'gte', value: 1 }, window: { kind: 'last', amount: 30, unit: 'days' } },
    ]);
  });
});
