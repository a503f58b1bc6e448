import { MemorySaver } from '@langchain/langgraph';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAudienceBuilderGraph } from '../../graphs/audience-builder/graph.js';
import type { AudienceBuilderDeps } from '../../graphs/audience-builder/configuration.js';
import { InMemoryAudienceRepository, type AudienceRepository } from '../../src/audiences/index.js';
import { AppError } from '../../src/errors.js';
import { createLlmInterpreter } from '../../src/interpreter/llm/index.js';
import type { Interpreter } from '../../src/interpreter/types.js';
import { callTools, ScriptedChatModel } from '../helpers/scripted-chat-model.js';
import { openShop, SHOP_NOW, type OpenShop } from './shop-workspace.js';
import { threadConfig, turn } from './run-turn.js';

let shop: OpenShop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => shop?.dispose());

const noPurchase30 = {
  version: 1,
  root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'eq', value: 0 } }] },
};

function setup(interpreter: Interpreter, audiences: AudienceRepository = new InMemoryAudienceRepository()) {
  const deps: AudienceBuilderDeps = { interpreter, catalog: shop.catalog, search: shop.search, engine: shop.engine, audiences, now: SHOP_NOW };
  return { graph: createAudienceBuilderGraph({ checkpointer: new MemorySaver() }), config: threadConfig(`t-${Math.random()}`, deps) };
}

test('ends a turn with invalid_prompt before any model call when the description is too short', async () => {
  const model = new ScriptedChatModel([]);
  const { graph, config } = setup(createLlmInterpreter({ model }));
  const result = await turn(graph, config, 'gold');
  expect(result.state.error).toMatchObject({ code: 'invalid_prompt', retryable: false });
  expect(result.pending).toBeUndefined();
  expect(model.calls).toHaveLength(0);
});

test('ends a turn with a retryable llm_unavailable, and the thread takes the next message', async () => {
  const model = new ScriptedChatModel([new Error('upstream 503')]);
  const { graph, config } = setup(createLlmInterpreter({ model }));
  const failed = await turn(graph, config, "Customers who haven't purchased in the last 30 days.");
  expect(failed.state.error).toEqual({ code: 'llm_unavailable', message: 'Something went wrong. Try again later.', retryable: true });
  expect(failed.state.status).toBe('error');

  model.enqueue(callTools({ name: 'submit_audience', args: { definition: noPurchase30 } }));
  const retried = await turn(graph, config, "Customers who haven't purchased in the last 30 days.");
  expect(retried.state.error).toBeNull();
  expect(retried.pending?.type).toBe('confirm');
});

test('reports a definition the catalog rejects as the error of the turn', async () => {
  const interpreter: Interpreter = {
    name: 'offline',
    interpret: async () => ({
      kind: 'definition', language: 'en', notUnderstood: [], toolCalls: [],
      definition: { version: 1, exclude: [], root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['In-store Purchase'], filters: [], count: { op: 'gte', value: 1 } }] } },
    }),
  };
  const { graph, config } = setup(interpreter);
  const result = await turn(graph, config, 'Customers who bought in our physical stores');
  expect(result.state.error).toMatchObject({ code: 'unknown_reference' });
  expect(result.pending).toBeUndefined();
});

test('streams the lookups of an interpreter that only reports them at the end', async () => {
  const interpreter: Interpreter = {
    name: 'offline',
    interpret: async () => ({
      kind: 'definition', language: 'en', notUnderstood: [], definition: noPurchase30 as never,
      toolCalls: [{ tool: 'search_events', input: { query: 'purchase' }, summary: 'Found event Order Completed' }],
    }),
  };
  const { graph, config } = setup(interpreter);
  const result = await turn(graph, config, "Customers who haven't purchased in the last 30 days.");
  expect(result.events).toContainEqual({ type: 'tool', tool: 'search_events', summary: 'Found event Order Completed' });
  const percents = result.events.flatMap((e) => (e.type === 'progress' ? [e.percent] : []));
  expect([...percents].sort((a, b) => a - b)).toEqual(percents);
});

test('asks what to change on a bare "edit", then redrafts from the answer', async () => {
  const model = new ScriptedChatModel([
    callTools({ name: 'submit_audience', args: { definition: noPurchase30 } }),
    (messages) => {
      expect(String(messages[1]!.content)).toContain('Description: make it 60 days instead');
      const sixty = structuredClone(noPurchase30);
      sixty.root.conditions[0]!.window.amount = 60;
      return callTools({ name: 'submit_audience', args: { definition: sixty } });
    },
  ]);
  const { graph, config } = setup(createLlmInterpreter({ model }));
  await turn(graph, config, "Customers who haven't purchased in the last 30 days.");
  const asked = await turn(graph, config, { resume: { action: 'edit' } });
  expect(asked.pending).toMatchObject({ type: 'question', purpose: 'edit', question: 'What should change?' });
  const redrafted = await turn(graph, config, { resume: 'make it 60 days instead' });
  expect(redrafted.pending?.type).toBe('confirm');
  if (redrafted.pending?.type === 'confirm') {
    expect(redrafted.pending.draft.definition.root.conditions[0]).toMatchObject({ window: { amount: 60 } });
  }
});

test('goes back to the draft when saving fails, and saves on the next apply', async () => {
  const inner = new InMemoryAudienceRepository();
  let failures = 1;
  const flaky: AudienceRepository = {
    save: async (ws, a) => {
      if (failures-- > 0) throw new AppError('store_unavailable', 'The audience store is not reachable. Try again.');
      return inner.save(ws, a);
    },
    get: (ws, id) => inner.get(ws, id),
    list: (ws) => inner.list(ws),
    delete: (ws, id) => inner.delete(ws, id),
  };
  const model = new ScriptedChatModel([callTools({ name: 'submit_audience', args: { definition: noPurchase30 } })]);
  const { graph, config } = setup(createLlmInterpreter({ model }), flaky);
  await turn(graph, config, "Customers who haven't purchased in the last 30 days.");
  const failed = await turn(graph, config, { resume: 'apply' });
  expect(failed.state.error).toMatchObject({ code: 'store_unavailable', retryable: true });
  expect(failed.pending?.type).toBe('confirm');
  const saved = await turn(graph, config, { resume: 'apply' });
  expect(saved.state.status).toBe('saved');
  expect(await inner.list('Shop demo')).toHaveLength(1);
});

test('a new message while a draft awaits confirmation starts the next turn from it', async () => {
  const model = new ScriptedChatModel([
    callTools({ name: 'submit_audience', args: { definition: noPurchase30 } }),
    (messages) => {
      expect(String(messages[1]!.content)).toContain('Current draft:');
      return callTools({ name: 'submit_audience', args: { definition: noPurchase30 } });
    },
  ]);
  const { graph, config } = setup(createLlmInterpreter({ model }));
  await turn(graph, config, "Customers who haven't purchased in the last 30 days.");
  const next = await turn(graph, config, 'also exclude the Blocklist');
  expect(next.state.mode).toBe('refine');
  expect(next.pending?.type).toBe('confirm');
  expect(model.remaining).toBe(0);
});
