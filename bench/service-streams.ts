/**
 * Memory per open SSE stream: one service process (service-host.ts, Redis stores)
 * holding N streams rejoined to one long run (GET /threads/:id/runs/:run_id/stream from the
 * start), against the same process idle (listening, the run started, no stream). Memory is
 * read in the service process after a full collection; the client is this process.
 */
import { request, type ClientRequest } from 'node:http';
import type { BenchRedis } from './service-redis.js';
import { HOLD_ID } from './service-hold-assistant.js';
import { ServiceHost } from './service-host-client.js';
import type { HostMemory } from './service-host.js';
import { postJson } from './service-sse.js';

export interface StreamsBench {
  streams: number;
  /** Streams that delivered their first frame. */
  opened: number;
  /** The service's own `open_streams` gauge with all of them open. */
  serverOpenStreams: number;
  idle: HostMemory;
  held: HostMemory;
  /** After every stream was closed again (and the gauge was back to 0). */
  closed: HostMemory;
  openSeconds: number;
}

/** Opened this many at a time, so the listen backlog never overflows into SYN retries. */
const BATCH = 100;

/** Opens one rejoin stream; resolves with its request once the first frame arrived. */
function openStream(url: URL): Promise<ClientRequest> {
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, headers: { 'Last-Event-ID': '-1' }, agent: false }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`rejoining the stream answered ${res.statusCode}`));
      res.once('data', () => resolve(req));
    });
    req.on('error', (err) => (req.destroyed ? undefined : reject(err)));
    req.end();
  });
}

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

export async function benchOpenStreams(o: { redis: BenchRedis; streams: number }, log: (line: string) => void): Promise<StreamsBench> {
  const host = await ServiceHost.start({ redis: { url: o.redis.url, prefix: `${o.redis.prefix}:streams` }, graph: { kind: 'hold', holdMs: 10 * 60_000 } });
  const open: ClientRequest[] = [];
  try {
    const thread = (await (await postJson(`${host.url}/threads`, {})).json()) as { thread_id: string };
    const run = (await (await postJson(`${host.url}/threads/${thread.thread_id}/runs`, { assistant_id: HOLD_ID, input: { prompt: 'hold' } })).json()) as { run_id: string };
    const running = await until(async () => ((await (await fetch(`${host.url}/threads/${thread.thread_id}/runs/${run.run_id}`)).json()) as { status: string }).status === 'running', 5000);
    if (!running) throw new Error('the hold run did not start');
    await new Promise((r) => setTimeout(r, 500));
    const idle = await host.memory();
    const url = new URL(`${host.url}/threads/${thread.thread_id}/runs/${run.run_id}/stream`);
    const t0 = performance.now();
    for (let i = 0; i < o.streams; i += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, o.streams - i) }, () => openStream(url));
      open.push(...(await Promise.all(batch)));
    }
    const openSeconds = (performance.now() - t0) / 1000;
    log(`streams: ${open.length} open in ${openSeconds.toFixed(1)} s`);
    // Let every stream settle into waiting for the run's next event.
    await new Promise((r) => setTimeout(r, 1000));
    const held = await host.memory();
    const serverOpenStreams = await host.openStreams();
    const opened = open.length;
    for (const req of open.splice(0)) req.destroy();
    if (!(await until(async () => (await host.openStreams()) === 0, 10_000))) log('streams: the service still counts open streams 10 s after they were closed');
    const closed = await host.memory();
    return { streams: o.streams, opened, serverOpenStreams, idle, held, closed, openSeconds };
  } finally {
    for (const req of open) req.destroy();
    await host.stop();
  }
}
