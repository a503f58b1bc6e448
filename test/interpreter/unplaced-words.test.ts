import { describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { openShop } from './support/shop.js';
import { useWorkspace } from './support/use-workspace.js';
import { replaceWords, settleUnplaced } from '../../src/interpreter/offline/clarify/unplaced.js';
import { messagesFor } from '../../src/interpreter/offline/messages/index.js';
import type { AudienceDefinition } from '../../src/definition/schema.js';
import type { AudienceEngine } from '../../src/engine/types.js';
import { event, planCatalog, property } from '../vocabulary/plan-catalog.js';
import { createCatalogSearch } from '../../src/catalog/search.js';

const interpreter = createOfflineInterpreter();
const shop = useWorkspace(openShop);

async function interpret(prompt: string, answers?: Record<string, string>) {
  return interpreter.interpret(prompt, shop.context(answers ? { answers } : {}));
}

describe('words the reading cannot place that would change the audience are asked about, never dropped', () => {
  it('asks about a number left over, offering the audience without it with its size', async () => {
    const r = await interpret('customers who bought in the last month, 500');
    if (r.kind !== 'clarify') throw new Error(JSON.stringify(r));
    expect(r.question.term).toBe('500');
    expect(r.question.text).toMatch(/couldn't place “500”: without it the audience has [\d,]+ people/);
    expect(r.question.options).toHaveLength(2);
    expect(r.question.options[0]).toMatch(/^Leave “500” out \([\d,]+ people\)$/);
  });

  it('asks about a comparison word with nothing to compare ("or below")', async () => {
    const r = await interpret('customers who purchased in the last 30 days or below');
    expect(r.kind).toBe('clarify');
  });

  it('does not read a number said with another unit as an age ("2 weeks")', async () => {
    const r = await interpret('customers who purchased in the last 30 days, 2 weeks');
    if (r.kind !== 'clarify') throw new Error(JSON.stringify(r));
    expect(r.question.term).toBe('2 weeks');
  });

  it('builds the audience without the words when the user says to leave them out', async () => {
    const asked = await interpret('customers who bought in the last month, 500');
    if (asked.kind !== 'clarify') throw new Error(JSON.stringify(asked));
    const r = await interpret('customers who bought in the last month, 500', { '500': asked.question.options[0]! });
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toEqual([expect.objectContaining({ type: 'event', events: ['Order Completed'] })]);
    expect(r.notUnderstood).toContain('500');
  });

  it('reads what the user says the words mean in their place', async () => {
    const r = await interpret('customers who bought in the last month, 500', { '500': 'spent over $500 in total' });
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    expect(r.definition.root.conditions).toContainEqual(expect.objectContaining({ type: 'aggregate', fn: 'sum', op: 'gt', value: 500 }));
    expect(r.notUnderstood).toEqual([]);
  });

});

describe('settling words left over', () => {
  const catalog = planCatalog([
    event('invoicePaid', 'An invoice was paid (tracked on the account owner, the billing contact).', [property('amount', 'number')]),
  ]);
  const definition: AudienceDefinition = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['invoicePaid'], filters: [], count: { op: 'gte', value: 1 } }] }, exclude: [] };
  const engine = { compute: async () => ({ size: 60 }) } as unknown as AudienceEngine;
  const env = { engine, now: new Date('2026-11-01T00:00:00Z'), msgs: messagesFor('en'), catalog };

  it('keeps a name whose words are what the chosen event says it is ("Billing contacts who paid …")', async () => {
    expect(await settleUnplaced('Billing contacts who paid', [{ text: 'Billing', naming: true }], definition, env)).toEqual({ kind: 'keep' });
  });

  it('asks about a name the chosen event does not speak of', async () => {
    const r = await settleUnplaced('Enterprise contacts who paid', [{ text: 'Enterprise', naming: true }], definition, env);
    expect(r.kind).toBe('ask');
  });

  it('asks about a number even when the event speaks of it', async () => {
    const r = await settleUnplaced('contacts who paid an amount, 60', [{ text: 'amount 60', naming: false }], definition, env);
    expect(r.kind).toBe('ask');
  });

  it('puts the meaning in the words\' place, or after the request when they are not there as written', () => {
    expect(replaceWords('Travellers over 60s who booked', 'over 60s', 'aged over 60')).toBe('Travellers aged over 60 who booked');
    expect(replaceWords('who booked.', 'sixties', 'aged over 60')).toBe('who booked, aged over 60');
  });
});

describe('a yes/no property of the event, said by name, is a filter', () => {
  const catalog = planCatalog([
    event('taskCompleted', 'A user marked a task as done.', [property('on_time', 'boolean', 'true when the task was completed by its due date.')]),
  ]);
  const ctx = { catalog, search: createCatalogSearch(catalog), engine: { compute: async () => ({ size: 1 }), streamMembers: async function* () { yield 'u1'; } } as unknown as AudienceEngine, now: new Date('2026-11-01T00:00:00Z') };
  const leaf = async (prompt: string) => {
    const r = await interpreter.interpret(prompt, ctx);
    if (r.kind !== 'definition') throw new Error(JSON.stringify(r));
    return r.definition.root.conditions[0];
  };

  it('holds when said ("completed tasks on time at least 10 times")', async () => {
    expect(await leaf('users who completed tasks on time at least 10 times')).toMatchObject({ events: ['taskCompleted'], filters: [{ property: 'on_time', op: 'eq', value: true }], count: { op: 'gte', value: 10 } });
  });

  it('does not hold when "not" is said right before it', async () => {
    expect(await leaf('users who completed tasks not on time')).toMatchObject({ filters: [{ property: 'on_time', op: 'neq', value: true }], count: { op: 'gte', value: 1 } });
  });
});
