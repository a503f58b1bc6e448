/**
 * Every route of the LangGraph Platform API that chat UIs and Studio call, through the official
 * SDK client, against the audience builder on Redis: /info and /ok, assistants (search, count,
 * graph, schemas, subgraphs, versions), threads (search by metadata with paging headers, count,
 * state update, copy, history), runs (wait, join, thread-less stream and wait, the thread's
 * stream), the store, crons answering "not implemented", and CORS for PUT and X-Auth-Scheme.
 */
import type { Client } from '@langchain/langgraph-sdk';
import { describe, expect, it } from 'vitest';
import { AUDIENCE_BUILDER_ID } from '../../src/server/assistants/audience-builder.js';
import { builderService } from './support/builder-service.js';

// lockTtlMs: a first turn on a busy machine can block the loop past the fast tests' lock lifetime.
const api = builderService({ redis: true, settings: { corsOrigins: ['http://chat.example'], lockTtlMs: 10_000 } });
const ORIGIN = 'http://chat.example';

interface Interrupt {
  type: string;
  text: string;
  options?: string[];
}

type Values = Record<string, unknown> & { messages?: { type: string; content: string; id: string }[]; __interrupt__?: { value: Interrupt }[] };

async function collect<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of stream) out.push(x);
  return out;
}

const client = (): Client => api.svc.client();

