/**
 * The widget's run streaming (api/run-stream.js), run in Node against the real service through
 * a proxy that cuts the first stream mid-run: the widget rejoins from the last event it saw and
 * ends up with every event exactly once.
 */
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../../src/web/assets/widget/api/client.js';
import { startTurn } from '../../src/web/assets/widget/api/run-stream.js';
import { startWidgetService, type WidgetService } from './support/widget-service.js';

interface Seen {
  method: string;
  path: string;
  lastEventId?: string;
}

/** Forwards to the service; the first run stream is cut after `cutAfterBytes` of its body. */
function cuttingProxy(target: string, cutAfterBytes: number): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  let cut = false;
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', path: req.url ?? '', lastEventId: req.headers['last-event-id'] as string | undefined });
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: req.headers }, (up: IncomingMessage) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      const cutThis = !cut && req.method === 'POST' && /\/runs\/stream$/.test(req.url ?? '');
      if (cutThis) cut = true;
      let sent = 0;
      up.on('data', (chunk: Buffer) => {
        if (sent === Infinity) return;
        if (cutThis && sent + chunk.length > cutAfterBytes) {
          // The connection drops in the middle of the run, as on a flaky network (once what was
          // sent so far has left, so the client has the headers and the first events).
          res.write(chunk.subarray(0, Math.max(0, cutAfterBytes - sent)), () => res.socket?.destroy());
          sent = Infinity;
          up.destroy();
          return;
        }
        sent += chunk.length;
        res.write(chunk);
      });
      up.on('end', () => res.end());
    });
    req.pipe(upstream);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server })));
}

let svc: WidgetService;

beforeAll(async () => {
  svc = await startWidgetService();
}, 120_000);

afterAll(async () => {
  await svc?.stop();
});

describe('following a run from the widget', () => {
  it('rejoins a stream cut mid-run from the last event seen and gets every event exactly once', async () => {
    const proxy = await cuttingProxy(svc.url, 700);
    try {
      const api = createApiClient({ baseUrl: proxy.url });
      const thread = (await api.post('/threads', {})) as { thread_id: string };
      const frames: { id?: string; event: string }[] = [];
      const runs: string[] = [];
      const ids: string[] = [];
      const { runId } = await startTurn(
        { api, threadId: thread.thread_id, onEvent: (f: { id?: string; event: string }) => frames.push(f), onRun: (id: string) => runs.push(id) },
        { input: { messages: [{ type: 'human', content: 'High-spending loyal customers who bought in the last 90 days' }] } },
      );
      for (const f of frames) if (f.id !== undefined) ids.push(f.id);

      const rejoin = proxy.seen.find((s) => s.method === 'GET' && s.path.endsWith(`/runs/${runId}/stream`));
      expect(rejoin, `requests: ${JSON.stringify(proxy.seen)}`).toBeDefined();
      expect(Number(rejoin!.lastEventId)).toBeGreaterThanOrEqual(0);
      expect(runs).toEqual([runId]);

      // The whole log of the run, read directly: the widget saw each event once, in order.
      const full = await fetch(`${svc.url}/threads/${thread.thread_id}/runs/${runId}/stream`, { headers: { 'Last-Event-ID': '-1' } });
      const allIds = [...(await full.text()).matchAll(/^id: (\d+)$/gm)].map((m) => m[1]);
      expect(ids).toEqual(allIds);
      expect(frames.some((f) => f.event === 'custom')).toBe(true);
    } finally {
      proxy.server.closeAllConnections();
      proxy.server.close();
    }
  });

  it('turns an error event of the run into an error with the service code', async () => {
    const api = createApiClient({ baseUrl: svc.url });
    const thread = (await api.post('/threads', {})) as { thread_id: string };
    const o = { api, threadId: thread.thread_id, onEvent: () => undefined };
    await startTurn(o, { input: { messages: [{ type: 'human', content: 'High-spending customers in Germany' }] } });
    // An answer of the wrong shape fails inside the run, after the stream has started.
    const failure = await startTurn(o, { command: { resume: { nonsense: true } } }).then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(failure).toMatchObject({ name: 'ApiError', code: 'invalid_input', retryable: false });
    expect((failure as Error).message).toMatch(/answer/i);
  });

  it('reports a refused request with the envelope code, not a generic failure', async () => {
    const api = createApiClient({ baseUrl: svc.url });
    const failure = await api.get('/threads/no-such-thread').then(() => undefined, (err: unknown) => err);
    expect(failure).toMatchObject({ code: 'not_found', retryable: false, status: 404 });
  });
});
