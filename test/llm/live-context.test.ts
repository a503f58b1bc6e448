/**
 * The LLM interpreter and live audiences, through the real ChatOpenAI client against a fake
 * OpenAI-compatible server: the model is told how context conditions work and when a request is
 * live, may submit them, gets a malformed one back as feedback, and its definition comes
 * through parsed next to behaviour conditions.
 */
import { describe, expect, test } from 'vitest';
import { createLlmInterpreter, type LlmModelConfig } from '../../src/interpreter/llm/index.js';
import { type RecordedRequest } from '../helpers/fake-openai.js';
import { useShopAndFakeModel } from './support/shop-and-model.js';

const { ctx, serve } = useShopAndFakeModel();
const config = (baseURL: string): LlmModelConfig => ({ apiKey: 'test-key', baseURL, model: 'fake-model', maxRetries: 0, timeoutMs: 5_000 });

const liveDefinition = {
  version: 1,
  root: {
    type: 'group',
    op: 'and',
    conditions: [
      { type: 'context', field: 'device', op: 'in', value: ['mobile'] },
      { type: 'context', field: 'url_param', name: 'utm_campaign', op: 'contains', value: 'spring' },
      { type: 'context', field: 'local_time', op: 'between', value: ['18:00', '23:00'] },
      { type: 'context', field: 'session_count', op: 'gte', value: 2 },
      { type: 'event', events: ['Product Viewed'], window: { kind: 'last', amount: 7, unit: 'days' }, count: { op: 'gte', value: 1 } },
    ],
  },
};

const systemText = (req: RecordedRequest) => String(req.body.messages?.find((m) => m.role === 'system')?.content ?? '');
const toolMessages = (req: RecordedRequest) => (req.body.messages ?? []).filter((m) => m.role === 'tool').map((m) => String(m.content));

describe('live audiences through the LLM interpreter', () => {
  test('tells the model about context conditions and takes a live definition it submits, parsed', async () => {
    const server = await serve({ replies: [{ kind: 'tool_calls', calls: [{ name: 'submit_audience', args: { definition: liveDefinition } }] }] });
    const result = await createLlmInterpreter({ model: config(server.baseURL) })
      .interpret('Returning mobile visitors from the spring campaign in the evening who viewed a product in the last 7 days', ctx());

    expect(result.kind).toBe('definition');
    if (result.kind !== 'definition') return;
    expect(result.definition.root.conditions).toEqual([
      { type: 'context', field: 'device', op: 'in', value: ['mobile'] },
      { type: 'context', field: 'url_param', name: 'utm_campaign', op: 'contains', value: 'spring' },
      { type: 'context', field: 'local_time', op: 'between', value: ['18:00', '23:00'] },
      { type: 'context', field: 'session_count', op: 'gte', value: 2 },
      // Defaults the model may leave out are filled in by the definition schema.
      { type: 'event', events: ['Product Viewed'], filters: [], window: { kind: 'last', amount: 7, unit: 'days' }, count: { op: 'gte', value: 1 } },
    ]);

    const first = server.requests[0]!;
    expect(systemText(first)).toMatch(/Live audiences/);
    expect(systemText(first)).toMatch(/"visitors from Germany" is where the visit is/);
    expect(systemText(first)).toMatch(/keeps the history meaning/);
    const submit = JSON.stringify(first.body.tools!.find((t) => t.function.name === 'submit_audience')!.function.parameters);
    for (const field of ['session_count', 'local_time', 'day_of_week', 'url_param', 'cookie', 'referrer']) expect(submit).toContain(field);
  });

  test('sends a malformed context condition back to the model, which fixes it', async () => {
    const phone = structuredClone(liveDefinition);
    phone.root.conditions[0] = { type: 'context', field: 'device', op: 'in', value: ['phone'] };
    const server = await serve({
      replies: [
        { kind: 'tool_calls', calls: [{ name: 'submit_audience', args: { definition: phone } }] },
        (req) => toolMessages(req).some((m) => /Error/.test(m))
          ? { kind: 'tool_calls', calls: [{ name: 'submit_audience', args: { definition: liveDefinition } }] }
          : { kind: 'message', content: 'no feedback seen' },
      ],
    });
    const result = await createLlmInterpreter({ model: config(server.baseURL) }).interpret('Mobile visitors from the spring campaign', ctx());
    expect(server.requests).toHaveLength(2);
    expect(result.kind).toBe('definition');
    if (result.kind !== 'definition') return;
    expect(result.definition.root.conditions[0]).toEqual({ type: 'context', field: 'device', op: 'in', value: ['mobile'] });
  });
});
