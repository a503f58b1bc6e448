/**
 * `POST /v1/match` (and its batch form) is answered in front of express; any other spelling of
 * the path (`/v1/match/`, other case) or body encoding still goes through express, whose routes
 * call the same handlers. Each case here is sent both ways and must come back the same: API key
 * (401), the match bucket shared by both ways (429 + Retry-After), body limit (413), JSON and
 * validation errors (400 naming the field), CORS headers, the request id, and the answers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchResult } from '../../src/live/types.js';
import { matchFastPath } from '../../src/server/match-fast-path.js';
import { createServerMetrics } from '../../src/server/metrics.js';
import { callerResolver } from '../../src/server/middleware/auth.js';
import { corsPolicy } from '../../src/server/middleware/cors.js';
import { rateLimiter } from '../../src/server/middleware/rate-limit.js';
import type { Workspace } from '../../src/store/workspace.js';
import { openShop } from '../helpers/shop.js';
import { startLiveService, type LiveService } from './support/live-service.js';

const ORIGIN = 'https://shop.example';
const BODY_LIMIT = 2048;
// Enough for every other test of the file on key-same; key-limited spends it all.
const MATCH_BURST = 40;

let shop: Workspace;
let live: LiveService;

beforeAll(async () => {
  shop = await openShop();
  live = await startLiveService({
    shop,
    tenants: ['same', 'limited'],
    settings: { corsOrigins: [ORIGIN], bodyLimitBytes: BODY_LIMIT, liveRateLimit: { burst: MATCH_BURST, perSecond: 0.1 } },
  });
}, 120_000);

afterAll(async () => {
  await live?.stop();
  await shop?.close();
});

interface Sent {
  status: number;
  headers: Record<string, string | null>;
  body: unknown;
}

/** The headers a client can see that both ways must agree on. */
const COMPARED = ['content-type', 'retry-after', 'access-control-allow-origin', 'access-control-expose-headers', 'vary'];

async function send(path: string, o: { body?: string; key?: string | null; headers?: Record<string, string> } = {}): Promise<Sent & { requestId: string | null }> {
  const res = await fetch(`${live.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(o.key === null ? {} : { 'x-api-key': o.key ?? 'key-same' }),
      ...o.headers,
    },
    body: o.body ?? '',
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: Object.fromEntries(COMPARED.map((h) => [h, res.headers.get(h)])),
    body: text ? JSON.parse(text) : undefined,
    requestId: res.headers.get('x-request-id'),
  };
}

/** The same request on the lean path (`/v1/match`) and through express (`/v1/match/`). */
async function bothWays(o: Parameters<typeof send>[1] & { batch?: boolean }): Promise<[Sent, Sent]> {
  const path = o.batch ? '/v1/match/batch' : '/v1/match';
  const { requestId: _a, ...lean } = await send(path, o);
  const { requestId: _b, ...viaExpress } = await send(`${path}/`, o);
  return [lean, viaExpress];
}

const visit = (id: string) => JSON.stringify({ visitor: { id, context: { device: 'mobile', country: 'DE' } } });

describe('the lean match path against express', () => {
  it('answers a visitor the same way, one or a batch', async () => {
    const [lean, viaExpress] = await bothWays({ body: visit('same-1') });
    expect(lean.status).toBe(200);
    expect((lean.body as MatchResult).audience?.id).toBe('default-mobile');
    expect(lean).toEqual(viaExpress);
    const batch = JSON.stringify({ visitors: [{ id: 'same-2', context: { device: 'desktop' } }, { id: 'same-3', context: { device: 'mobile' } }] });
    const [leanBatch, expressBatch] = await bothWays({ body: batch, batch: true });
    expect((leanBatch.body as { results: MatchResult[] }).results.map((r) => r.audience?.id)).toEqual(['default-desktop', 'default-mobile']);
    expect(leanBatch).toEqual(expressBatch);
  });

  it('refuses a missing or unknown key with the same 401, and takes a Bearer key', async () => {
    const [none, noneExpress] = await bothWays({ body: visit('k-1'), key: null });
    expect(none.status).toBe(401);
    expect(none).toEqual(noneExpress);
    const [wrong, wrongExpress] = await bothWays({ body: visit('k-2'), key: 'key-nobody' });
    expect(wrong.body).toMatchObject({ error: { code: 'unauthorized', message: 'This API key is not valid.' } });
    expect(wrong).toEqual(wrongExpress);
    const [bearer, bearerExpress] = await bothWays({ body: visit('k-3'), key: null, headers: { authorization: 'Bearer key-same' } });
    expect(bearer.status).toBe(200);
    expect(bearer).toEqual(bearerExpress);
  });

  it('names the failing field of a malformed visitor, and says where a body stops being JSON', async () => {
    const [field, fieldExpress] = await bothWays({ body: JSON.stringify({ visitor: { id: 'f-1', context: { device: 'phone' } } }) });
    expect(field.status).toBe(400);
    expect(field.body).toMatchObject({ error: { code: 'invalid_input', details: { field: 'body.visitor.context.device' } } });
    expect(field).toEqual(fieldExpress);
    const [broken, brokenExpress] = await bothWays({ body: '{"visitor": ' });
    expect(broken.body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('not valid JSON') } });
    expect(broken).toEqual(brokenExpress);
    const [empty, emptyExpress] = await bothWays({ body: '' });
    expect(empty.body).toMatchObject({ error: { details: { field: 'body.visitor' } } });
    expect(empty).toEqual(emptyExpress);
  });

  it('answers 413 for a body over the limit, declared or streamed', async () => {
    const big = JSON.stringify({ visitor: { id: 'big', context: { url: `https://shop.example/?q=${'x'.repeat(BODY_LIMIT)}` } } });
    const [declared, declaredExpress] = await bothWays({ body: big });
    expect(declared.status).toBe(413);
    expect(declared.body).toMatchObject({ error: { code: 'payload_too_large', details: { limit_bytes: BODY_LIMIT } } });
    expect(declared).toEqual(declaredExpress);
    // Without a Content-Length (a streamed body) the limit is counted as it arrives.
    const streamed = await fetch(`${live.url}/v1/match`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': 'key-same' },
      body: new Blob([big]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await streamed.json()).toEqual(declared.body);
  });

  it('gives an allowed origin the CORS headers and a stranger none', async () => {
    const [allowed, allowedExpress] = await bothWays({ body: visit('c-1'), headers: { origin: ORIGIN } });
    expect(allowed.headers).toMatchObject({ 'access-control-allow-origin': ORIGIN, vary: 'Origin' });
    expect(allowed.headers['access-control-expose-headers']).toMatch(/Retry-After/);
    expect(allowed).toEqual(allowedExpress);
    const [stranger, strangerExpress] = await bothWays({ body: visit('c-2'), headers: { origin: 'https://elsewhere.example' } });
    expect(stranger.headers['access-control-allow-origin']).toBeNull();
    expect(stranger).toEqual(strangerExpress);
    // An error carries them too: a browser can read why it was refused.
    const [refused, refusedExpress] = await bothWays({ body: visit('c-3'), key: null, headers: { origin: ORIGIN } });
    expect([refused.status, refused.headers['access-control-allow-origin']]).toEqual([401, ORIGIN]);
    expect(refused).toEqual(refusedExpress);
  });

  it('echoes a sane X-Request-Id and makes one up otherwise', async () => {
    expect((await send('/v1/match', { body: visit('r-1'), headers: { 'x-request-id': 'page-view-42' } })).requestId).toBe('page-view-42');
    const made = (await send('/v1/match', { body: visit('r-2'), headers: { 'x-request-id': 'no spaces allowed' } })).requestId;
    expect(made).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('spends one match bucket per key both ways, then answers 429 with the same Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < MATCH_BURST; i++) statuses.push((await send(i % 2 ? '/v1/match/' : '/v1/match', { body: visit(`l-${i}`), key: 'key-limited' })).status);
    expect(statuses).toEqual(Array(MATCH_BURST).fill(200));
    const [lean, viaExpress] = await bothWays({ body: visit('l-over'), key: 'key-limited' });
    expect(lean.status).toBe(429);
    expect(lean.headers['retry-after']).toBe('10');
    expect(lean.body).toMatchObject({ error: { code: 'rate_limited', retryable: true } });
    expect(lean).toEqual(viaExpress);
  });
});

