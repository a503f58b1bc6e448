/**
 * A client that sends its request slowly cannot hold a connection: past the request timeout
 * (headers, then the whole body) it gets 408 and the socket is closed. Answers that take long
 * (SSE streams) are not requests being received, and are not cut.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { frames, postJson } from './support/raw-sse.js';
import { startTestService, type TestService } from './support/test-service.js';
import { TINY_ID, tinyAssistant } from './support/tiny-assistant.js';

let svc: TestService;

beforeAll(async () => {
  // Runs whose first step takes longer than a whole request may.
  svc = await startTestService({ assistants: [tinyAssistant({ prepareDelayMs: 800 })], settings: { requestTimeoutMs: 300, headersTimeoutMs: 200, connectionCheckMs: 50 } });
});

afterAll(async () => {
  await svc?.stop();
});

/** Writes `text` on a raw connection and never more; resolves with what the server sent once it closes. */
function sendAndStall(text: string): Promise<string> {
  const { port } = new URL(svc.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(text));
    let got = '';
    socket.on('data', (d: Buffer) => (got += d.toString()));
    socket.on('error', reject);
    socket.on('close', () => resolve(got));
  });
}

it('closes a connection whose body never arrives in full, with 408', async () => {
  const answer = await sendAndStall('POST /threads HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"metadata":');
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
});

it('closes a connection whose headers never end, with 408', async () => {
  const answer = await sendAndStall('GET /threads/x HTTP/1.1\r\nHost: x\r\nX-Slow: ');
  expect(answer).toMatch(/^HTTP\/1\.1 408/);
});

it('streams a run for longer than the request timeout to its end', async () => {
  const thread = (await svc.client().threads.create()).thread_id;
  const res = await postJson(`${svc.url}/threads/${thread}/runs/stream`, { assistant_id: TINY_ID, input: { prompt: 'slow' }, stream_mode: ['values'] });
  const events: string[] = [];
  for await (const frame of frames(res)) events.push(frame.event);
  expect(events).not.toContain('error');
  expect(events.filter((e) => e === 'values').length).toBeGreaterThanOrEqual(2);
});
