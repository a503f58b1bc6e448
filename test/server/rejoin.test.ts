/**
 * Runs outlive their streams: a client that cuts its stream can rejoin with Last-Event-ID and
 * gets every event exactly once, from the process running the run or from another one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { frames, postJson, type Frame } from './support/raw-sse.js';
import { startTestService, type TestService } from './support/test-service.js';
import { TINY_ID, tinyAssistant } from './support/tiny-assistant.js';

let redis: TestRedis;
let svc: TestService;
let other: TestService;

beforeAll(async () => {
  redis = await getTestRedis();
  const assistants = [tinyAssistant({ prepareDelayMs: 600, askDelayMs: 150 })];
  svc = await startTestService({ assistants, redis });
  // A second process on the same Redis: rejoins may land on any instance.
  other = await startTestService({ assistants, redis });
});

afterAll(async () => {
  await svc?.stop();
  await other?.stop();
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

const plain = (p: Part | Frame) => ({ id: p.id, event: p.event, data: p.data });

async function startAndCut(t: TestService, threadId: string, keep: number): Promise<{ seen: Frame[]; runId: string; headers: Headers }> {
  const cut = new AbortController();
  const res = await postJson(`${t.url}/threads/${threadId}/runs/stream`, { assistant_id: TINY_ID, input: { prompt: 'cut' }, stream_mode: ['values', 'updates', 'custom'] }, {}, cut.signal);
  const seen: Frame[] = [];
  for await (const f of frames(res)) {
    seen.push(f);
    if (seen.length === keep) break;
  }
  cut.abort();
  return { seen, runId: (seen[0]!.data as { run_id: string }).run_id, headers: res.headers };
}

describe('rejoining a run stream', () => {
  it('gives every event exactly once after a cut, with Last-Event-ID', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    const { seen, runId, headers } = await startAndCut(svc, thread.thread_id, 2);
    expect(headers.get('content-location')).toBe(`/threads/${thread.thread_id}/runs/${runId}`);
    expect(headers.get('location')).toBe(`/threads/${thread.thread_id}/runs/${runId}/stream`);
    // The run was not cancelled by the disconnect.
    expect((await client.runs.get(thread.thread_id, runId)).status).toBe('running');

    const rest = await collect(client.runs.joinStream(thread.thread_id, runId, { lastEventId: seen.at(-1)!.id }));
    const all = [...seen.map(plain), ...rest.map(plain)];
    expect(all.map((p) => p.id)).toEqual(all.map((_, i) => String(i)));
    const full = await collect(client.runs.joinStream(thread.thread_id, runId, { lastEventId: '-1' }));
    expect(all).toEqual(full.map(plain));
    expect(all.map((p) => p.event)).toContain('custom');
    expect((await client.runs.get(thread.thread_id, runId)).status).toBe('success');
  });

  it('rejoins through another process sharing the store, while the run is still going', async () => {
    const thread = await svc.client().threads.create();
    const { seen, runId } = await startAndCut(svc, thread.thread_id, 1);
    const rest = await collect(other.client().runs.joinStream(thread.thread_id, runId, { lastEventId: seen.at(-1)!.id }));
    const ids = [...seen, ...rest].map((p) => p.id);
    expect(ids).toEqual(ids.map((_, i) => String(i)));
    const lastValues = rest.filter((p) => p.event === 'values').at(-1)?.data as { __interrupt__?: unknown[] };
    expect(lastValues.__interrupt__).toHaveLength(1);
  });

  it('sends nothing twice when the last event id is the last event', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    const all = await collect(client.runs.stream(thread.thread_id, TINY_ID, { input: { prompt: 'whole' } }));
    const meta = all[0]!.data as { run_id: string };
    const after = await collect(client.runs.joinStream(thread.thread_id, meta.run_id, { lastEventId: all.at(-1)!.id }));
    expect(after).toEqual([]);
  });

  it('refuses a Last-Event-ID that is not an event id', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    const all = await collect(client.runs.stream(thread.thread_id, TINY_ID, { input: { prompt: 'bad id' } }));
    const runId = (all[0]!.data as { run_id: string }).run_id;
    const res = await fetch(`${svc.url}/threads/${thread.thread_id}/runs/${runId}/stream`, { headers: { 'Last-Event-ID': 'abc' } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', retryable: false } });
  });
});
