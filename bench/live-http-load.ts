/**
 * Sending many `POST /v1/match` requests over keep-alive connections (http-connections.ts: a
 * light client, so its own cost stays small beside the service's).
 *
 * Two drivers:
 * - `runMatchRate` (open loop): request i is due at start + i / rate, whatever the answers before
 *   it did, and its latency counts from when it was due, so a slow answer that holds up the
 *   requests after it shows in their latencies too (no coordinated omission). This is latency at
 *   a given load.
 * - `runMatchLoad` (closed loop): a fixed number in flight, each sent as soon as one returns,
 *   timed from its own send. This finds the saturation throughput; its latencies are
 *   in-flight / throughput (Little's law), not the service's latency at load.
 */
import { encodePost, HttpConnections } from './http-connections.js';

export interface LoadOptions {
  /** The service's base URL (http://127.0.0.1:port). */
  url: string;
  apiKey?: string;
  /** The JSON bodies to send, in order; request i gets body i. */
  bodies: readonly string[];
  concurrency: number;
  path?: string;
}

export interface LoadResult {
  /** Milliseconds per request, by request. */
  latenciesMs: Float64Array;
  /** HTTP status by request; 0 when the request failed without an answer (connection error, timeout). */
  statuses: Uint16Array;
  /** Response bodies (or what went wrong), by request. */
  responses: string[];
  /** Wall time of the whole run. */
  seconds: number;
}

export interface RateOptions {
  url: string;
  apiKey?: string;
  /** The JSON bodies to send, in order; request i gets body i and is due at start + i / ratePerSecond. */
  bodies: readonly string[];
  ratePerSecond: number;
  /** Connections (and requests in flight) at most; a due request waits for one, and the wait counts. */
  maxInFlight: number;
  path?: string;
  /** A request without an answer after this long counts as failed (status 0). Default 10 s. */
  timeoutMs?: number;
}

export interface RateResult extends LoadResult {
  /** Milliseconds from when each request was due to when it was written to a connection: the client's own lag plus any wait for a free connection. */
  sendLagMs: Float64Array;
  /** Requests per second actually completed (requests / wall time). */
  achievedPerSecond: number;
}

const TIMEOUT_MS = 10_000;

function encoded(url: string, path: string, apiKey: string | undefined, bodies: readonly string[]): { target: URL; requests: Buffer[] } {
  const target = new URL(path, url);
  const headers: Record<string, string> = apiKey ? { 'X-Api-Key': apiKey } : {};
  return { target, requests: bodies.map((b) => encodePost(target, b, headers)) };
}

/** Closed loop: `concurrency` requests in flight, each timed from its own send. */
export async function runMatchLoad({ url, apiKey, bodies, concurrency, path = '/v1/match' }: LoadOptions): Promise<LoadResult> {
  const { target, requests } = encoded(url, path, apiKey, bodies);
  const http = new HttpConnections(target, { max: concurrency, timeoutMs: TIMEOUT_MS });
  const latenciesMs = new Float64Array(bodies.length);
  const statuses = new Uint16Array(bodies.length);
  const responses = new Array<string>(bodies.length);

  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, async () => {
      while (next < bodies.length) {
        const i = next++;
        const t = performance.now();
        const { status, body } = await http.send(requests[i]!);
        latenciesMs[i] = performance.now() - t;
        statuses[i] = status;
        responses[i] = body;
      }
    }));
  } finally {
    http.close();
  }
  return { latenciesMs, statuses, responses, seconds: (performance.now() - started) / 1000 };
}

/**
 * Open loop: request i is due at start + i / ratePerSecond and timed from then. At most
 * `maxInFlight` are on the wire; a due request beyond that waits (first due, first sent) and the
 * wait is part of its latency. A failed request is recorded (status 0) and the run goes on.
 */
export async function runMatchRate({ url, apiKey, bodies, ratePerSecond, maxInFlight, path = '/v1/match', timeoutMs = TIMEOUT_MS }: RateOptions): Promise<RateResult> {
  if (!(ratePerSecond > 0) || !(maxInFlight >= 1)) throw new Error('runMatchRate needs a positive rate and at least one request in flight');
  const { target, requests } = encoded(url, path, apiKey, bodies);
  const http = new HttpConnections(target, { max: maxInFlight, timeoutMs });
  const n = bodies.length;
  const latenciesMs = new Float64Array(n);
  const sendLagMs = new Float64Array(n);
  const statuses = new Uint16Array(n);
  const responses = new Array<string>(n);
  const intervalMs = 1000 / ratePerSecond;

  const started = performance.now();
  const dueAt = (i: number) => started + i * intervalMs;
  let due = 0; // requests whose time has come (sent or waiting for a connection)
  let sent = 0;
  let done = 0;
  let timer: NodeJS.Timeout | undefined;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));

  function pump(): void {
    const now = performance.now();
    while (due < n && dueAt(due) <= now) due++;
    while (sent < due && http.available) {
      const i = sent++;
      sendLagMs[i] = performance.now() - dueAt(i);
      void http.send(requests[i]!).then(({ status, body }) => {
        latenciesMs[i] = performance.now() - dueAt(i);
        statuses[i] = status;
        responses[i] = body;
        if (++done === n) finish();
        else pump();
      });
    }
    if (due < n && timer === undefined) {
      // Wake when the next request is due (timers fire on whole milliseconds, so up to ~1 ms late; the lateness counts).
      timer = setTimeout(() => {
        timer = undefined;
        pump();
      }, Math.max(0, dueAt(due) - performance.now()));
    }
  }

  try {
    if (n === 0) finish();
    else pump();
    await finished;
  } finally {
    clearTimeout(timer);
    http.close();
  }
  const seconds = (performance.now() - started) / 1000;
  return { latenciesMs, sendLagMs, statuses, responses, seconds, achievedPerSecond: n / seconds };
}
