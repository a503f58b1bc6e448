import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/definition/schema.js';
import type { EventDraft } from '../../src/interpreter/offline/assemble/drafts.js';
import { shareWindows } from '../../src/interpreter/offline/assemble/windows.js';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openShop } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

const days = (amount: number) => ({ kind: 'last' as const, amount, unit: 'days' as const });
const draft = (order: number, opts: Partial<EventDraft> = {}): EventDraft => ({ kind: 'event', events: ['E'], filters: [], measure: { type: 'count', op: 'gte', value: 1 }, order, ...opts });
const zero = { type: 'count', op: 'eq', value: 0 } as const;

describe('a window said with an ellipsis belongs to it alone', () => {
  it('keeps all history for the clause before "but not in the last 90 days"', () => {
    const done = draft(0, { measure: { type: 'count', op: 'gte', value: 2 } });
    const again = draft(1, { measure: zero, window: { kind: 'window', window: days(90) }, ownWindow: true });
    const shared = shareWindows([done, again], []);
    expect(shared.get(done)).toBeUndefined();
    expect(shared.get(again)).toEqual(days(90));
  });
  it('does not let "did it" and "did not do it" share one window', () => {
    const done = draft(0, { measure: { type: 'count', op: 'gte', value: 3 } });
    const notAgain = draft(1, { measure: zero, window: { kind: 'window', window: days(60) } });
    expect(shareWindows([done, notAgain], []).get(done)).toBeUndefined();
  });
  it('still shares a window between different events ("viewed … but didn\'t purchase in 7 days")', () => {
    const viewed = draft(0, { events: ['Viewed'] });
    const bought = draft(1, { events: ['Bought'], measure: zero, window: { kind: 'window', window: days(7) } });
    expect(shareWindows([viewed, bought], []).get(viewed)).toEqual(days(7));
  });
  it('still shares a window between the same event with other values ("Beauty but not Electronics")', () => {
    const beauty = draft(0, { filters: [{ property: 'category', op: 'eq', value: 'Beauty' }], window: { kind: 'window', window: days(30) } });
    const electronics = draft(1, { filters: [{ property: 'category', op: 'eq', value: 'Electronics' }], measure: zero });
    expect(shareWindows([beauty, electronics], []).get(electronics)).toEqual(days(30));
  });
});

describe('requests with an ellipsis of the same event', () => {
  const interpreter = createOfflineInterpreter();
  const shop = useWorkspace(openShop);
  async function conditions(prompt: string): Promise<Condition[]> {
    const r = await interpreter.interpret(prompt, shop.context());
    if (r.kind !== 'definition') throw new Error(`expected a definition for "${prompt}", got ${r.kind}: ${JSON.stringify(r)}`);
    return r.definition.root.conditions;
  }
  it.each([
    ['Customers who purchased at least twice but not in the last 90 days', { op: 'gte', value: 2 }, days(90)],
    ['Customers who bought something before but not recently', { op: 'gte', value: 1 }, days(30)],
    ['Customers who ordered at least 5 times, though not within the last 3 months', { op: 'gte', value: 5 }, { kind: 'last', amount: 3, unit: 'months' }],
    ['Customers who placed more than 3 orders but none in the last 60 days', { op: 'gt', value: 3 }, days(60)],
  ])('reads "%s" as done over all history and not done in the window', async (prompt, count, window) => {
    const [first, second] = await conditions(prompt);
    expect(first).toMatchObject({ type: 'event', events: ['Order Completed'], count });
    expect(first).not.toHaveProperty('window');
    expect(second).toMatchObject({ events: ['Order Completed'], count: { op: 'eq', value: 0 }, window });
  });

  it('reads "but not since September" as none from September 1st', async () => {
    const [, second] = await conditions('Customers who opened an email but not since September');
    expect(second).toMatchObject({ events: ['Email Opened'], count: { op: 'eq', value: 0 }, window: { kind: 'between', from: '2026-09-01' } });
  });

  it('reads "but not Electronics" after a purchase as no Electronics purchase', async () => {
    expect(await conditions('Customers who bought Beauty or Apparel but not Electronics')).toMatchObject([
      { events: ['Order Completed'], filters: [{ property: 'category', op: 'in' }] },
      { events: ['Order Completed'], filters: [{ property: 'category', op: 'eq', value: 'Electronics' }], count: { op: 'eq', value: 0 } },
    ]);
  });

  it('reads "and that was over 6 months ago" as the recency of the event just said', async () => {
    expect(await conditions('Customers who only bought once and that was over 6 months ago')).toMatchObject([
      { type: 'event', count: { op: 'eq', value: 1 } },
      { type: 'recency', events: ['Order Completed'], op: 'more_than', amount: 6, unit: 'months' },
    ]);
  });
});
