import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openShop } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);

async function only(prompt: string): Promise<Condition> {
  const r = await interpreter.interpret(prompt, shop.context());
  if (r.kind !== 'definition') throw new Error(`expected a definition for "${prompt}", got ${r.kind}: ${JSON.stringify(r)}`);
  expect(r.definition.root.conditions).toHaveLength(1);
  return r.definition.root.conditions[0]!;
}

describe('an average, total, lowest or highest of any numeric property is an aggregate, not a filter', () => {
  it.each([
    ['Customers with an average rating below 3 on their reviews', 'Review Submitted', 'avg', 'rating', 'lt', 3],
    ['Customers whose average review rating is at least 4.5', 'Review Submitted', 'avg', 'rating', 'gte', 4.5],
    ['Customers whose ratings average less than 3', 'Review Submitted', 'avg', 'rating', 'lt', 3],
    ['Customers whose lowest rating is under 2 stars', 'Review Submitted', 'min', 'rating', 'lt', 2],
    ['Customers whose highest rating was 5 stars', 'Review Submitted', 'max', 'rating', 'eq', 5],
    ['Customers whose average cart value at checkout is above $150', 'Checkout Started', 'avg', 'cart_value', 'gt', 150],
    ['Customers whose maximum cart value was over $500', 'Checkout Started', 'max', 'cart_value', 'gt', 500],
    ['Customers with an average of more than 3 items per order', 'Order Completed', 'avg', 'item_count', 'gt', 3],
    ['Customers with a total item count above 20', 'Order Completed', 'sum', 'item_count', 'gt', 20],
    ['Customers with total refunds over $200', 'Order Refunded', 'sum', 'amount', 'gt', 200],
    ['Customers whose largest refund was over $150', 'Order Refunded', 'max', 'amount', 'gt', 150],
    ['Customers whose smallest order was below $20', 'Order Completed', 'min', 'total', 'lt', 20],
    ['Customers whose minimum order value is at least $50', 'Order Completed', 'min', 'total', 'gte', 50],
    ['Customers with a sum of order totals over $2,000', 'Order Completed', 'sum', 'total', 'gt', 2000],
  ])('reads "%s" as %s %s(%s) %s %s', async (prompt, event, fn, property, op, value) => {
    expect(await only(prompt)).toMatchObject({ type: 'aggregate', events: [event], fn, property, op, value });
  });

  it('keeps a single order\'s amount a filter ("an order over $200")', async () => {
    expect(await only('Customers with at least one order over $200')).toMatchObject({ type: 'event', filters: [{ property: 'total', op: 'gt', value: 200 }] });
  });
  it('keeps a single review\'s rating a filter ("a review with a rating of 2 or lower")', async () => {
    expect(await only('Customers who left a review with a rating of 2 or lower')).toMatchObject({ type: 'event', filters: [{ property: 'rating', op: 'lte', value: 2 }] });
  });
  it('counts "total orders over 5": a total of things without money is a count', async () => {
    expect(await only('Customers with total orders over 5')).toMatchObject({ type: 'event', events: ['Order Completed'], count: { op: 'gt', value: 5 } });
  });
  it('does not take an average rating as the number a vague spending word asks for', async () => {
    const r = await interpreter.interpret('High-value customers with an average rating above 4', shop.context());
    expect(r.kind).toBe('clarify');
  });
});
