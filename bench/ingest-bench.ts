/**
 * The ingestion API end to end: the service in a process of its own (`serve` with a write key)
 * over the shop workspace, sent batches of 500 track messages over HTTP with a few in flight.
 * Measures accepted events per second (beside the same batches refused at the write-key check:
 * the floor of HTTP and JSON alone), how long until what was sent is visible (to a compute, and
 * for a new event name to the catalog) after the last acknowledgement and when idle, and compute
 * latency while data pours in against the same compute when idle (reads are not blocked).
 * Returns Markdown.
 */
import { spawn } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { percentile } from './stats.js';

export const INGEST_GOAL_EVENTS_PER_SECOND = 20_000;
export const VISIBLE_GOAL_SECONDS = 5;

export interface IngestBenchOptions {
  shop: string;
  home: string;
  now: Date;
  events: number;
}

const BATCH = 500;
const IN_FLIGHT = 4;
const WRITE_KEY = 'bench-write';
const API_KEY = 'bench-api';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const auth = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

async function post(url: string, body: string, headers: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Sends every body with `inFlight` at a time; seconds from the first send to the last answer. */
async function sendAll(url: string, bodies: string[], key: string, expectStatus: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await post(url, body, { authorization: auth(key) });
      if (res.status !== expectStatus) throw new Error(`the ingestion API answered ${res.status} (expected ${expectStatus}): ${JSON.stringify(res.body).slice(0, 300)}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return (performance.now() - started) / 1000;
}

function batches(count: number, now: Date, tag: string): string[] {
  const out: string[] = [];
  const at = new Date(now.getTime() - 3_600_000).toISOString();
  for (let start = 0; start < count; start += BATCH) {
    const batch = [];
    for (let i = start; i < Math.min(count, start + BATCH); i++) {
      const user = `u${String((i % 2000) + 1).padStart(5, '0')}`;
      batch.push({ type: 'track', userId: user, event: 'Product Viewed', messageId: `${tag}-${i}`, timestamp: at, properties: { product_id: `bench-${i % 97}`, price: (i % 50) + 0.5, category: 'Bench' } });
    }
    out.push(JSON.stringify({ batch, sentAt: new Date().toISOString() }));
  }
  return out;
}

async function computeSize(base: string, definition: unknown, now: Date): Promise<{ size: number; ms: number }> {
  const started = performance.now();
  const res = await post(`${base}/v1/compute`, JSON.stringify({ definition, now: now.toISOString() }), { 'x-api-key': API_KEY });
  const ms = performance.now() - started;
  // Not in the catalog yet (422), or the API key's request limit (10/s) reached (429): not visible yet.
  if (res.status === 422 || res.status === 429) return { size: -1, ms };
  if (res.status !== 200) throw new Error(`compute answered ${res.status}: ${JSON.stringify(res.body).slice(0, 300)}`);
  return { size: Number(res.body.size), ms };
}

/** Seconds from `since` until `check` holds, asking every 100 ms (the API key allows 10 requests/s). */
async function secondsUntil(since: number, check: () => Promise<boolean>): Promise<number> {
  for (;;) {
    if (await check()) return (performance.now() - since) / 1000;
    if (performance.now() - since > 60_000) throw new Error('what was sent did not become visible within 60 s');
    await new Promise((r) => setTimeout(r, 100));
  }
}

const one = (condition: unknown) => ({ version: 1, root: { type: 'group', op: 'and', conditions: [condition] } });
const viewedProduct = (id: string) => one({ type: 'event', events: ['Product Viewed'], filters: [{ property: 'product_id', op: 'eq', value: id }], count: { op: 'gte', value: 1 } });
const READ_PROBE = one({ type: 'event', events: ['Order Completed'], window: { kind: 'last', amount: 90, unit: 'days' }, count: { op: 'gte', value: 2 } });

export async function benchIngest(o: IngestBenchOptions, log: (line: string) => void): Promise<string> {
  await rm(join(o.home, 'live'), { recursive: true, force: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // Memory stores: the bench measures the data path, not Redis.
  const { REDIS_URL: _redis, ...env } = process.env;
  const child = spawn(process.execPath, [join(import.meta.dirname, '../src/cli/main.js'), 'serve', '--data', o.shop, '--now', o.now.toISOString(), '--port', String(port)], {
    env: { ...env, AUDIENCE_AGENT_HOME: o.home, WRITE_KEYS: `${WRITE_KEY}:bench`, API_KEYS: `${API_KEY}:bench`, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    await secondsUntil(performance.now(), async () => {
      if (exited) throw new Error('the service stopped before it answered (its error is above)');
      return fetch(`${base}/healthz`).then((r) => r.ok, () => false);
    });
    const url = `${base}/v1/batch`;
    log(`ingest: ${o.events.toLocaleString('en-US')} events in batches of ${BATCH}, ${IN_FLIGHT} in flight`);
    const warm = batches(20 * BATCH, o.now, 'warm');
    await sendAll(url, warm, WRITE_KEY, 200);
    const floorSeconds = await sendAll(url, warm, 'not-a-write-key', 401);

    const idleReads: number[] = [];
    for (let i = 0; i < 10; i++) {
      idleReads.push((await computeSize(base, READ_PROBE, o.now)).ms);
      await new Promise((r) => setTimeout(r, 200));
    }

    const bodies = batches(o.events, o.now, 'load');
    const busyReads: number[] = [];
    let sending = true;
    const reader = (async () => {
      while (sending) {
        busyReads.push((await computeSize(base, READ_PROBE, o.now)).ms);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const seconds = await sendAll(url, bodies, WRITE_KEY, 200);
    const lastAck = performance.now();
    sending = false;
    await reader;
    // The last batch's products: bench-<i % 97> for every i, so every product id; a marker is one of its own.
    const marker = `marker-${Date.now()}`;
    await post(url, JSON.stringify({ batch: [{ type: 'track', userId: 'u00001', event: 'Product Viewed', properties: { product_id: marker }, timestamp: o.now.toISOString() }] }), { authorization: auth(WRITE_KEY) });
    const afterLoad = await secondsUntil(lastAck, async () => (await computeSize(base, viewedProduct(marker), o.now)).size === 1);

    const idle: number[] = [];
    const newName: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 1_000));
      const id = `idle-${Date.now()}-${i}`;
      const sent = performance.now();
      await post(url, JSON.stringify({ batch: [{ type: 'track', userId: 'u00002', event: 'Product Viewed', properties: { product_id: id }, timestamp: o.now.toISOString() }] }), { authorization: auth(WRITE_KEY) });
      idle.push(await secondsUntil(sent, async () => (await computeSize(base, viewedProduct(id), o.now)).size === 1));
      const event = `Bench Event ${Date.now()} ${i}`;
      const sentNew = performance.now();
      await post(url, JSON.stringify({ batch: [{ type: 'track', userId: 'u00003', event, timestamp: o.now.toISOString() }] }), { authorization: auth(WRITE_KEY) });
      newName.push(await secondsUntil(sentNew, async () => (await computeSize(base, one({ type: 'event', events: [event], count: { op: 'gte', value: 1 } }), o.now)).size === 1));
    }

    const rate = o.events / seconds;
    const floorRate = (warm.length * BATCH) / floorSeconds;
    const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
    const ms = (n: number) => n.toFixed(1);
    const visibleWorst = Math.max(afterLoad, ...idle, ...newName);
    return [
      '### Ingestion API (POST /v1/batch, service in its own process, defaults INGEST_FLUSH_MS=500, INGEST_CATALOG_REFRESH_MS=2000)',
      '',
      '| measure | value | baseline in the same run | goal |',
      '| --- | --- | --- | --- |',
      `| accepted events/s (${fmt(o.events)} events, ${BATCH} per batch, ${IN_FLIGHT} in flight) | ${fmt(rate)} | ${fmt(floorRate)} events/s refused at the write-key check (HTTP + JSON floor) | ≥ ${fmt(INGEST_GOAL_EVENTS_PER_SECOND)} ${rate >= INGEST_GOAL_EVENTS_PER_SECOND ? 'met' : 'missed'} |`,
      `| visible to a compute after the last acknowledgement of the load | ${afterLoad.toFixed(2)} s | — | ≤ ${VISIBLE_GOAL_SECONDS} s ${afterLoad <= VISIBLE_GOAL_SECONDS ? 'met' : 'missed'} |`,
      `| visible to a compute when idle (5 samples) | p50 ${percentile(idle, 0.5).toFixed(2)} s, max ${Math.max(...idle).toFixed(2)} s | — | ≤ ${VISIBLE_GOAL_SECONDS} s |`,
      `| a new event name in the catalog and a compute (5 samples) | p50 ${percentile(newName, 0.5).toFixed(2)} s, max ${Math.max(...newName).toFixed(2)} s | — | ≤ ${VISIBLE_GOAL_SECONDS} s |`,
      `| compute latency during the load (${busyReads.length} computes) | p50 ${ms(percentile(busyReads, 0.5))} ms, p95 ${ms(percentile(busyReads, 0.95))} ms | idle p50 ${ms(percentile(idleReads, 0.5))} ms, p95 ${ms(percentile(idleReads, 0.95))} ms | reads not blocked |`,
      '',
      `Worst visibility seen: ${visibleWorst.toFixed(2)} s. Live matching sees new data once its history snapshot is renewed (LIVE_HISTORY_REFRESH_MS, 5 s by default when ingestion is on).`,
    ].join('\n');
  } finally {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  }
}
