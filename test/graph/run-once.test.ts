/** The non-interactive contract of `audience-agent build`: one result object per description. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildOnce } from '../../src/agent/run-once.js';
import { parseDefinition } from '../../src/definition/parse.js';
import { createLlmInterpreter } from '../../src/interpreter/llm/index.js';
import type { Interpreter, Interpretation } from '../../src/interpreter/types.js';
import { callTools, ScriptedChatModel } from '../helpers/scripted-chat-model.js';
import { openShop, SHOP_NOW, type OpenShop } from './shop-workspace.js';

let shop: OpenShop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => shop?.dispose());

const noPurchase30 = parseDefinition({
  version: 1,
  root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'eq', value: 0 } }] },
});

type Answer = Interpretation extends infer I ? (I extends Interpretation ? Omit<I, 'toolCalls' | 'language'> : never) : never;

const answering = (result: Answer): Interpreter => ({
  name: 'offline',
  interpret: async () => ({ ...result, language: 'en', toolCalls: [] }) as Interpretation,
});

const run = (prompt: string, interpreter: Interpreter, members = false, id = 'c1') =>
  buildOnce({ id, prompt, workspace: shop, now: SHOP_NOW, interpreter, members });

test('returns ok with the definition, its explanation, the count and the members', async () => {
  const result = await run("Customers who haven't purchased in the last 30 days.", answering({ kind: 'definition', definition: noPurchase30, notUnderstood: [] }), true);
  const members = await shop.engine.memberIds(noPurchase30, { now: SHOP_NOW });
  expect(Object.keys(result)).toEqual(['id', 'status', 'definition', 'explanation', 'count', 'members']);
  expect(result).toMatchObject({ id: 'c1', status: 'ok', definition: noPurchase30, count: members.length, members });
  expect(result.explanation!.length).toBeGreaterThan(0);
});

test('leaves the members out unless asked', async () => {
  const result = await run("Customers who haven't purchased in the last 30 days.", answering({ kind: 'definition', definition: noPurchase30, notUnderstood: [] }));
  expect(result.members).toBeUndefined();
  expect(result.count).toBeGreaterThan(0);
});

test('returns needs_clarification with the question and options instead of asking', async () => {
  const model = new ScriptedChatModel([
    callTools({ name: 'ask_question', args: { term: 'big spenders', question: 'What makes a big spender?', options: ['Total spend over $1,449 (top 10%)', 'Let me type a number'] } }),
  ]);
  const result = await run('Big spenders who like our newsletter', createLlmInterpreter({ model }), true);
  expect(result).toEqual({ id: 'c1', status: 'needs_clarification', question: 'What makes a big spender?', options: ['Total spend over $1,449 (top 10%)', 'Let me type a number'] });
});

test('returns the error code and message of a refusal', async () => {
  const result = await run('Customers who bought in our physical stores', answering({ kind: 'error', code: 'out_of_scope', message: "I can't see in-store purchases." }));
  expect(result).toEqual({ id: 'c1', status: 'error', error: { code: 'out_of_scope', message: "I can't see in-store purchases." } });
});

test('returns invalid_prompt for a description that is too short', async () => {
  const result = await run('gold', answering({ kind: 'definition', definition: noPurchase30, notUnderstood: [] }));
  expect(result).toMatchObject({ status: 'error', error: { code: 'invalid_prompt' } });
});

test('returns lookback_exceeded when the definition reaches past the history', async () => {
  const twoYears = parseDefinition({ version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], window: { kind: 'last', amount: 2, unit: 'years' }, count: { op: 'gte', value: 1 } }] } });
  const result = await run('Customers who purchased in the last 2 years', answering({ kind: 'definition', definition: twoYears, notUnderstood: [] }));
  expect(result).toMatchObject({ status: 'error', error: { code: 'lookback_exceeded', message: expect.stringMatching(/365/) } });
});

test('turns an interpreter crash into an internal error line, not an exception', async () => {
  const crashing: Interpreter = { name: 'offline', interpret: async () => { throw new Error('parser bug'); } };
  const result = await run("Customers who haven't purchased in the last 30 days.", crashing);
  expect(result).toMatchObject({ id: 'c1', status: 'error', error: { code: 'internal' } });
});

test('says which misspelt words the offline interpreter read as others, with the draft', async () => {
  const { createOfflineInterpreter } = await import('../../src/interpreter/offline/index.js');
  const result = await run('customers who havent made a purchace in the last 30 days', createOfflineInterpreter());
  expect(result.status).toBe('ok');
  expect(result.readAs).toEqual([{ from: 'purchace', to: 'purchase' }]);
  const tidy = await run("customers who haven't made a purchase in the last 30 days", createOfflineInterpreter());
  expect(tidy.readAs).toBeUndefined();
  expect(tidy.count).toBe(result.count);
});
