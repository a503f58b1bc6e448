/** Words of an event's name said together with a value of the same spelling, and words said on the event. */
import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { createCatalogSearch } from '../../src/catalog/search.js';
import type { AudienceEngine } from '../../src/engine/types.js';
import { event, planCatalog, property, trait } from '../vocabulary/plan-catalog.js';

const interpreter = createOfflineInterpreter();
const catalog = planCatalog([
  event('card.payment.settled', 'A card payment went through: the customer paid a merchant with their card.', [property('amount', 'number'), property('is-international', 'boolean')]),
  event('card.payment.declined', undefined, [property('reason', 'string', undefined, ['insufficient_funds', 'suspected_fraud'])]),
  event('subscription.fee.charged', 'The monthly fee of a paid plan was charged.', [property('amount', 'number'), property('plan', 'string', undefined, ['Plus', 'Premium'])]),
  event('support.chat.started', 'The customer opened a support chat.', [property('topic', 'string', undefined, ['card', 'fees', 'fraud'])]),
  event('loan.application.decided', undefined, [property('outcome', 'string', undefined, ['approved', 'declined'])]),
  event('transfer.received', "Money arrived in the customer's account.", [property('amount', 'number'), property('is-salary', 'boolean')]),
  event('transfer.sent', 'The customer sent money from their account to someone else.', [property('amount', 'number'), property('is-international', 'boolean')]),
  event('support.chat.rated', undefined, [property('score', 'number', undefined, [1, 2, 3, 4, 5])]),
  event('referral.invite.sent', 'The customer invited a friend.', [property('medium', 'string', undefined, ['email', 'sms'])]),
], [{ ...trait('ACCOUNT_PLAN'), topValues: [{ value: 'Standard', count: 60 }, { value: 'Plus', count: 30 }] }, trait('MARKETING_EMAIL_OK', 'boolean')]);
const engine = { compute: async () => ({ size: 10 }), streamMembers: async function* () { yield 'u1'; } } as unknown as AudienceEngine;
const ctx = { catalog, search: createCatalogSearch(catalog), engine, now: new Date('2026-11-01T00:00:00Z') };
const interpret = (prompt: string) => interpreter.interpret(prompt, ctx);
const withInvest = { ...catalog, events: [...catalog.events, event('invest.order.filled', 'A buy or sell order for an investment was executed.', [property('amount', 'number')])] };

describe('a word that names an event with the noun beside it is part of that name, not a value', () => {
  it('reads "made a card payment" as the card payment, though "card" is also a support topic', async () => {
    const r = await interpret('customers who made a card payment in the last 30 days');
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ events: ['card.payment.settled'], filters: [] })]);
  });

  it('reads "a card payment declined" as the declined payment, though "declined" is also a loan outcome', async () => {
    const r = await interpret('customers who had a card payment declined for insufficient funds');
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ events: ['card.payment.declined'], filters: [{ property: 'reason', op: 'eq', value: 'insufficient_funds' }] })]);
  });

  it('still reads the value where no event is named by the two words ("chatted about card")', async () => {
    const r = await interpret('customers who started a support chat about card issues');
    expect(r.kind === 'definition' ? JSON.stringify(r.definition) : r.kind).not.toContain('card.payment');
  });
});

describe('an unknown word said on the event changes it: asked about, never dropped', () => {
  it('asks about a word after the event ("a card payment abroad")', async () => {
    const r = await interpret('customers who made a card payment abroad in the last 60 days');
    if (r.kind !== 'clarify') throw new Error(JSON.stringify(r));
    expect(r.question.term).toBe('abroad');
  });

  it('does not ask about a preposition left over ("contacted support about fees")', async () => {
    const r = await interpret('customers who contacted support about fees');
    expect(r.kind).toBe('definition');
  });
});

describe('a yes/no property is said without its verb, and says which event it is', () => {
  const filtersOf = async (prompt: string) => {
    const r = await interpret(prompt);
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    return r.definition.root.conditions[0];
  };

  it('reads "an international card payment" as is-international true', async () => {
    expect(await filtersOf('customers who made an international card payment')).toMatchObject({ events: ['card.payment.settled'], filters: [{ property: 'is-international', op: 'eq', value: true }] });
  });

  it('reads the adverb too ("sent money internationally")', async () => {
    expect(await filtersOf('customers who sent money internationally at least twice')).toMatchObject({ events: ['transfer.sent'], filters: [{ property: 'is-international', op: 'eq', value: true }], count: { op: 'gte', value: 2 } });
  });

  it('settles which transfer by the flag only one of them records ("a salary transfer")', async () => {
    expect(await filtersOf('customers who received a salary transfer')).toMatchObject({ events: ['transfer.received'], filters: [{ property: 'is-salary', op: 'eq', value: true }] });
  });

  it('lets the flag name the event the verb alone would not ("whose salary was paid into their account")', async () => {
    expect(await filtersOf('customers whose salary was paid into their account in the last 35 days')).toMatchObject({ events: ['transfer.received'], filters: [{ property: 'is-salary', op: 'eq', value: true }] });
  });
});

