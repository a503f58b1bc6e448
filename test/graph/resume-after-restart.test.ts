/**
 * A paused thread lives in the checkpointer, not in the graph object: a new graph (as in a new
 * process) over the same saver picks the conversation up where it stopped.
 */
import { MemorySaver } from '@langchain/langgraph';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAudienceBuilderGraph } from '../../graphs/audience-builder/graph.js';
import type { AudienceBuilderDeps } from '../../graphs/audience-builder/configuration.js';
import { InMemoryAudienceRepository } from '../../src/audiences/index.js';
import { createLlmInterpreter } from '../../src/interpreter/llm/index.js';
import { callTools, ScriptedChatModel } from '../helpers/scripted-chat-model.js';
import { openShop, SHOP_NOW, type OpenShop } from './shop-workspace.js';
import { threadConfig, turn } from './run-turn.js';

let shop: OpenShop;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => shop?.dispose());

const loyal = {
  version: 1,
  root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 5 } }] },
};

test('resumes a paused thread from the checkpointer after the graph that started it is gone', async () => {
  const saver = new MemorySaver();
  const audiences = new InMemoryAudienceRepository();
  const depsFor = (model: ScriptedChatModel): AudienceBuilderDeps => ({
    interpreter: createLlmInterpreter({ model }), catalog: shop.catalog, search: shop.search, engine: shop.engine,
    audiences, now: SHOP_NOW, newId: () => 'aud-restart',
  });

  const firstModel = new ScriptedChatModel([
    callTools({ name: 'ask_question', args: { term: 'loyal', question: 'What makes a customer loyal?', options: ['5 or more orders', '10 or more orders', 'Let me type a number'] } }),
  ]);
  let firstGraph: ReturnType<typeof createAudienceBuilderGraph> | undefined = createAudienceBuilderGraph({ checkpointer: saver });
  const asked = await turn(firstGraph, threadConfig('restart-1', depsFor(firstModel)), 'Loyal customers we should thank this month');
  expect(asked.pending).toMatchObject({ type: 'question', term: 'loyal' });
  firstGraph = undefined;

  // Another process: new graph, new interpreter, the same saver.
  const secondModel = new ScriptedChatModel([
    (messages) => {
      expect(String(messages[1]!.content)).toContain('"loyal": 5 or more orders');
      return callTools({ name: 'submit_audience', args: { definition: loyal } });
    },
  ]);
  const secondGraph = createAudienceBuilderGraph({ checkpointer: saver });
  const config = threadConfig('restart-1', depsFor(secondModel));
  const before = await secondGraph.getState(config);
  expect(before.next).toEqual(['clarify']);
  expect(before.tasks[0]!.interrupts[0]!.value).toMatchObject({ type: 'question', term: 'loyal' });

  const drafted = await turn(secondGraph, config, { resume: { answer: '5 or more orders', remember: false } });
  expect(drafted.pending?.type).toBe('confirm');
  expect(drafted.state.answers).toEqual({ loyal: '5 or more orders' });

  const applied = await turn(secondGraph, config, { resume: 'apply' });
  expect(applied.state.status).toBe('saved');
  expect((await audiences.get('Shop demo', 'aud-restart'))?.prompt).toBe('Loyal customers we should thank this month');
  expect(firstModel.remaining + secondModel.remaining).toBe(0);
});
