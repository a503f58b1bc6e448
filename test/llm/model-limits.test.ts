/**
 * A model cannot hold a run: each request to it ends by LLM_TIMEOUT_MS however its reply
 * trickles (one byte at a time, forever), and a reply over the size cap is cut instead of kept
 * and sent back. The real ChatOpenAI client against the fake endpoint; no timing is asserted,
 * a request that were never cut would time the test out.
 */
import { describe, expect, test } from 'vitest';
import { createInterpreter } from '../../src/agent/interpreter-factory.js';
import { loadConfig } from '../../src/config/env.js';
import { createLlmInterpreter, type LlmModelConfig } from '../../src/interpreter/llm/index.js';
import { useShopAndFakeModel } from './support/shop-and-model.js';

const { ctx, serve } = useShopAndFakeModel();
const PROMPT = 'Customers who purchased in the last 30 days';
const model = (baseURL: string, extra: Partial<LlmModelConfig>): LlmModelConfig => ({ apiKey: 'k', baseURL, model: 'fake-model', maxRetries: 2, timeoutMs: 1_000, ...extra });

describe('a reply that never finishes', () => {
  test.each([['streamed', true], ['in one piece', false]])('is cut at the deadline when it trickles %s, and not asked again', async (_how, streaming) => {
    const server = await serve({ replies: [{ kind: 'trickle', everyMs: 50 }], fallback: { kind: 'trickle', everyMs: 50 } });
    const result = await createLlmInterpreter({ model: model(server.baseURL, { streaming }) }).interpret(PROMPT, ctx());
    expect(result).toMatchObject({ kind: 'error', code: 'llm_unavailable' });
    // Cut once, not retried: the same request would trickle again.
    expect(server.requests).toHaveLength(1);
  });

  test('is cut at LLM_TIMEOUT_MS through the service configuration', async () => {
    const server = await serve({ fallback: { kind: 'trickle', everyMs: 50 } });
    const config = loadConfig({ OPENAI_BASE_URL: server.baseURL, OPENAI_API_KEY: 'k', LLM_TIMEOUT_MS: '1000' });
    const result = await createInterpreter(config, { streaming: true }).interpret(PROMPT, ctx());
    expect(result).toMatchObject({ kind: 'error', code: 'llm_unavailable' });
  });
});

describe('a reply over the size cap', () => {
  test.each([['streamed', true], ['in one piece', false]])('is cut when sent %s, and never sent back to the model', async (_how, streaming) => {
    const server = await serve({ replies: [{ kind: 'huge', bytes: 10 * 1024 * 1024 }], fallback: { kind: 'huge', bytes: 10 * 1024 * 1024 } });
    const result = await createLlmInterpreter({ model: model(server.baseURL, { streaming, timeoutMs: 30_000 }) }).interpret(PROMPT, ctx());
    expect(result).toMatchObject({ kind: 'error', code: 'llm_unavailable' });
    expect(server.requests).toHaveLength(1);
  });

  test('takes a reply under the cap', async () => {
    const definition = { version: 1, root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'gte', value: 1 } }] } };
    const server = await serve({ replies: [{ kind: 'tool_calls', calls: [{ name: 'submit_audience', args: { definition } }] }] });
    const result = await createLlmInterpreter({ model: model(server.baseURL, { streaming: true, maxReplyBytes: 64 * 1024 }) }).interpret(PROMPT, ctx());
    expect(result.kind).toBe('definition');
  });
});