describe('a word of a trait\'s name right after its value says that trait', () => {
  it('reads "on the Standard plan" as ACCOUNT_PLAN is Standard, not as the fee event that records a plan', async () => {
    const r = await interpret('customers on the Standard plan');
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([{ type: 'trait', trait: 'ACCOUNT_PLAN', op: 'eq', value: 'Standard' }]);
  });
});

describe('a window longer than the plan keeps is said first', () => {
  it('answers lookback_exceeded rather than asking which payment ("a payment in the last 18 months")', async () => {
    const ambiguous = await interpret('customers who made a payment in the last 6 months');
    expect(ambiguous.kind).toBe('clarify');
    expect(await interpret('customers who made a payment in the last 18 months')).toMatchObject({ kind: 'error', code: 'lookback_exceeded' });
  });
});

describe('words the data does not hold are asked about with the closest things it does hold', () => {
  it('asks "did you mean" with the events a doer does ("big investors" → the investment events)', async () => {
    const asked = await interpreter.interpret('big investors in the last 90 days', { ...ctx, catalog: withInvest, search: createCatalogSearch(withInvest) });
    if (asked.kind !== 'clarify') throw new Error(JSON.stringify(asked));
    expect(asked.question.text).toMatch(/^I can't find "big investors" in this workspace's data\. Did you mean one of these\?$/);
    expect(asked.question.options[0]).toBe('invest.order.filled');
    expect(asked.question.options.at(-1)).toBe('Let me say what it means');
  });

  it('reads the option chosen in the words\' place', async () => {
    const r = await interpreter.interpret('big investors in the last 90 days', { ...ctx, catalog: withInvest, search: createCatalogSearch(withInvest), answers: { 'big investors': 'invest.order.filled' } });
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ events: ['invest.order.filled'], window: { kind: 'last', amount: 90, unit: 'days' } })]);
  });

  it('keeps the error when the user has nothing to add', async () => {
    const r = await interpreter.interpret('big investors in the last 90 days', { ...ctx, catalog: withInvest, search: createCatalogSearch(withInvest), answers: { 'big investors': 'Let me say what it means' } });
    expect(r).toMatchObject({ kind: 'error', code: 'unknown_reference' });
  });
});

describe('a yes/no trait is said by the words of its name in any order', () => {
  it('reads "ok with marketing emails" as MARKETING_EMAIL_OK, not as the email medium of an invite', async () => {
    const r = await interpret('customers who are ok with marketing emails');
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([{ type: 'trait', trait: 'MARKETING_EMAIL_OK', op: 'eq', value: true }]);
  });

  it('reads it negated ("not ok with marketing emails")', async () => {
    const r = await interpret('customers who are not ok with marketing emails');
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ trait: 'MARKETING_EMAIL_OK', op: 'neq', value: true })]);
  });
});

describe('after a rating, a bare number is the score given', () => {
  it('reads "rated a support chat 1 or 2" as a score of 1 to 2, not as rating once or twice', async () => {
    const r = await interpret('customers who rated a support chat 1 or 2 in the last 6 months');
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ events: ['support.chat.rated'], filters: [{ property: 'score', op: 'between', value: [1, 2] }], count: { op: 'gte', value: 1 } })]);
  });

  it('still counts when "times" is said ("rated a support chat at least 3 times")', async () => {
    const r = await interpret('customers who rated a support chat at least 3 times');
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ events: ['support.chat.rated'], filters: [], count: { op: 'gte', value: 3 } })]);
  });
});

describe('an amount said "in total" is a sum', () => {
  it('reads "sent more than £1,000 in total" as the sum of the amounts sent, not one transfer over £1,000', async () => {
    const r = await interpret('customers who sent money more than £1,000 in total in the last 90 days');
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ type: 'aggregate', events: ['transfer.sent'], fn: 'sum', property: 'amount', op: 'gt', value: 1000 })]);
  });
});