describe('which requests the lean path takes', () => {
  let server: Server;
  let url = '';
  const taken: string[] = [];

  beforeAll(async () => {
    const answer: MatchResult = { audience: null, reasons: [], until: null };
    const fast = matchFastPath({
      handlers: {
        match: async () => (taken.push('match'), answer),
        matchBatch: async () => (taken.push('batch'), { results: [answer] }),
      },
      callerOf: callerResolver({ apiKeys: {} }),
      limiter: rateLimiter({ burst: 1000, perSecond: 1000 }),
      cors: corsPolicy({ origins: [] }),
      bodyLimitBytes: 1024,
      metrics: createServerMetrics({ defaults: false }),
      logger: pino({ level: 'silent' }),
    });
    server = createServer((req, res) => {
      if (fast(req, res)) return;
      res.statusCode = 418;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const statusOf = async (method: string, path: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    (await fetch(`${url}${path}`, { method, headers, ...(method === 'POST' ? { body: '{}' } : {}) })).status;

  it('takes plain JSON POSTs to the two exact paths (a query string allowed) and leaves everything else to express', async () => {
    expect(await statusOf('POST', '/v1/match')).toBe(200);
    expect(await statusOf('POST', '/v1/match?site=shop')).toBe(200);
    expect(await statusOf('POST', '/v1/match/batch')).toBe(200);
    expect(await statusOf('POST', '/v1/match', { 'content-type': 'Application/JSON; charset="UTF-8"' })).toBe(200);
    expect(taken).toEqual(['match', 'match', 'batch', 'match']);
    for (const path of ['/v1/match/', '/V1/Match', '/v1/matches', '/v1/match/batch/', '/v1/live-audiences']) expect([path, await statusOf('POST', path)]).toEqual([path, 418]);
    expect(await statusOf('GET', '/v1/match', {})).toBe(418);
    expect(await statusOf('OPTIONS', '/v1/match', { origin: 'https://shop.example' })).toBe(418);
    const others: Record<string, string>[] = [{}, { 'content-type': 'text/plain' }, { 'content-type': 'application/merge-patch+json' }, { 'content-type': 'application/json; charset=utf-16le' }, { 'content-type': 'application/json', 'content-encoding': 'gzip' }];
    for (const headers of others) {
      expect([headers, await statusOf('POST', '/v1/match', headers)]).toEqual([headers, 418]);
    }
    expect(taken).toHaveLength(4);
  });
});
