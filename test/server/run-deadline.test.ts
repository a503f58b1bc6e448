/**
 * A run's total time is bounded: whatever its graph (or the model behind it) does, the run is
 * stopped at RUN_TIMEOUT_MS with error `timeout`, and its thread is free for the next message.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { frames, postJson } from './support/raw-sse.js';
import { startTestService, type TestService } from './support/test-service.js';
import { TINY_ID, tinyAssistant } from './support/tiny-assistant.js';

let svc: TestService;

beforeAll(async () => {
  // A first step that would take a minute, in a service that lets a run go on for 300 ms.
  svc = await startTestService({ assistants: [tinyAssistant({ prepareDelayMs: 60_000 })], settings: { runTimeoutMs: 300 } });
});

afterAll(async () => {
  await svc?.stop();
});

it('stops a run that goes on too long with error timeout, and frees its thread', async () => {
  const thread = (await svc.client().threads.create()).thread_id;
  const res = await postJson(`${svc.url}/threads/${thread}/runs/stream`, { assistant_id: TINY_ID, input: { prompt: 'slow' } });
  const events: { event: string; data: unknown }[] = [];
  for await (const frame of frames(res)) events.push(frame);
  const error = events.find((e) => e.event === 'error')?.data as { error: { code: string; message: string; retryable: boolean } };
  expect(error.error).toMatchObject({ code: 'timeout', retryable: true, message: expect.stringContaining('took longer than') });
  const runs = await svc.client().runs.list(thread);
  expect(runs[0]).toMatchObject({ status: 'error' });
  expect((await svc.client().threads.get(thread)).status).not.toBe('busy');
});