describe('what chat clients ask first', () => {
  it('answers /info with what the server offers (crons not) and /ok, without a key', async () => {
    const info = (await api.call('GET', '/info')).body as { flags: Record<string, boolean>; version: string; langgraph_js_version: string };
    expect(info.flags).toMatchObject({ assistants: true, crons: false });
    expect(info.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(info.langgraph_js_version).toMatch(/^1\./);
    expect((await api.call('GET', '/ok')).body).toEqual({ ok: true });
  });

  it('lets a browser on an allowed origin PUT and send X-Auth-Scheme', async () => {
    const res = await fetch(`${api.svc.url}/store/items`, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-auth-scheme, x-api-key, content-type' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(res.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-auth-scheme');
  });

  it('answers crons with "not implemented"', async () => {
    await expect(client().crons.search()).rejects.toThrow(/501/);
    await expect(client().crons.createForThread('t-1', AUDIENCE_BUILDER_ID, { schedule: '* * * * *' })).rejects.toThrow(/501/);
  });
});

describe('assistants', () => {
  it('searches, counts and lists versions of the audience builder', async () => {
    const found = await client().assistants.search({ graphId: AUDIENCE_BUILDER_ID });
    expect(found.map((a) => a.assistant_id)).toEqual([AUDIENCE_BUILDER_ID]);
    expect(await client().assistants.search({ graphId: 'nope' })).toEqual([]);
    expect(await client().assistants.count({ graphId: AUDIENCE_BUILDER_ID })).toBe(1);
    expect(await client().assistants.count({ metadata: { team: 'none' } })).toBe(0);
    const versions = await client().assistants.getVersions(AUDIENCE_BUILDER_ID);
    expect(versions).toEqual([expect.objectContaining({ assistant_id: AUDIENCE_BUILDER_ID, version: 1 })]);
    await expect(client().assistants.getVersions('nope')).rejects.toThrow(/404/);
  });

  it('draws its graph, with xray too, and has no subgraphs', async () => {
    for (const xray of [undefined, true]) {
      const graph = await client().assistants.getGraph(AUDIENCE_BUILDER_ID, xray ? { xray } : undefined);
      const ids = graph.nodes.map((n) => n.id);
      for (const node of ['__start__', 'intake', 'resolve', 'clarify', 'remember', 'draft', 'confirm', 'save', '__end__']) expect(ids).toContain(node);
      expect(graph.edges).toContainEqual(expect.objectContaining({ source: '__start__', target: 'intake' }));
      expect(graph.edges).toContainEqual(expect.objectContaining({ source: 'clarify', target: 'resolve' }));
    }
    expect(await client().assistants.getSubgraphs(AUDIENCE_BUILDER_ID)).toEqual({});
  });

  it('gives the schemas of its input and state', async () => {
    const schemas = await client().assistants.getSchemas(AUDIENCE_BUILDER_ID);
    expect(schemas.graph_id).toBe(AUDIENCE_BUILDER_ID);
    expect(Object.keys((schemas.input_schema as { properties: object }).properties)).toEqual(['messages', 'prompt']);
    const state = (schemas.state_schema as { properties: Record<string, unknown> }).properties;
    for (const field of ['messages', 'prompt', 'answers', 'question', 'currentDraft', 'audience', 'status']) expect(state).toHaveProperty(field);
    expect(schemas.config_schema).toMatchObject({ type: 'object' });
  });
});

describe('threads', () => {
  it('finds threads by metadata, with paging headers, and counts them', async () => {
    const topic = `topic-${Date.now()}`;
    for (let i = 0; i < 3; i++) await client().threads.create({ metadata: { topic, graph_id: AUDIENCE_BUILDER_ID } });
    const page = await client().threads.search({ metadata: { topic }, limit: 2 });
    expect(page).toHaveLength(2);
    expect(await client().threads.count({ metadata: { topic } })).toBe(3);
    expect(await client().threads.count({ metadata: { topic }, status: 'busy' })).toBe(0);
    const raw = await fetch(`${api.svc.url}/threads/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ metadata: { topic }, limit: 2 }) });
    expect(raw.headers.get('x-pagination-next')).toBe('2');
    expect(raw.headers.get('x-pagination-total')).toBe('3');
    const last = await fetch(`${api.svc.url}/threads/search`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ metadata: { topic }, limit: 2, offset: 2 }) });
    expect(last.headers.get('x-pagination-next')).toBeNull();
    expect(last.headers.get('x-pagination-total')).toBe('3');
  });

  it('updates a thread state with what a client may write, and refuses the rest', async () => {
    const thread = await client().threads.create();
    await client().runs.wait(thread.thread_id, AUDIENCE_BUILDER_ID, { input: { messages: [{ type: 'human', content: 'Customers from Germany' }] } });
    // The official server answers {checkpoint}, whatever the SDK's type says.
    const updated = (await client().threads.updateState(thread.thread_id, { values: { answers: { vip: 'Gold members' } } })) as unknown as { checkpoint: { thread_id: string; checkpoint_id: string } };
    expect(updated.checkpoint).toMatchObject({ thread_id: thread.thread_id });
    const state = await client().threads.getState<Values>(thread.thread_id);
    expect(state.values.answers).toEqual({ vip: 'Gold members' });
    expect(state.checkpoint.checkpoint_id).toBe(updated.checkpoint.checkpoint_id);
    await expect(client().threads.updateState(thread.thread_id, { values: { status: 'saved' } })).rejects.toThrow(/400/);
    await expect(client().threads.updateState(thread.thread_id, { values: { prompt: 'x' }, asNode: 'nowhere' })).rejects.toThrow(/400/);
    const history = await client().threads.getHistory(thread.thread_id, { limit: 2 });
    expect(history[0]?.checkpoint.checkpoint_id).toBe(updated.checkpoint.checkpoint_id);
    const viaGet = (await api.call('GET', `/threads/${thread.thread_id}/history?limit=2`)).body as { checkpoint: { checkpoint_id: string } }[];
    expect(viaGet.map((h) => h.checkpoint.checkpoint_id)).toEqual(history.map((h) => h.checkpoint.checkpoint_id));
  });

  it('copies a thread with its conversation and its pending question, and the copy goes on by itself', async () => {
    const thread = await client().threads.create({ metadata: { origin: 'copied' } });
    const asked = await client().runs.wait(thread.thread_id, AUDIENCE_BUILDER_ID, { input: { messages: [{ type: 'human', content: 'High-spending customers' }] } }) as Values;
    const question = asked.__interrupt__?.[0]?.value;
    expect(question?.type).toBe('question');
    const copy = await client().threads.copy(thread.thread_id);
    expect(copy.thread_id).not.toBe(thread.thread_id);
    expect(copy).toMatchObject({ status: 'interrupted', metadata: { origin: 'copied' } });
    const copied = await client().threads.getState<Values>(copy.thread_id);
    const original = await client().threads.getState<Values>(thread.thread_id);
    expect(copied.values.messages).toEqual(original.values.messages);
    expect(copied.tasks[0]?.interrupts[0]?.value).toEqual(question);
    const answered = await client().runs.wait(copy.thread_id, AUDIENCE_BUILDER_ID, { command: { resume: question!.options![0]! } }) as Values;
    expect(answered.__interrupt__?.[0]?.value.type).toBeDefined();
    const stillAsking = await client().threads.getState<Values>(thread.thread_id);
    expect(stillAsking.values.messages).toEqual(original.values.messages);
  });
});

describe('runs', () => {
  it('waits for a run and answers with its last values; join gives the same', async () => {
    const thread = await client().threads.create();
    let runId = '';
    const result = await client().runs.wait(thread.thread_id, AUDIENCE_BUILDER_ID, { input: { messages: [{ type: 'human', content: 'High-spending customers' }] }, onRunCreated: (m) => (runId = m.run_id) }) as Values;
    expect(runId).not.toBe('');
    expect(result.__interrupt__?.[0]?.value.type).toBe('question');
    expect(await client().runs.join(thread.thread_id, runId)).toEqual(result);
  });

  it('runs without a thread, streamed or waited for, and deletes the thread it used', async () => {
    const before = await client().threads.count();
    const streamed = await collect(client().runs.stream(null, AUDIENCE_BUILDER_ID, { input: { messages: [{ type: 'human', content: 'Customers from Germany' }] }, streamMode: ['values', 'messages-tuple'] }));
    expect(streamed[0]?.event).toBe('metadata');
    expect(streamed.at(-1)?.event).toBe('end');
    const values = streamed.filter((p) => p.event === 'values').at(-1)?.data as Values;
    expect(values.__interrupt__?.[0]?.value.type).toBe('confirm');
    expect(streamed.some((p) => p.event === 'messages')).toBe(true);
    const waited = await client().runs.wait(null, AUDIENCE_BUILDER_ID, { input: { messages: [{ type: 'human', content: 'Customers from Germany' }] } }) as Values;
    expect(waited.__interrupt__?.[0]?.value.type).toBe('confirm');
    for (let i = 0; i < 100 && (await client().threads.count()) !== before; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await client().threads.count()).toBe(before);
    const kept = (await api.call('POST', '/runs/wait', { assistant_id: AUDIENCE_BUILDER_ID, input: { prompt: 'Customers from Germany' }, on_completion: 'keep' })).body as Values;
    expect(kept.__interrupt__).toBeDefined();
    expect(await client().threads.count()).toBe(before + 1);
  });

  it("joins the thread's stream: its latest run from the start, ending with end", async () => {
    const thread = await client().threads.create();
    const never = await collect(client().threads.joinStream(thread.thread_id));
    expect(never.map((p) => p.event)).toEqual(['end']);
    const streamed = await collect(client().runs.stream(thread.thread_id, AUDIENCE_BUILDER_ID, { input: { prompt: 'Customers from Germany' }, streamMode: ['values', 'custom'] }));
    const joined = await collect(client().threads.joinStream(thread.thread_id, { lastEventId: '-1' }));
    expect(joined.map((p) => p.event)).toEqual(streamed.map((p) => p.event));
    const runModes = await collect(client().threads.joinStream(thread.thread_id, { lastEventId: '-1', streamMode: 'run_modes' }));
    expect(runModes.map((p) => p.event)).toEqual(streamed.map((p) => p.event));
    const onlyValues = await api.call('GET', `/threads/${thread.thread_id}/stream?stream_mode=values`, undefined, { 'last-event-id': '-1' });
    expect(new Set(onlyValues.frames.map((f) => f.event))).toEqual(new Set(['metadata', 'values', 'end']));
  });

  it('tells a failed wait by its error', async () => {
    const thread = await client().threads.create();
    const failed = await client().runs.wait(thread.thread_id, AUDIENCE_BUILDER_ID, { input: { prompt: 'hi' }, raiseError: false }) as Values;
    expect(failed.error).toMatchObject({ code: 'invalid_prompt' });
    expect(failed.messages?.at(-1)?.type).toBe('ai');
  });
});

describe('the store', () => {
  it('puts, gets, searches, lists namespaces and deletes items', async () => {
    const store = client().store;
    await store.putItem(['prefs', 'anna'], 'channel', { channel: 'email', weight: 3 });
    await store.putItem(['prefs', 'bob'], 'channel', { channel: 'sms', weight: 1 });
    await store.putItem(['notes'], 'n1', { text: 'VIP night in December' });
    const got = await store.getItem(['prefs', 'anna'], 'channel');
    expect(got).toMatchObject({ namespace: ['prefs', 'anna'], key: 'channel', value: { channel: 'email', weight: 3 } });
    expect(got?.createdAt).toBe((got as unknown as { created_at: string }).created_at);
    expect(await store.getItem(['prefs', 'anna'], 'missing')).toBeNull();
    expect((await store.searchItems(['prefs'])).items.map((i) => i.namespace[1]).sort()).toEqual(['anna', 'bob']);
    expect((await store.searchItems(['prefs'], { filter: { channel: 'sms' } })).items.map((i) => i.key)).toEqual(['channel']);
    expect((await store.searchItems(['prefs'], { filter: { weight: { $gte: 2 } } })).items.map((i) => i.namespace)).toEqual([['prefs', 'anna']]);
    expect((await store.searchItems([], { query: 'vip december' })).items.map((i) => i.key)).toEqual(['n1']);
    expect((await store.listNamespaces({ prefix: ['prefs'] })).namespaces).toEqual([['prefs', 'anna'], ['prefs', 'bob']]);
    expect((await store.listNamespaces({ maxDepth: 1 })).namespaces).toEqual([['notes'], ['prefs']]);
    await store.deleteItem(['prefs', 'anna'], 'channel');
    expect(await store.getItem(['prefs', 'anna'], 'channel')).toBeNull();
    const refused = await api.call('PUT', '/store/items', { namespace: ['a.b'], key: 'k', value: {} });
    expect(refused.status).toBe(400);
  });
});
