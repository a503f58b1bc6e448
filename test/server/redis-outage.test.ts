/**
 * Redis stopped and started again under traffic: requests fail fast with a retryable 503
 * `store_unavailable`, a stream already started ends with an `error` event (never a 500), the
 * process stays up, and it serves again by itself once Redis is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer, type RedisServer } from '../helpers/redis.js';
import { frames, postJson } from './support/raw-sse.js';
import { startTestService, type TestService } from './support/test-service.js';
import { tinyAssistant } from './support/tiny-assistant.js';

let redis: RedisServer;
let svc: TestService;

beforeAll(async () => {
  redis = await startRedisServer();
  svc = await startTestService({ assistants: [tinyAssistant({ prepareDelayMs: 800 }, 'tiny-slow')], redis: { url: redis.url, prefix: 'outage' } });
});

afterAll(async () => {
  await svc?.stop();
  await redis?.stop();
});

describe('Redis going away and coming back', () => {
  it('answers 503 while Redis is down, ends started streams with an error event, then recovers', async () => {
    const client = svc.client();
    const thread = await client.threads.create();
    const streaming = await postJson(`${svc.url}/threads/${thread.thread_id}/runs/stream`, { assistant_id: 'tiny-slow', input: { prompt: 'during the outage' } });
    expect(streaming.status).toBe(200);
    const iterator = frames(streaming);
    const first = await iterator.next();
    expect(first.value).toMatchObject({ event: 'metadata' });
    // The run is inside its slow step now.
    const reading = (async () => {
      const out = [first.value!];
      for await (const f of iterator) out.push(f);
      return out;
    })();

    await redis.stop();

    const create = await postJson(`${svc.url}/threads`, {});
    expect(create.status).toBe(503);
    expect(await create.json()).toEqual({ error: { code: 'store_unavailable', message: 'Conversation storage is unreachable. Try again in a moment.', retryable: true } });
    const run = await postJson(`${svc.url}/threads/${thread.thread_id}/runs/stream`, { assistant_id: 'tiny-slow', input: { prompt: 'x' } });
    expect(run.status).toBe(503);
    expect((await fetch(`${svc.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${svc.url}/readyz`);
    expect(ready.status).toBe(503);

    const streamed = await reading;
    expect(streamed[0]?.event).toBe('metadata');
    const last = streamed.at(-1)!;
    expect(last.event).toBe('error');
    expect(last.data).toMatchObject({ error: { code: 'store_unavailable', retryable: true } });

    redis = await startRedisServer(redis.port);
    const deadline = Date.now() + 10_000;
    let status = 0;
    while (Date.now() < deadline) {
      status = (await postJson(`${svc.url}/threads`, {})).status;
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect((await fetch(`${svc.url}/readyz`)).status).toBe(200);
    const again = await client.threads.create();
    const parts = [];
    for await (const p of client.runs.stream(again.thread_id, 'tiny-slow', { input: { prompt: 'after' } })) parts.push(p);
    expect(parts.filter((p) => p.event === 'values').at(-1)?.data).toMatchObject({ __interrupt__: [{ value: { term: 'after' } }] });
  });
});
