/** Words of an event's name said together with a value of the same spelling, and words said on the event. */
import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { createCatalogSearch } from '../../src/catalog/search.js';
import type { AudienceEngine } from '../../src/engine/types.js';
import { event, planCatalog, property } from '../vocabulary/plan-catalog.js';

const interpreter = createOfflineInterpreter();
const catalog = planCatalog([
  event('card.payment.settled', 'A card payment went through: the customer paid a merchant with their card.', [property('amount', 'number'), property('is-international', 'boolean')]),
  event('card.payment.declined', undefined, [property('reason', 'string', undefined, ['insufficient_funds', 'suspected_fraud'])]),
  event('subscription.fee.charged', 'The monthly fee of a paid plan was charged.', [property('amount', 'number')]),
  event('support.chat.started', 'The customer opened a support chat.', [property('topic', 'string', undefined, ['card', 'fees', 'fraud'])]),
  event('loan.application.decided', undefined, [property('outcome', 'string', undefined, ['approved', 'declined'])]),
]);
const engine = { compute: async () => ({ size: 10 }), streamMembers: async function* () { yield 'u1'; } } as unknown as AudienceEngine;
const ctx = { catalog, search: createCatalogSearch(catalog), engine, now: new Date('2026-11-01T00:00:00Z') };
const interpret = (prompt: string) => interpreter.interpret(prompt, ctx);

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
