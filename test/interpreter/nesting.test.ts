import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import type { Condition } from '../../src/definition/schema.js';
import { openShop } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';

const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);

async function read(prompt: string) {
  const r = await interpreter.interpret(prompt, shop.context());
  if (r.kind !== 'definition') throw new Error(`expected a definition for "${prompt}", got ${JSON.stringify(r)}`);
  return r.definition;
}

const ops = (c: Condition): unknown => (c.type === 'group' ? { [c.op]: c.conditions.map(ops) } : c.type);

describe('a choice between whole clauses', () => {
  it('reads "either A and B, or C" as (A and B) or C, not A and B and C', async () => {
    const d = await read('either android ppl in brazil who opened a push in the last 30d, or anyone who clicked an sms link in the past 2 wks');
    expect(ops(d.root)).toEqual({ or: [{ and: ['trait', 'trait', 'event'] }, 'event'] });
  });

  it('keeps what is said before "either" and after the choice for the whole audience', async () => {
    const d = await read('Customers in Germany who either bought in the last 30 days or opened an email in the last 7 days, and who are subscribed to sms');
    expect(ops(d.root)).toEqual({ and: ['trait', { or: ['event', 'event'] }, 'trait'] });
  });

  it('joins what follows ", or" to the part before the comma ("bought this week, or gold members")', async () => {
    const d = await read('customers who bought in the last week, or gold members');
    expect(d.root.op).toBe('or');
    expect(d.root.conditions.map(ops)).toEqual(['event', 'trait']);
  });

  it('reads ", or anyone who" as a new clause of the choice', async () => {
    const d = await read('gold members who bought twice, or anyone who left a review');
    expect(ops(d.root)).toEqual({ or: [{ and: ['trait', 'event'] }, 'event'] });
  });

  it('applies what follows a dash to every branch', async () => {
    const d = await read('either gold tier ppl who opened an email in october, or silver tier ppl who spent over $500 - but nobody on the blocklist');
    expect(ops(d.root)).toEqual({ and: [{ or: [{ and: ['trait', 'event'] }, { and: ['trait', 'aggregate'] }] }, 'list'] });
  });
});

describe('exclusions with the scope people mean', () => {
  it('takes away every list named after "leave out"', async () => {
    const d = await read('email subscribers who opened an email, but leave out the blocklist and beta testers');
    expect(d.root.conditions.filter((c) => c.type === 'list')).toEqual([
      { type: 'list', list: 'Blocklist', op: 'not_in' },
      { type: 'list', list: 'Beta Testers', op: 'not_in' },
    ]);
  });

  it('takes away a whole clause after "excluding", with its own window', async () => {
    const d = await read('shoppers who spent over $300 in the last 90 days excluding anyone refunded in the last 60 days');
    expect(d.exclude).toHaveLength(1);
    expect(d.exclude[0]!.root.conditions[0]).toMatchObject({ type: 'event', events: ['Order Refunded'], window: { kind: 'last', amount: 60 } });
    expect(d.root.conditions[0]).toMatchObject({ type: 'aggregate', window: { kind: 'last', amount: 90 } });
  });

  it('reads "except X and Y" as neither X nor Y', async () => {
    const d = await read('Customers in Japan excluding the Blocklist and Beta Testers');
    const members = await shop.ws.engine.memberIds(d, { now: shop.context().now });
    const blocked = await shop.ws.engine.memberIds({ version: 1, root: { type: 'group', op: 'or', conditions: [{ type: 'list', list: 'Blocklist', op: 'in' }, { type: 'list', list: 'Beta Testers', op: 'in' }] }, exclude: [] }, { now: shop.context().now });
    expect(members.some((m) => blocked.includes(m))).toBe(false);
    expect(members.length).toBeGreaterThan(0);
  });
});

describe('reaching people on a channel, as the workspace defines it', () => {
  it('reads "reachable by sms" as the channel\'s definition in workspace.json', async () => {
    const d = await read('customers reachable by sms in Japan');
    expect(d.root.conditions).toEqual(expect.arrayContaining([{ type: 'trait', trait: 'phone', op: 'exists' }, { type: 'trait', trait: 'sms_subscribed', op: 'eq', value: true }]));
  });

  it('reads "we can\'t reach by email" as the definition not holding: either part missing', async () => {
    const d = await read('everyone we cant reach by email');
    expect(ops(d.root)).toEqual({ or: ['trait', 'trait'] });
  });
});
