/**
 * A second message while a run is going: `reject` answers 409, `enqueue` runs it after the
 * first, `interrupt` stops the first. The lock lives in Redis, so this holds across processes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { frames, postJson, type Frame } from './support/raw-sse.js';
import { startTestService, type TestService } from './support/test-service.js';
import { TINY_ID, tinyAssistant } from './support/tiny-assistant.js';

let redis: TestRedis;
let a: TestService;
let b: TestService;

beforeAll(async () => {
  redis = await getTestRedis();
  const assistants = [tinyAssistant({ prepareDelayMs: 400 }), tinyAssistant({ prepareDelayMs: 3000 }, 'tiny-slow')];
  a = await startTestService({ assistants, redis });
  b = await startTestService({ assistants, redis });
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await redis?.stop();
});

async function readAll(res: Response): Promise<{ frames: Frame[] }> {
  const out: Frame[] = [];
  for await (const f of frames(res)) out.push(f);
  return { frames: out };
}

/** The last full state of a values stream (an interrupt comes as a values frame of its own). */
function lastState(fs: Frame[]): Record<string, unknown> | undefined {
  return fs.filter((f) => f.event === 'values' && !('__interrupt__' in (f.data as object))).at(-1)?.data as Record<string, unknown> | undefined;
}

const send = (svc: TestService, threadId: string, body: Record<string, unknown>) =>
  postJson(`${svc.url}/threads/${threadId}/runs/stream`, { assistant_id: TINY_ID, stream_mode: ['values'], ...body });

describe('double-texting', () => {
  it('rejects a second message with 409 conflict while the first runs, on another process too', async () => {
    const thread = await a.client().threads.create();
    const first = await send(a, thread.thread_id, { assistant_id: 'tiny-slow', input: { prompt: 'one' } });
    const same = await send(a, thread.thread_id, { input: { prompt: 'two' }, multitask_strategy: 'reject' });
    const elsewhere = await send(b, thread.thread_id, { input: { prompt: 'three' } });
    for (const res of [same, elsewhere]) {
      expect(res.status).toBe(409);
      const body = (await res.json()) as { error: { code: string; message: string; retryable: boolean } };
      expect(body.error).toMatchObject({ code: 'conflict', retryable: true });
      expect(body.error.message).toMatch(/enqueue/);
    }
    const reading = readAll(first);
    const [running] = await a.client().runs.list(thread.thread_id);
    expect(running?.status).toBe('running');
    await a.client().runs.cancel(thread.thread_id, running!.run_id, true);
    const done = await reading;
    expect(done.frames.map((f) => f.event)).toEqual(['metadata', 'values', 'end']);
    expect((await a.client().runs.list(thread.thread_id)).map((r) => r.status)).toEqual(['interrupted']);
  });

  it('runs an enqueued message after the running one, even when sent to another process', async () => {
    const thread = await a.client().threads.create();
    const first = await send(a, thread.thread_id, { input: { prompt: 'vip' } });
    const second = await send(b, thread.thread_id, { command: { resume: 'the second' }, multitask_strategy: 'enqueue' });
    expect(second.status).toBe(200);
    const [, two] = await Promise.all([readAll(first), readAll(second)]);
    // The resume answers the question the first run ends on: it ran after it.
    expect(lastState(two.frames)).toEqual({ prompt: 'vip', answer: 'the second', steps: ['prepare', 'ask', 'finish'] });
    const runs = await a.client().runs.list(thread.thread_id);
    expect(runs.map((r) => [r.status, r.multitask_strategy])).toEqual([
      ['success', 'enqueue'],
      ['success', 'reject'],
    ]);
  });

  it('keeps arrival order among several enqueued messages', async () => {
    const thread = await a.client().threads.create();
    const first = await send(a, thread.thread_id, { input: { prompt: 'p0' } });
    const queued = [];
    for (let i = 1; i <= 3; i++) {
      queued.push(await send(i % 2 ? b : a, thread.thread_id, { input: { prompt: `p${i}` }, multitask_strategy: 'enqueue' }));
    }
    const results = await Promise.all([first, ...queued].map(readAll));
    expect(results.map((r) => lastState(r.frames)?.prompt)).toEqual(['p0', 'p1', 'p2', 'p3']);
    // Each run adds its step to the thread's: the n-th to run sees n steps, so they ran in arrival order.
    expect(results.map((r) => (lastState(r.frames)?.steps as unknown[] | undefined)?.length)).toEqual([1, 2, 3, 4]);
  });

  it('stops the running message when the next one says interrupt', async () => {
    const thread = await a.client().threads.create();
    const first = await send(a, thread.thread_id, { assistant_id: 'tiny-slow', input: { prompt: 'slow' } });
    const second = await send(b, thread.thread_id, { input: { prompt: 'instead' }, multitask_strategy: 'interrupt' });
    const [one, two] = await Promise.all([readAll(first), readAll(second)]);
    expect(one.frames.map((f) => f.event)).not.toContain('error');
    expect(lastState(two.frames)).toMatchObject({ prompt: 'instead', steps: ['prepare'] });
    const runs = await a.client().runs.list(thread.thread_id);
    expect(runs.map((r) => r.status)).toEqual(['success', 'interrupted']);
  });
});
