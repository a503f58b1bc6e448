/**
 * The real ChatOpenAI client against a fake OpenAI-compatible server on 127.0.0.1: tool calls,
 * streamed chunks ending in [DONE], a 500, a timeout, and what personal data reaches the model.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { createLlmInterpreter, type LlmModelConfig } from '../../src/interpreter/llm/index.js';
import { type RecordedRequest, type ScriptedReply } from '../helpers/fake-openai.js';
import { SHOP_DIR } from '../graph/shop-workspace.js';
import { useShopAndFakeModel } from './support/shop-and-model.js';

const { ctx, serve } = useShopAndFakeModel();
const config = (baseURL: string, extra: Partial<LlmModelConfig> = {}): LlmModelConfig => ({ apiKey: 'test-key', baseURL, model: 'fake-model', maxRetries: 0, timeoutMs: 5_000, ...extra });

const noPurchase30 = {
  version: 1,
  root: { type: 'group', op: 'and', conditions: [{ type: 'event', events: ['Order Completed'], window: { kind: 'last', amount: 30, unit: 'days' }, count: { op: 'eq', value: 0 } }] },
};

function toolMessages(req: RecordedRequest): string[] {
  return (req.body.messages ?? []).filter((m) => m.role === 'tool').map((m) => String(m.content));
}

describe('ChatOpenAI against an OpenAI-compatible endpoint', () => {
  test('runs a tool call and takes the submitted definition', async () => {
    const server = await serve({
      replies: [
        { kind: 'tool_calls', calls: [{ name: 'search_events', args: { query: 'purchase' } }] },
        (req) => {
          const results = toolMessages(req);
          return results.some((r) => r.includes('Order Completed'))
            ? { kind: 'tool_calls', calls: [{ name: 'submit_audience', args: { definition: noPurchase30 } }] }
            : { kind: 'message', content: 'no tool result seen' };
        },
      ],
    });
    const result = await createLlmInterpreter({ model: config(server.baseURL) }).interpret("Customers who haven't purchased in the last 30 days.", ctx());
    expect(result.kind).toBe('definition');
    expect(server.requests).toHaveLength(2);
    const first = server.requests[0]!;
    expect(first.path).toBe('/v1/chat/completions');
    expect(first.headers.authorization).toBe('Bearer test-key');
    expect(first.body.model).toBe('fake-model');
    const tools = first.body.tools!.map((t) => t.function.name);
    expect(tools).toEqual(expect.arrayContaining(['search_events', 'get_trait_values', 'submit_audience', 'ask_question', 'cannot_build']));
    const submit = first.body.tools!.find((t) => t.function.name === 'submit_audience')!;
    expect(JSON.stringify(submit.function.parameters)).toContain('"$defs"');
    // The assistant turn with the tool call is sent back with its result.
    const second = server.requests[1]!.body.messages!;
    expect(second.some((m) => m.role === 'assistant' && Array.isArray(m.tool_calls))).toBe(true);
  });

  test('reads streamed chunks, with tool arguments split across them, up to [DONE]', async () => {
    const server = await serve({
      chunkSize: 5,
      replies: [
        { kind: 'tool_calls', content: 'Let me check.', calls: [{ name: 'get_property_values', args: { event: 'Order Completed', property: 'category', query: 'beauty' } }] },
        { kind: 'tool_calls', calls: [{ name: 'ask_question', args: { term: 'recent', question: 'How recent?', options: ['Last 7 days', 'Last 30 days', 'Let me type a number'] } }] },
      ],
    });
    const result = await createLlmInterpreter({ model: config(server.baseURL, { streaming: true }) }).interpret('Customers who bought Beauty products recently', ctx());
    expect(server.requests.every((r) => r.body.stream === true)).toBe(true);
    expect(toolMessages(server.requests[1]!).join()).toContain('"Beauty"');
    expect(result).toMatchObject({ kind: 'clarify', question: { term: 'recent', options: ['Last 7 days', 'Last 30 days', 'Let me type a number'] } });
  });

  test('answers llm_unavailable after the retries when the endpoint fails with 500', async () => {
    const server = await serve({ fallback: { kind: 'error', status: 500, message: 'boom' } });
    const result = await createLlmInterpreter({ model: config(server.baseURL, { maxRetries: 1 }) }).interpret("Customers who haven't purchased in the last 30 days.", ctx());
    expect(result).toMatchObject({ kind: 'error', code: 'llm_unavailable', message: 'Something went wrong. Try again later.' });
    expect(server.requests).toHaveLength(2);
  });

  test('gives up on an endpoint that does not answer within the timeout', async () => {
    const server = await serve({ fallback: { kind: 'hang' } });
    const result = await createLlmInterpreter({ model: config(server.baseURL, { timeoutMs: 300 }) }).interpret("Customers who haven't purchased in the last 30 days.", ctx());
    expect(result).toMatchObject({ kind: 'error', code: 'llm_unavailable' });
  });
});

test('talks to a self-hosted endpoint that needs no key, and refuses to start with neither key nor URL', async () => {
  const server = await serve({ replies: [{ kind: 'tool_calls', calls: [{ name: 'submit_audience', args: { definition: noPurchase30 } }] }] });
  const result = await createLlmInterpreter({ model: { baseURL: server.baseURL, model: 'llama3', maxRetries: 0 } }).interpret("Customers who haven't purchased in the last 30 days.", ctx());
  expect(result.kind).toBe('definition');
  expect(server.requests[0]!.body.model).toBe('llama3');
  expect(() => createLlmInterpreter({ model: { model: 'gpt-4o-mini' } })).toThrow(/API key/);
});

interface ProfileSecrets { userIds: string[]; emails: string[]; phones: string[]; fullNames: string[] }

async function profileSecrets(): Promise<ProfileSecrets> {
  const out: ProfileSecrets = { userIds: [], emails: [], phones: [], fullNames: [] };
  const lines = createInterface({ input: createReadStream(`${SHOP_DIR}/profiles.jsonl.gz`).pipe(createGunzip()) });
  for await (const line of lines) {
    if (!line.trim()) continue;
    const { userId, traits } = JSON.parse(line) as { userId: string; traits: Record<string, unknown> };
    out.userIds.push(userId);
    if (typeof traits.email === 'string') out.emails.push(traits.email);
    if (typeof traits.phone === 'string') out.phones.push(traits.phone);
    if (typeof traits.first_name === 'string' && typeof traits.last_name === 'string') out.fullNames.push(`${traits.first_name} ${traits.last_name}`);
  }
  return out;
}

test('never sends an email, a phone number or a profile row to the model', async () => {
  const secrets = await profileSecrets();
  const email = secrets.emails[1]!;
  const phone = secrets.phones[0]!;
  const lookups: ScriptedReply[] = [
    { kind: 'tool_calls', calls: [
      { name: 'get_trait_values', args: { trait: 'email' } },
      { name: 'get_trait_values', args: { trait: 'phone', query: phone.slice(0, 6) } },
      { name: 'search_traits', args: { query: 'email address' } },
      { name: 'get_trait_values', args: { trait: 'notes' } },
      { name: 'get_trait_values', args: { trait: 'first_name' } },
    ] },
    { kind: 'tool_calls', calls: [
      { name: 'preview_audience', args: { definition: noPurchase30 } },
      { name: 'measure_distribution', args: { events: ['Order Completed'], fn: 'sum', property: 'total' } },
      { name: 'search_events', args: { query: 'order' } },
      { name: 'get_event_properties', args: { event: 'Order Completed' } },
    ] },
    { kind: 'tool_calls', calls: [{ name: 'submit_audience', args: { definition: noPurchase30 } }] },
  ];
  const server = await serve({ replies: lookups });
  const prompt = `Customers like ${email} or ${phone} who haven't purchased in 30 days`;
  const result = await createLlmInterpreter({ model: config(server.baseURL) }).interpret(prompt, ctx());
  expect(result.kind).toBe('definition');
  expect(server.requests).toHaveLength(3);

  const sent = server.requests.map((r) => r.raw).join('\n');
  expect(sent).toContain('[email]');
  expect(sent).toContain('[phone]');
  // A tool result of every kind went out, so the check below covers what tools return.
  expect(sent).toContain('personal data');
  expect(sent).toContain('reachability');
  for (const e of secrets.emails) expect(sent.includes(e), `email ${e}`).toBe(false);
  for (const p of secrets.phones) expect(sent.includes(p), `phone ${p}`).toBe(false);
  for (const n of secrets.fullNames) expect(sent.includes(n), `name ${n}`).toBe(false);
  expect(sent.match(/\bu\d{5}\b/g)).toBeNull();
  expect(secrets.userIds.length).toBe(2000);
});
