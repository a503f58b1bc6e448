/**
 * Sending many `POST /v1/match` requests over keep-alive connections with a fixed number in
 * flight, timing each from the first byte sent to the last byte read. node:http with a
 * keep-alive agent: a lighter client than fetch, so the client's own cost stays small.
 */
import { Agent, request } from 'node:http';

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
  statuses: Uint16Array;
  /** Response bodies, by request. */
  responses: string[];
  /** Wall time of the whole run. */
  seconds: number;
}

export async function runMatchLoad({ url, apiKey, bodies, concurrency, path = '/v1/match' }: LoadOptions): Promise<LoadResult> {
  const target = new URL(path, url);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const latenciesMs = new Float64Array(bodies.length);
  const statuses = new Uint16Array(bodies.length);
  const responses = new Array<string>(bodies.length);
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(apiKey ? { 'x-api-key': apiKey } : {}) };

  const send = (i: number) =>
    new Promise<void>((resolve, reject) => {
      const body = bodies[i]!;
      const started = performance.now();
      const req = request(target, { method: 'POST', agent, headers: { ...headers, 'content-length': Buffer.byteLength(body) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          latenciesMs[i] = performance.now() - started;
          statuses[i] = res.statusCode ?? 0;
          responses[i] = Buffer.concat(chunks).toString('utf8');
          resolve();
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, async () => {
      while (next < bodies.length) await send(next++);
    }));
  } finally {
    agent.destroy();
  }
  return { latenciesMs, statuses, responses, seconds: (performance.now() - started) / 1000 };
}
