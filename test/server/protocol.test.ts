/**
 * The official @langchain/langgraph-sdk Client against the real service on 127.0.0.1 with the
 * Redis stores: a conversation that asks a question, is answered, and is read back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { startTestService, type TestService } from './support/test-service.js';
import { TINY_ID, tinyAssistant } from './support/tiny-assistant.js';

let redis: TestRedis;
let svc: TestService;

beforeAll(async () => {
  redis = await getTestRedis();
  svc = await startTestService({ assistants: [tinyAssistant()], redis });
});

afterAll(async () => {
  await svc?.stop();
  await redis?.stop();
});

interface Part {
  event: string;
  data: unknown;
  id?: string;
}

async function collect(stream: AsyncIterable<Part>): Promise<Part[]> {
  const parts: Part[] = [];
  for await (const p of stream) parts.push(p);
  return parts;
}

describe('the LangGraph protocol through the official SDK client', () => {
  it('asks a question with options, takes the answer and reaches the next state', async () => {
    const client = svc.client();
    const thread = await client.threads.create({ metadata: { channel: 'widget' } });
    let created: { run_id: string; thread_id?: string } | undefined;
    const first = await collect(
      client.runs.stream(thread.thread_id, TINY_ID, {
        input: { prompt: 'vip' },
        streamMode: ['values', 'updates', 'custom', 'messages-tuple'],
        onRunCreated: (meta) => (created = meta),
      }),
    );
    expect(first[0]).toMatchObject({ event: 'metadata', data: { run_id: created?.run_id } });
    expect(created?.thread_id).toBe(thread.thread_id);
    expect(first.map((p) => p.id)).toEqual(first.map((_, i) => String(i)));
    expect(first.find((p) => p.event === 'custom')?.data).toEqual({ type: 'progress', stage: 'ask' });
    const question = { type: 'question', question: 'What do you mean by "vip"?', options: ['the first', 'the second'], term: 'vip' };
    const lastValues = first.filter((p) => p.event === 'values').at(-1)?.data as { __interrupt__?: { value: unknown }[] };
    expect(lastValues.__interrupt__?.[0]?.value).toEqual(question);
    const interruptUpdate = first.find((p) => p.event === 'updates' && '__interrupt__' in (p.data as object));
    expect((interruptUpdate?.data as { __interrupt__: { value: unknown }[] }).__interrupt__[0]!.value).toEqual(question);

    const paused = await client.threads.get(thread.thread_id);
    expect(paused.status).toBe('interrupted');
    const state = await client.threads.getState(thread.thread_id);
    expect(state.next).toEqual(['ask']);
    expect(state.tasks[0]?.interrupts[0]?.value).toEqual(question);

    const second = await collect(client.runs.stream(thread.thread_id, TINY_ID, { command: { resume: 'the first' }, streamMode: ['values'] }));
    expect(second.map((p) => p.event)).toEqual(['metadata', 'values', 'values', 'values', 'end']);
    expect(second.filter((p) => p.event === 'values').at(-1)?.data).toEqual({ prompt: 'vip', answer: 'the first', steps: ['prepare', 'ask', 'finish'] });

    const done = await client.threads.get(thread.thread_id);
    expect(done).toMatchObject({ status: 'idle', values: { answer: 'the first' }, metadata: { channel: 'widget', assistant_id: TINY_ID } });
    expect(await client.runs.get(thread.thread_id, created!.run_id)).toMatchObject({ status: 'success', thread_id: thread.thread_id });
  });

  it('lists and searches the threads of the workspace, newest activity first', async () => {
    const client = svc.client();
    const a = await client.threads.create({ metadata: { topic: 'search-a' } });
    const b = await client.threads.create({ metadata: { topic: 'search-b' } });
    await collect(client.runs.stream(b.thread_id, TINY_ID, { input: { prompt: 'gold members' } }));
    const byMeta = await client.threads.search({ metadata: { topic: 'search-a' } });
    expect(byMeta.map((t) => t.thread_id)).toEqual([a.thread_id]);
    const interrupted = await client.threads.search({ status: 'interrupted', limit: 100 });
    expect(interrupted.map((t) => t.thread_id)).toContain(b.thread_id);
    expect(interrupted.map((t) => t.thread_id)).not.toContain(a.thread_id);
    const recent = await client.threads.search({ limit: 2, sortBy: 'updated_at', sortOrder: 'desc' });
    expect(recent[0]?.thread_id).toBe(b.thread_id);
    expect((recent[0] as unknown as { title: string }).title).toBe('gold members');
  });

  it('returns the state history newest first, each with its checkpoint', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    await collect(client.runs.stream(thread.thread_id, TINY_ID, { input: { prompt: 'history' } }));
    await collect(client.runs.stream(thread.thread_id, TINY_ID, { command: { resume: 'the second' } }));
    const history = await client.threads.getHistory(thread.thread_id, { limit: 10 });
    expect(history.length).toBeGreaterThanOrEqual(4);
    expect(history[0]?.values).toMatchObject({ answer: 'the second', steps: ['prepare', 'ask', 'finish'] });
    expect(history[0]?.next).toEqual([]);
    const ids = history.map((h) => h.checkpoint?.checkpoint_id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(history[1]?.checkpoint?.checkpoint_id).toBe(history[0]?.parent_checkpoint?.checkpoint_id);
    const older = await client.threads.getHistory(thread.thread_id, { limit: 1, before: { checkpoint_id: ids[0] } as never });
    expect(older[0]?.checkpoint?.checkpoint_id).toBe(ids[1]);
  });

  it('answers the assistant and 404s an unknown one', async () => {
    const client = svc.client();
    expect(await client.assistants.get(TINY_ID)).toMatchObject({ assistant_id: TINY_ID, graph_id: TINY_ID });
    const thread = await client.threads.create();
    await expect(collect(client.runs.stream(thread.thread_id, 'nope', { input: { prompt: 'x' } }))).rejects.toThrow(/404/);
  });

  it('counts runs, requests and open streams in the Prometheus metrics', async () => {
    const text = await (await fetch(`${svc.url}/metrics`)).text();
    expect(text).toMatch(/^runs_total\{status="success"\} [1-9]\d*$/m);
    expect(text).toMatch(/^open_streams 0$/m);
    expect(text).toMatch(/^http_requests_total\{method="POST",route="\/threads\/:thread_id\/runs\/stream",status="200"\} [1-9]/m);
    expect(text).toMatch(/^run_duration_seconds_count\{status="success"\} [1-9]/m);
  });
});
