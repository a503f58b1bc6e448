/**
 * A service process killed with SIGKILL in the middle of a run: a new process on the same Redis
 * settles the dead run, and the thread resumes from its last checkpoint with nothing lost or
 * done twice.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from '@langchain/langgraph-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { bundleFixture, startChild, type Child } from './support/child-process.js';
import { frames, postJson } from './support/raw-sse.js';
import { TINY_ID } from './support/tiny-assistant.js';

let redis: TestRedis;
let file: string;
const children: Child[] = [];

beforeAll(async () => {
  redis = await getTestRedis();
  file = await bundleFixture(join(import.meta.dirname, 'support/child-server.ts'));
});

afterAll(async () => {
  for (const c of children) c.process.kill('SIGKILL');
  if (file) rmSync(file, { force: true });
  await redis?.stop();
});

async function child(askDelayMs: number, settings: Record<string, unknown> = {}): Promise<Child> {
  const c = await startChild(file, JSON.stringify({ redis: { url: redis.url, prefix: redis.prefix }, timing: { askDelayMs }, settings }));
  children.push(c);
  return c;
}

describe('a process killed mid-run', () => {
  it('resumes the thread from its last checkpoint after a restart, nothing lost or duplicated', async () => {
    const first = await child(30_000);
    const api = (url: string) => new Client({ apiUrl: url, apiKey: null, callerOptions: { maxRetries: 0 } });
    const thread = await api(first.url).threads.create();
    const res = await postJson(`${first.url}/threads/${thread.thread_id}/runs/stream`, { assistant_id: TINY_ID, input: { prompt: 'survive' }, stream_mode: ['updates'] });
    let runId = '';
    for await (const f of frames(res)) {
      if (f.event === 'metadata') runId = (f.data as { run_id: string }).run_id;
      // `prepare` is done and checkpointed; `ask` now sleeps for 30 s.
      if (f.event === 'updates' && 'prepare' in (f.data as object)) break;
    }
    await new Promise((r) => setTimeout(r, 200));
    first.process.kill('SIGKILL');
    await new Promise((r) => first.process.once('exit', r));

    // The new process looks for abandoned runs at start-up and then often; nobody asks about the run.
    const second = await child(0, { sweepMs: 100 });
    const client = api(second.url);
    while ((await client.threads.get(thread.thread_id)).status === 'busy') await new Promise((r) => setTimeout(r, 100));
    expect((await client.threads.get(thread.thread_id)).status).toBe('interrupted');
    const abandoned = await client.runs.get(thread.thread_id, runId);
    expect(abandoned).toMatchObject({ status: 'error', error: { code: 'unavailable', retryable: true } });
    const saved = await client.threads.getState(thread.thread_id);
    expect(saved.values).toEqual({ prompt: 'survive', steps: ['prepare'], answer: null });
    expect(saved.next).toEqual(['ask']);

    // Null input continues from the last checkpoint; enqueue waits for the dead run's lock to lapse.
    const resumed = [];
    for await (const p of client.runs.stream(thread.thread_id, TINY_ID, { input: null, multitaskStrategy: 'enqueue', streamMode: ['values'] })) resumed.push(p);
    const question = resumed.filter((p) => p.event === 'values').at(-1)?.data as { __interrupt__: { value: { term: string } }[] };
    expect(question.__interrupt__[0]?.value.term).toBe('survive');
    expect((await client.threads.getState(thread.thread_id)).values).toMatchObject({ steps: ['prepare'] });

    const dead = await client.runs.get(thread.thread_id, runId);
    expect(dead.status).toBe('error');
    const replay = [];
    for await (const p of client.runs.joinStream(thread.thread_id, runId, { lastEventId: '-1' })) replay.push(p);
    expect(replay.map((p) => p.event)).toEqual(['metadata', 'updates', 'error', 'end']);

    const answered = [];
    for await (const p of client.runs.stream(thread.thread_id, TINY_ID, { command: { resume: 'the first' }, streamMode: ['values'] })) answered.push(p);
    expect(answered.filter((p) => p.event === 'values').at(-1)?.data).toEqual({ prompt: 'survive', answer: 'the first', steps: ['prepare', 'ask', 'finish'] });
    expect((await client.threads.get(thread.thread_id)).status).toBe('idle');
  });
});

describe('a process stopped with SIGTERM mid-run', () => {
  it('stops taking connections, lets the running turn finish its stream, then exits cleanly', async () => {
    const c = await child(800);
    const thread = await new Client({ apiUrl: c.url, apiKey: null }).threads.create();
    const res = await postJson(`${c.url}/threads/${thread.thread_id}/runs/stream`, { assistant_id: TINY_ID, input: { prompt: 'finish me' }, stream_mode: ['values'] });
    const exited = new Promise<number | null>((r) => c.process.once('exit', (code) => r(code)));
    const reading = (async () => {
      const out = [];
      for await (const f of frames(res)) out.push(f);
      return out;
    })();
    await new Promise((r) => setTimeout(r, 150));
    c.process.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 150));
    await expect(fetch(`${c.url}/healthz`)).rejects.toThrow();
    const got = await reading;
    expect(got.map((f) => f.event)).not.toContain('error');
    expect(got.filter((p) => p.event === 'values').at(-1)?.data).toMatchObject({ __interrupt__: [{ value: { term: 'finish me' } }] });
    expect(await exited).toBe(0);
  });
});
