/**
 * The graph with the LLM interpreter on the real ChatOpenAI client, streaming from the fake
 * endpoint: the draft the user sees has sample members, the model never does.
 */
import { MemorySaver } from '@langchain/langgraph';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createAudienceBuilderGraph } from '../../graphs/audience-builder/graph.js';
import { InMemoryAudienceRepository } from '../../src/audiences/index.js';
import { createLlmInterpreter } from '../../src/interpreter/llm/index.js';
import { startFakeOpenAI, type FakeOpenAI } from '../helpers/fake-openai.js';
import { threadConfig, turn } from '../graph/run-turn.js';
import { openShop, SHOP_NOW, type OpenShop } from '../graph/shop-workspace.js';

let shop: OpenShop;
let server: FakeOpenAI;
beforeAll(async () => {
  shop = await openShop();
});
afterAll(async () => {
  await server?.close();
  await shop?.dispose();
});

test('asks, then drafts with samples shown to the user and never sent to the model', async () => {
  server = await startFakeOpenAI({
    replies: [
      { kind: 'tool_calls', calls: [{ name: 'measure_distribution', args: { events: ['Order Completed'], fn: 'count' } }] },
      { kind: 'tool_calls', calls: [{ name: 'ask_question', args: { term: 'frequent', question: 'How many orders make a frequent buyer?', options: ['5 or more orders', '3 or more orders', 'Let me type a number'] } }] },
      { kind: 'tool_calls', calls: [{ name: 'submit_audience', args: { definition: {
        version: 1,
        root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], count: { op: 'gte', value: 5 } }] },
      } } }] },
    ],
  });
  const interpreter = createLlmInterpreter({ model: { apiKey: 'k', baseURL: server.baseURL, model: 'fake-model', streaming: true, maxRetries: 0, timeoutMs: 5_000 } });
  const graph = createAudienceBuilderGraph({ checkpointer: new MemorySaver() });
  const config = threadConfig('http-1', { interpreter, catalog: shop.catalog, search: shop.search, engine: shop.engine, audiences: new InMemoryAudienceRepository(), now: SHOP_NOW });

  const asked = await turn(graph, config, 'Frequent buyers who should get early access');
  expect(asked.pending).toMatchObject({ type: 'question', term: 'frequent', options: ['5 or more orders', '3 or more orders', 'Let me type a number'] });
  const drafted = await turn(graph, config, { resume: { answer: '5 or more orders', remember: false } });
  expect(drafted.pending?.type).toBe('confirm');
  if (drafted.pending?.type !== 'confirm') return;
  const samples = drafted.pending.draft.samples;
  expect(samples.length).toBeGreaterThan(0);

  expect(server.requests).toHaveLength(3);
  expect(server.requests[2]!.raw).toContain('5 or more orders');
  const sent = server.requests.map((r) => r.raw).join('\n');
  for (const s of samples) {
    expect(sent).not.toContain(s.userId);
    if (typeof s.traits.first_name === 'string') expect(sent).not.toMatch(new RegExp(`\\b${s.traits.first_name}\\b`));
  }
});
