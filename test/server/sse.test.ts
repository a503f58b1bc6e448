/**
 * SSE discipline: keep-alive comments while a run is quiet, writes that wait for a slow client
 * instead of buffering, and frames the SDK's decoder reads.
 */
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import { formatFrame, openSse } from '../../src/server/sse.js';
import { postJson } from './support/raw-sse.js';
import { startTestService, type TestService } from './support/test-service.js';
import { TINY_ID, tinyAssistant } from './support/tiny-assistant.js';

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanup) await c();
});

describe('SSE frames', () => {
  it('numbers frames and keeps data on one line', () => {
    expect(formatFrame({ id: 7, event: 'values', data: { text: 'two\nlines' } })).toBe('id: 7\nevent: values\ndata: {"text":"two\\nlines"}\n\n');
    expect(formatFrame({ event: 'error', data: null })).toBe('event: error\ndata: null\n\n');
  });
});

describe('a quiet stream', () => {
  it('sends keep-alive comments while the run works', async () => {
    const svc: TestService = await startTestService({ assistants: [tinyAssistant({ prepareDelayMs: 700 })], settings: { keepAliveMs: 100 } });
    cleanup.push(() => svc.stop());
    const thread = await svc.client().threads.create();
    const res = await postJson(`${svc.url}/threads/${thread.thread_id}/runs/stream`, { assistant_id: TINY_ID, input: { prompt: 'quiet' } });
    const text = await res.text();
    expect(text.match(/^: keep-alive$/gm)?.length ?? 0).toBeGreaterThanOrEqual(3);
    expect(text).toContain('event: metadata');
  });
});

describe('a slow client', () => {
  it('makes the writer wait for drain instead of buffering the stream in memory', async () => {
    const chunk = 'x'.repeat(64 * 1024);
    let resolved = 0;
    let finished: Promise<void> = Promise.resolve();
    const app = express();
    app.get('/flood', (_req, res) => {
      const sse = openSse(res, { keepAliveMs: 60_000 });
      finished = (async () => {
        for (let i = 0; i < 400; i++) {
          await sse.send({ id: i, event: 'values', data: chunk });
          resolved++;
        }
        sse.close();
      })();
    });
    const server: Server = createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise((r) => server.close(() => r())));
    const { port } = server.address() as AddressInfo;

    // A client that asks and then does not read: the kernel buffers fill, then writes must wait.
    const socket = connect(port, '127.0.0.1');
    socket.write(`GET /flood HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`);
    socket.pause();
    await new Promise((r) => setTimeout(r, 400));
    const whilePaused = resolved;
    expect(whilePaused).toBeLessThan(200);

    let received = 0;
    socket.on('data', (d: Buffer) => (received += d.length));
    socket.resume();
    await finished;
    expect(resolved).toBe(400);
    await new Promise((r) => setTimeout(r, 50));
    expect(received).toBeGreaterThan(400 * chunk.length);
    socket.destroy();
  });
});
