/**
 * `/v1/match` (one visitor or a batch) has a per-key rate limit of its own, apart from the rest
 * of the API: a site calls it on every page view. Spending one bucket leaves the other whole, and
 * one key's spending leaves other keys alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/server/context.js';
import type { Workspace } from '../../src/store/workspace.js';
import { openShop } from '../helpers/shop.js';
import { startLiveService, type ErrorBody, type LiveService, type TenantApi } from './support/live-service.js';

const MATCH_BURST = 5;
const OTHER_BURST = 3;
// Slow refills (one token every 10 s) so no token comes back while a test runs.
const limits = { liveRateLimit: { burst: MATCH_BURST, perSecond: 0.1 }, rateLimit: { burst: OTHER_BURST, perSecond: 0.1 } };

let shop: Workspace;
let live: LiveService;

beforeAll(async () => {
  shop = await openShop();
  live = await startLiveService({ shop, tenants: ['match-first', 'list-first', 'bystander', 'batch'], settings: limits });
}, 120_000);

afterAll(async () => {
  await live?.stop();
  await shop?.close();
});

const visitor = (id: string) => ({ id, context: { device: 'mobile' } });
const matchStatus = async (api: TenantApi, id: string) => (await api.call('POST', '/v1/match', { visitor: visitor(id) })).status;
const listStatus = async (api: TenantApi) => (await api.call('GET', '/v1/live-audiences')).status;

async function expectRateLimited(api: TenantApi, method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${live.url}${path}`, {
    method,
    headers: { 'x-api-key': `key-${api.tenant}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status).toBe(429);
  expect(Number(res.headers.get('retry-after'))).toBe(10);
  expect(((await res.json()) as ErrorBody).error).toMatchObject({ code: 'rate_limited', retryable: true });
}

describe('the match rate limit', () => {
  it('defaults to 2,000 matches a second per key with 4,000 at once, far above the rest of the API', () => {
    expect(DEFAULT_SETTINGS.liveRateLimit).toEqual({ burst: 4_000, perSecond: 2_000 });
    expect(DEFAULT_SETTINGS.rateLimit).toEqual({ burst: 60, perSecond: 10 });
  });

  it('answers 429 rate_limited with Retry-After once a key spends its match burst, while its other routes keep their own', async () => {
    const api = live.tenant('match-first');
    const statuses: number[] = [];
    for (let i = 0; i < MATCH_BURST; i++) statuses.push(await matchStatus(api, `v-${i}`));
    expect(statuses).toEqual(Array(MATCH_BURST).fill(200));
    await expectRateLimited(api, 'POST', '/v1/match', { visitor: visitor('v-over') });
    // The rest of the API still has its whole burst.
    for (let i = 0; i < OTHER_BURST; i++) expect(await listStatus(api)).toBe(200);
    await expectRateLimited(api, 'GET', '/v1/live-audiences');
  });

  it('keeps matching when a key has spent the limit of its other routes', async () => {
    const api = live.tenant('list-first');
    for (let i = 0; i < OTHER_BURST; i++) expect(await listStatus(api)).toBe(200);
    await expectRateLimited(api, 'GET', '/v1/live-audiences');
    for (let i = 0; i < MATCH_BURST; i++) expect(await matchStatus(api, `v-${i}`)).toBe(200);
  });

  it('counts the batch form (any case, trailing slash) against the match bucket', async () => {
    const api = live.tenant('batch');
    const batch = { visitors: [visitor('b-1'), visitor('b-2')] };
    for (const path of ['/v1/match/batch', '/V1/Match/Batch', '/v1/match/batch/']) expect((await api.call('POST', path, batch)).status).toBe(200);
    for (let i = 3; i < MATCH_BURST; i++) expect(await matchStatus(api, `v-${i}`)).toBe(200);
    await expectRateLimited(api, 'POST', '/v1/match/batch', batch);
    expect(await listStatus(api)).toBe(200);
  });

  it("leaves other keys' match buckets alone", async () => {
    expect(await matchStatus(live.tenant('bystander'), 'v-1')).toBe(200);
  });
});
