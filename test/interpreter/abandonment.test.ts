import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { ABANDONMENT, abandonmentOf } from '../../src/interpreter/offline/resolve/event-concepts.js';
import { openShop } from './support/shop.js';
import { openTiny } from './support/tiny-workspace.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);

async function root(prompt: string): Promise<Condition> {
  const r = await interpreter.interpret(prompt, shop.context());
  if (r.kind !== 'definition') throw new Error(`expected a definition for "${prompt}", got ${r.kind}: ${JSON.stringify(r)}`);
  return r.definition.root;
}

async function conditions(prompt: string): Promise<Condition[]> {
  const r = await root(prompt);
  return r.type === 'group' ? r.conditions : [r];
}

const started = (event: string, window?: object) => ({ type: 'event', events: [event], count: { op: 'gte', value: 1 }, ...(window ? { window } : {}) });
const notBought = (window?: object) => ({ type: 'event', events: ['Order Completed'], count: { op: 'eq', value: 0 }, ...(window ? { window } : {}) });
const days = (amount: number) => ({ kind: 'last', amount, unit: 'days' });

describe('the abandonment concepts', () => {
  it('names the step started and the step left undone for cart, checkout and browse', () => {
    expect(ABANDONMENT.cart).toEqual({ started: 'cart_add', completed: 'purchase' });
    expect(ABANDONMENT.checkout).toEqual({ started: 'checkout', completed: 'purchase' });
    expect(ABANDONMENT.browse).toEqual({ started: 'product_view', completed: 'cart_add' });
  });
  it('picks the step from the thing named, a view verb, or the cart by default', () => {
    expect(abandonmentOf(['abandon'], ['checkout'])).toBe('checkout');
    expect(abandonmentOf(['abandon'], ['cart', 'product'])).toBe('cart');
    expect(abandonmentOf(['abandon', 'view'], [])).toBe('browse');
    expect(abandonmentOf(['abandon'], [])).toBe('cart');
  });
});

describe('abandoning is starting and not buying in the same window', () => {
  it.each([
    ['Customers who abandoned checkout in the last 14 days', 'Checkout Started', days(14)],
    ['Shoppers who abandoned their cart in the past week', 'Product Added', { kind: 'last', amount: 1, unit: 'weeks' }],
    ['Customers with an abandoned cart in the last 30 days', 'Product Added', days(30)],
    ['Cart abandoners in the last 60 days', 'Product Added', days(60)],
    ['Customers with a cart abandonment in the last 3 days', 'Product Added', days(3)],
    ['Customers who started checkout but didn\'t complete it in the last 7 days', 'Checkout Started', days(7)],
  ])('reads "%s" as %s and no purchase in the window', async (prompt, event, window) => {
    expect(await conditions(prompt)).toMatchObject([started(event, window), notBought(window)]);
  });

  it('reads an abandoned browse as a view without an add to cart', async () => {
    expect(await conditions('Customers who abandoned browsing in the last 7 days')).toMatchObject([
      started('Product Viewed', days(7)),
      { type: 'event', events: ['Product Added'], count: { op: 'eq', value: 0 }, window: days(7) },
    ]);
  });

  it('keeps all history on both sides when no window is said', async () => {
    const [a, b] = await conditions('Customers with an abandoned checkout');
    expect(a).toMatchObject(started('Checkout Started'));
    expect(b).toMatchObject(notBought());
    expect(a).not.toHaveProperty('window');
    expect(b).not.toHaveProperty('window');
  });

  it('puts an amount on the step started and a category on both steps', async () => {
    expect(await conditions('Customers who abandoned a checkout over $100 in the last 30 days')).toMatchObject([
      { events: ['Checkout Started'], filters: [{ property: 'cart_value', op: 'gt', value: 100 }] },
      { events: ['Order Completed'], filters: [], count: { op: 'eq', value: 0 } },
    ]);
    expect(await conditions('Customers who abandoned Electronics in their cart in the last 30 days')).toMatchObject([
      { events: ['Product Added'], filters: [{ property: 'category', value: 'Electronics' }] },
      { events: ['Order Completed'], filters: [{ property: 'category', value: 'Electronics' }], count: { op: 'eq', value: 0 } },
    ]);
  });

  it('reads "hasn\'t abandoned a cart" as never added, or bought', async () => {
    expect(await root("Customers who haven't abandoned a cart")).toMatchObject({
      type: 'group', op: 'or', conditions: [{ events: ['Product Added'], count: { op: 'eq', value: 0 } }, { events: ['Order Completed'], count: { op: 'gte', value: 1 } }],
    });
  });
});

describe('abandonment said in Traditional Chinese, Japanese and Thai', () => {
  it.each([
    ['過去7天內放棄購物車的顧客', 'zh-TW'],
    ['過去7日間にカゴ落ちした顧客', 'ja'],
    ['ลูกค้าที่ทิ้งตะกร้าใน 7 วันที่ผ่านมา', 'th'],
  ])('reads "%s" like "abandoned their cart in the last 7 days"', async (prompt, language) => {
    const r = await interpreter.interpret(prompt, shop.context());
    expect(r.language).toBe(language);
    expect(await conditions(prompt)).toMatchObject([started('Product Added', days(7)), notBought(days(7))]);
  });
  it('tells a workspace without a cart event that it cannot see carts', async () => {
    const tiny = await openTiny();
    try {
      const r = await interpreter.interpret('Customers who abandoned their cart in the last 7 days', tiny.context());
      expect(r.kind === 'error' ? r.code : r.kind).toBe('unknown_reference');
    } finally {
      await tiny.dispose();
    }
  });
});
