/**
 * The conversation as chat messages, the way chat UIs on the LangGraph protocol read it: the
 * audience builder on Redis with the shop workspace, driven by the official SDK client with
 * plain typed messages only (no command), as a person in a chat box would.
 */
import type { Client } from '@langchain/langgraph-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfflineInterpreter } from '../../src/interpreter/offline/index.js';
import { AUDIENCE_BUILDER_ID, audienceBuilderAssistant } from '../../src/server/assistants/audience-builder.js';
import { openShop, SHOP_NOW, type OpenShop } from '../graph/shop-workspace.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { startTestService, type TestService } from './support/test-service.js';

let redis: TestRedis;
let shop: OpenShop;
let svc: TestService;

beforeAll(async () => {
  redis = await getTestRedis();
  shop = await openShop();
  svc = await startTestService({
    assistants: (repositories) => [audienceBuilderAssistant({ interpreter: createOfflineInterpreter(), audiences: repositories.audiences, glossary: repositories.glossary })],
    redis,
    workspaces: { get: async (tenant) => (tenant === 'default' ? shop : undefined) },
    deps: { referenceTime: () => SHOP_NOW },
    // A first turn on a busy machine can block the loop past the fast tests' lock lifetime.
    settings: { lockTtlMs: 10_000 },
  });
}, 120_000);

afterAll(async () => {
  await svc?.stop();
  await shop?.dispose();
  await redis?.stop();
});

interface Message {
  id: string;
  type: string;
  content: string;
}

interface Said {
  events: { event: string; data: unknown }[];
  values: { messages: Message[] } & Record<string, unknown>;
  interrupt?: { type: string; text: string; options?: string[]; purpose?: string };
}

async function say(client: Client, threadId: string, text: string, o: { id?: string; streamMode?: ('values' | 'messages-tuple' | 'messages' | 'custom')[] } = {}): Promise<Said> {
  const events: Said['events'] = [];
  for await (const p of client.runs.stream(threadId, AUDIENCE_BUILDER_ID, {
    input: { messages: [{ type: 'human', content: text, ...(o.id ? { id: o.id } : {}) }] },
    streamMode: o.streamMode ?? ['values', 'messages-tuple'],
  })) events.push(p);
  const state = await client.threads.getState(threadId);
  const interrupt = state.tasks.flatMap((t) => t.interrupts)[0]?.value as Said['interrupt'];
  return { events, values: state.values as Said['values'], ...(interrupt ? { interrupt } : {}) };
}

const tuples = (s: Said) => s.events.filter((e) => e.event === 'messages').map((e) => e.data as [Message, Record<string, unknown>]);

describe('the conversation as chat messages', () => {
  it('keeps the user message with its id and says the question, options included, as an ai message', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    const asked = await say(client, thread.thread_id, 'High-spending customers', { id: 'msg-from-the-chat-ui' });
    const [first, second] = asked.values.messages;
    expect(first).toMatchObject({ id: 'msg-from-the-chat-ui', type: 'human', content: 'High-spending customers' });
    expect(second).toMatchObject({ type: 'ai', content: asked.interrupt!.text });
    expect(asked.interrupt!.text).toMatch(/high-spending/i);
    for (const option of asked.interrupt!.options!) expect(second!.content).toContain(`- ${option}`);
    // Streamed as messages-tuple with the same id the state keeps.
    const streamed = tuples(asked).map(([m]) => m);
    expect(streamed).toContainEqual(expect.objectContaining({ id: second!.id, type: 'ai', content: second!.content }));
    expect(tuples(asked)[0]![1]).toMatchObject({ langgraph_node: 'resolve' });
    const listed = await client.threads.get(thread.thread_id);
    expect((listed.values as Said['values']).messages.map((m) => m.id)).toEqual([first!.id, second!.id]);
  });

  it('takes a typed message as the answer to the pending question, then drafts, refines and applies by typing', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    let step = await say(client, thread.thread_id, 'High-spending customers');
    for (let i = 0; i < 5 && step.interrupt?.type === 'question'; i++) {
      const answer = step.interrupt.purpose === 'glossary' ? 'no' : step.interrupt.options![0]!;
      const before = step.values.messages.length;
      step = await say(client, thread.thread_id, answer);
      expect(step.values.messages[before]).toMatchObject({ type: 'human', content: answer });
    }
    expect(step.interrupt?.type).toBe('confirm');
    const draftMessage = step.values.messages.at(-1)!;
    expect(draftMessage.type).toBe('ai');
    expect(draftMessage.content).toBe(step.interrupt!.text);
    expect(draftMessage.content).toMatch(/^Here is the audience:\n✓ /);
    expect(draftMessage.content).toMatch(/of 2,000 profiles \(\d/);
    expect(draftMessage.content).toMatch(/Reachable: /);

    const refined = await say(client, thread.thread_id, 'only customers in Germany');
    expect(refined.interrupt?.type).toBe('confirm');
    expect(refined.values.messages.at(-2)).toMatchObject({ type: 'human', content: 'only customers in Germany' });
    expect(refined.values.messages.at(-1)!.content).toMatch(/Germany|DE/);

    const applied = await say(client, thread.thread_id, 'apply');
    expect(applied.interrupt).toBeUndefined();
    expect(applied.values.messages.slice(-2)).toMatchObject([{ type: 'human', content: 'apply' }, { type: 'ai', content: 'Saved "High-spending customers".' }]);
    const ids = applied.values.messages.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(refined.values.messages.map((m) => m.id)).toEqual(ids.slice(0, refined.values.messages.length));
    expect((applied.values.audience as { name: string }).name).toBe('High-spending customers');
  });

  it('says an error as an ai message, and streams new messages whole in mode messages', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    const failed = await say(client, thread.thread_id, 'hi', { streamMode: ['messages'] });
    expect(failed.values.messages.map((m) => m.type)).toEqual(['human', 'ai']);
    expect(failed.values.messages[1]!.content).toBe((failed.values.error as { message: string }).message);
    expect(failed.events.map((e) => e.event)).not.toContain('values');
    const complete = failed.events.filter((e) => e.event === 'messages/complete').flatMap((e) => e.data as Message[]);
    expect(complete.map((m) => m.id)).toEqual(failed.values.messages.map((m) => m.id));
  });

  it('still takes command.resume, and records the answer sent as a value in words', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    let step = await say(client, thread.thread_id, 'High-spending customers');
    for (let i = 0; i < 5 && step.interrupt?.type === 'question'; i++) {
      for await (const _ of client.runs.stream(thread.thread_id, AUDIENCE_BUILDER_ID, { command: { resume: step.interrupt.purpose === 'glossary' ? false : step.interrupt.options![0]! } })) {
        // Only the end state matters.
      }
      const state = await client.threads.getState(thread.thread_id);
      step = { events: [], values: state.values as Said['values'], interrupt: state.tasks.flatMap((t) => t.interrupts)[0]?.value as Said['interrupt'] };
    }
    expect(step.interrupt?.type).toBe('confirm');
    for await (const _ of client.runs.stream(thread.thread_id, AUDIENCE_BUILDER_ID, { command: { resume: { action: 'apply', name: 'VIP night' } } })) {
      // Only the end state matters.
    }
    const messages = ((await client.threads.getState(thread.thread_id)).values as Said['values']).messages;
    expect(messages.slice(-2)).toMatchObject([{ type: 'human', content: 'Apply as "VIP night"' }, { type: 'ai', content: 'Saved "VIP night".' }]);
    expect(messages.filter((m) => m.type === 'human').map((m) => m.content)).toContain('No, just this time');
  });
});
