import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AIMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import { createLlmInterpreter } from '../../src/interpreter/llm/index.js';
import type { Interpreter, InterpreterContext, ToolCallRecord } from '../../src/interpreter/types.js';
import { callTools, ScriptedChatModel } from '../helpers/scripted-chat-model.js';
import { openShop, SHOP_NOW, type OpenShop } from '../graph/shop-workspace.js';

let shop: OpenShop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => shop?.dispose());

const ctx = (extra: Partial<InterpreterContext> = {}): InterpreterContext => ({
  catalog: shop.catalog, search: shop.search, engine: shop.engine, now: SHOP_NOW, ...extra,
});

const noPurchase30 = {
  version: 1,
  root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'eq', value: 0 } }] },
};

const lastToolResult = (messages: BaseMessage[]) => String((messages.at(-1) as ToolMessage).content);

describe('LLM interpreter with a scripted model', () => {
  test('looks things up with the tools, then returns the submitted definition', async () => {
    const model = new ScriptedChatModel([
      callTools({ name: 'search_events', args: { query: 'purchase' } }),
      (messages) => {
        expect(lastToolResult(messages)).toContain('Order Completed');
        return callTools({ name: 'submit_audience', args: { definition: noPurchase30 } });
      },
    ]);
    const seen: ToolCallRecord[] = [];
    const result = await createLlmInterpreter({ model }).interpret("Customers who haven't purchased in the last 30 days.", ctx({ onToolCall: (c) => seen.push(c) }));
    expect(result.kind).toBe('definition');
    if (result.kind !== 'definition') return;
    expect(result.definition.root.conditions[0]).toMatchObject({ type: 'event', events: ['Order Completed'], count: { op: 'eq', value: 0 } });
    expect(result.language).toBe('en');
    expect(seen).toEqual([{ tool: 'search_events', input: { query: 'purchase' }, summary: expect.stringMatching(/Order Completed/) }]);
    expect(result.toolCalls).toEqual(seen);
    expect(model.boundToolNames).toEqual(expect.arrayContaining(['search_events', 'preview_audience', 'submit_audience', 'ask_question', 'cannot_build']));
  });

  test('sends a definition naming an unknown event back to the model, which fixes it', async () => {
    const wrong = structuredClone(noPurchase30);
    wrong.root.conditions[0]!.events = ['Purchase'];
    const model = new ScriptedChatModel([
      callTools({ name: 'submit_audience', args: { definition: wrong } }),
      (messages) => {
        expect(lastToolResult(messages)).toMatch(/^Error: .*Purchase/);
        return callTools({ name: 'submit_audience', args: { definition: noPurchase30 } });
      },
    ]);
    const result = await createLlmInterpreter({ model }).interpret("Customers who haven't purchased in the last 30 days.", ctx());
    expect(result.kind).toBe('definition');
    expect(model.remaining).toBe(0);
  });

  test('answers a window beyond the history with lookback_exceeded', async () => {
    const twoYears = structuredClone(noPurchase30) as { root: { conditions: { window: unknown }[] } };
    twoYears.root.conditions[0]!.window = { kind: 'last', amount: 2, unit: 'years' };
    const model = new ScriptedChatModel([callTools({ name: 'submit_audience', args: { definition: twoYears } })]);
    const result = await createLlmInterpreter({ model }).interpret('Customers who purchased in the last 2 years', ctx());
    expect(result).toMatchObject({ kind: 'error', code: 'lookback_exceeded' });
  });

  test('passes the question and its options through', async () => {
    const model = new ScriptedChatModel([
      callTools({ name: 'ask_question', args: { term: 'high-spending', question: 'What counts as high-spending?', options: ['Total spend over $1,449 (top 10%)', 'Over $800 (top 25%)', 'Let me type a number'] } }),
    ]);
    const result = await createLlmInterpreter({ model }).interpret('High-spending customers in Germany', ctx());
    expect(result).toMatchObject({ kind: 'clarify', question: { term: 'high-spending', text: 'What counts as high-spending?', options: expect.arrayContaining(['Let me type a number']) } });
  });

  test('passes a refusal through with its code and suggestions', async () => {
    const model = new ScriptedChatModel([
      callTools({ name: 'cannot_build', args: { code: 'out_of_scope', message: "I can't see in-store purchases.", suggestions: ['Order Completed'] } }),
    ]);
    const result = await createLlmInterpreter({ model }).interpret('Customers who bought in our physical stores', ctx());
    expect(result).toMatchObject({ kind: 'error', code: 'out_of_scope', suggestions: ['Order Completed'] });
  });

  test('ends in a clarifying question when the step cap is reached', async () => {
    const model = new ScriptedChatModel(Array.from({ length: 3 }, () => callTools({ name: 'search_events', args: { query: 'purchase' } })));
    const result = await createLlmInterpreter({ model, maxSteps: 3 }).interpret('People who purchased something nice', ctx());
    expect(result.kind).toBe('clarify');
    if (result.kind !== 'clarify') return;
    expect(result.question.options.length).toBeGreaterThanOrEqual(2);
    expect(result.question.options.at(-1)).toBe('Let me describe it differently');
    expect(result.toolCalls).toHaveLength(3);
  });

  test('nudges a model that answers in prose instead of calling a finishing tool', async () => {
    const model = new ScriptedChatModel([
      new AIMessage('Here is your audience: people who did not buy.'),
      (messages) => {
        expect(String(messages.at(-1)!.content)).toMatch(/Finish by calling submit_audience/);
        return callTools({ name: 'submit_audience', args: { definition: noPurchase30 } });
      },
    ]);
    expect((await createLlmInterpreter({ model }).interpret("Customers who haven't purchased in the last 30 days.", ctx())).kind).toBe('definition');
  });

  test('reports llm_unavailable, retryable, when the model fails', async () => {
    const model = new ScriptedChatModel([new Error('connection reset')]);
    const result = await createLlmInterpreter({ model }).interpret("Customers who haven't purchased in the last 30 days.", ctx());
    expect(result).toMatchObject({ kind: 'error', code: 'llm_unavailable', message: 'Something went wrong. Try again later.' });
  });

  test('answers with the fallback interpreter when the model fails and one is configured', async () => {
    const fallback: Interpreter = {
      name: 'offline',
      interpret: async () => ({ kind: 'definition', definition: noPurchase30 as never, language: 'en', notUnderstood: [], toolCalls: [] }),
    };
    const model = new ScriptedChatModel([new Error('503')]);
    const result = await createLlmInterpreter({ model, fallback }).interpret("Customers who haven't purchased in the last 30 days.", ctx());
    expect(result.kind).toBe('definition');
  });

  test('returns invalid tool arguments to the model as text', async () => {
    const model = new ScriptedChatModel([
      callTools({ name: 'get_property_values', args: { event: 'Order Completed' } }),
      (messages) => {
        expect(lastToolResult(messages)).toMatch(/^Error: /);
        return callTools({ name: 'submit_audience', args: { definition: noPurchase30 } });
      },
    ]);
    expect((await createLlmInterpreter({ model }).interpret("Customers who haven't purchased in the last 30 days.", ctx())).kind).toBe('definition');
  });

  test('shows the model the draft being refined and the answers already given, without emails', async () => {
    const model = new ScriptedChatModel([callTools({ name: 'submit_audience', args: { definition: noPurchase30 } })]);
    await createLlmInterpreter({ model }).interpret('make it 60 days instead, and not jane@example.com', ctx({ current: noPurchase30 as never, answers: { loyal: 'at least 5 orders' } }));
    const human = String(model.calls[0]![1]!.content);
    expect(human).toContain('Current draft: {"version":1');
    expect(human).toContain('"loyal": at least 5 orders');
    expect(human).toContain('[email]');
    expect(human).not.toContain('jane@example.com');
  });

  test('detects the language of the description from its script', async () => {
    const model = new ScriptedChatModel([callTools({ name: 'submit_audience', args: { definition: noPurchase30 } })]);
    const result = await createLlmInterpreter({ model }).interpret('過去30日間に購入していない顧客', ctx());
    expect(result.language).toBe('ja');
  });
});
