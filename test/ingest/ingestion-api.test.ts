/**
 * The Segment-compatible ingestion API over real HTTP: messages sent with a workspace's write
 * key reach new computes and the catalog without re-importing, a malformed message is refused
 * while the rest of its batch is kept, a messageId is kept once, and another workspace never
 * sees any of it.
 */
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningService } from '../../src/cli/commands/serve.js';
import type { Catalog } from '../../src/catalog/types.js';
import { SHOP_NOW } from '../helpers/shop.js';
import { api, eventually, freshHome, one, OTHER_API_KEY, send, sizeOf, startIngesting, WRITE_KEY } from './support.js';

let home: string;
let svc: RunningService;
const at = new Date(SHOP_NOW.getTime() - 3_600_000).toISOString();

beforeAll(async () => {
  home = freshHome();
  svc = await startIngesting(home);
});

afterAll(async () => {
  await svc?.stop();
  rmSync(home, { recursive: true, force: true });
});

const trialStarted = one({ type: 'event', events: ['Trial Started'], count: { op: 'gte', value: 1 } });

describe('the ingestion API', () => {
  it('a track with a new event and property reaches computes and the catalog, values included', async () => {
    const sent = await send(svc.url, '/v1/track', { userId: 'u00001', event: 'Trial Started', properties: { plan: 'Pro Annual', seats: 3 }, timestamp: at, messageId: 'trial-1' });
    expect(sent).toEqual({ status: 200, body: { success: true, accepted: 1, duplicates: 0 } });
    await eventually('the new event in a compute', () => sizeOf(svc.url, trialStarted), (n) => n === 1);
    const catalog = await eventually('the new event in the catalog', () => api<Catalog>(svc.url, '/v1/catalog').then((r) => r.body), (c) => c.events.some((e) => e.name === 'Trial Started'));
    const event = catalog.events.find((e) => e.name === 'Trial Started')!;
    expect(event).toMatchObject({ volume: 1, profiles: 1, planned: false });
    expect(event.properties.find((p) => p.name === 'plan')).toMatchObject({ type: 'string', topValues: [{ value: 'Pro Annual', count: 1 }] });
    expect(event.properties.find((p) => p.name === 'seats')).toMatchObject({ type: 'number' });
    const filtered = one({ type: 'event', events: ['Trial Started'], filters: [{ property: 'plan', op: 'eq', value: 'Pro Annual' }], count: { op: 'gte', value: 1 } });
    expect(await sizeOf(svc.url, filtered)).toBe(1);
  });

  it('an identify changes a trait and adds a new one for the next compute; a new user id becomes a profile', async () => {
    const before = await sizeOf(svc.url, one({ type: 'trait', trait: 'country', op: 'eq', value: 'IS' }));
    const sent = await send(svc.url, '/v1/batch', { batch: [
      { type: 'identify', userId: 'u00002', traits: { country: 'IS', loyalty_stage: 'champion' }, timestamp: at },
      { type: 'identify', anonymousId: 'visitor-new-1', traits: { loyalty_stage: 'prospect' } },
    ] });
    expect(sent.body).toMatchObject({ success: true, accepted: 2, rejected: [] });
    await eventually('the changed trait', () => sizeOf(svc.url, one({ type: 'trait', trait: 'country', op: 'eq', value: 'IS' })), (n) => n === before + 1);
    await eventually('the new trait', () => sizeOf(svc.url, one({ type: 'trait', trait: 'loyalty_stage', op: 'in', value: ['champion', 'prospect'] })), (n) => n === 2);
    const catalog = (await api<Catalog>(svc.url, '/v1/catalog')).body;
    expect(catalog.traits.find((t) => t.name === 'loyalty_stage')).toMatchObject({ type: 'string', profiles: 2 });
  });

  it('a malformed message in a batch is refused with its reason and every other message is kept', async () => {
    const sent = await send(svc.url, '/v1/batch', { batch: [
      { type: 'track', userId: 'u00003', event: 'Voucher Claimed', timestamp: at, messageId: 'coupon-ok-1' },
      { type: 'track', userId: 'u00004', timestamp: at, messageId: 'coupon-bad' },
      { type: 'track', event: 'Voucher Claimed', timestamp: at, messageId: 'coupon-nobody' },
      { type: 'track', userId: 'u00005', event: 'Voucher Claimed', timestamp: 'yesterday', messageId: 'coupon-when' },
      { type: 'track', userId: 'u00006', event: 'Voucher Claimed', timestamp: at, messageId: 'coupon-big', properties: { note: 'x'.repeat(40_000) } },
      { type: 'track', userId: 'u00007', event: 'Voucher Claimed', timestamp: at, messageId: 'coupon-ok-2' },
    ] });
    expect(sent.status).toBe(200);
    expect(sent.body.accepted).toBe(2);
    const rejected = sent.body.rejected as { index: number; messageId: string; code: string; message: string }[];
    expect(rejected.map((r) => [r.index, r.messageId, r.code])).toEqual([[1, 'coupon-bad', 'invalid_input'], [2, 'coupon-nobody', 'invalid_input'], [3, 'coupon-when', 'invalid_input'], [4, 'coupon-big', 'payload_too_large']]);
    expect(rejected[0]!.message).toMatch(/event/);
    expect(rejected[1]!.message).toMatch(/userId or an anonymousId/);
    expect(rejected[2]!.message).toMatch(/timestamp/);
    expect(rejected[3]!.message).toMatch(/32 KB/);
    await eventually('the kept messages', () => sizeOf(svc.url, one({ type: 'event', events: ['Voucher Claimed'], count: { op: 'gte', value: 1 } })), (n) => n === 2);
  });

  it('a message sent again with the same messageId is acknowledged and kept once', async () => {
    const message = { userId: 'u00008', event: 'Gift Card Bought', timestamp: at, messageId: 'gift-1' };
    expect((await send(svc.url, '/v1/track', message)).body).toMatchObject({ accepted: 1, duplicates: 0 });
    expect((await send(svc.url, '/v1/track', message)).body).toMatchObject({ accepted: 0, duplicates: 1 });
    expect((await send(svc.url, '/v1/batch', { batch: [{ ...message, type: 'track' }] })).body).toMatchObject({ accepted: 0, duplicates: 1 });
    await eventually('the gift card', () => sizeOf(svc.url, one({ type: 'event', events: ['Gift Card Bought'], count: { op: 'gte', value: 1 } })), (n) => n === 1);
    expect(await sizeOf(svc.url, one({ type: 'event', events: ['Gift Card Bought'], count: { op: 'gte', value: 2 } }))).toBe(0);
  });

  it('refuses a single malformed message, a wrong or missing write key, an API key as a write key, and a batch over 500 KB', async () => {
    expect(await send(svc.url, '/v1/track', { userId: 'u00001', timestamp: at })).toMatchObject({ status: 400, body: { error: { code: 'invalid_input' } } });
    expect(await send(svc.url, '/v1/identify', { traits: {} })).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/userId or an anonymousId/) } } });
    expect((await send(svc.url, '/v1/track', { userId: 'u1', event: 'X' }, 'not-a-key')).status).toBe(401);
    expect((await send(svc.url, '/v1/track', { userId: 'u1', event: 'X' }, 'ak-acme')).status).toBe(401);
    const bare = await fetch(`${svc.url}/v1/track`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'u1', event: 'X' }) });
    expect(bare.status).toBe(401);
    const big = { batch: Array.from({ length: 20 }, (_, i) => ({ type: 'track', userId: `u${i}`, event: 'Big', properties: { pad: 'y'.repeat(30_000) } })) };
    expect(await send(svc.url, '/v1/batch', big)).toMatchObject({ status: 413, body: { error: { code: 'payload_too_large' } } });
    expect(await send(svc.url, '/v1/batch', { batch: [] })).toMatchObject({ status: 400 });
  });

  it('takes the write key in the body too, as some libraries send it', async () => {
    const res = await fetch(`${svc.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ writeKey: WRITE_KEY, batch: [{ type: 'page', anonymousId: 'a1', name: 'Home' }] }) });
    expect(await res.json()).toMatchObject({ success: true, accepted: 1 });
  });

  it('live matching sees a visitor\'s new events within the history refresh', async () => {
    await eventually('the event in the catalog', () => sizeOf(svc.url, trialStarted), (n) => n >= 1);
    const created = await api(svc.url, '/v1/live-audiences', { name: 'Trialists', duration: { unit: 'days', amount: 1 }, definition: trialStarted });
    expect(created.status).toBe(201);
    const match = () => api<{ audience: { name: string } | null }>(svc.url, '/v1/match', { visitor: { id: 'u00010', context: { device: 'desktop' } } }).then((r) => r.body.audience?.name ?? null);
    expect(await match()).not.toBe('Trialists');
    await send(svc.url, '/v1/track', { userId: 'u00010', event: 'Trial Started', timestamp: at });
    await eventually('the visitor in the live audience', match, (name) => name === 'Trialists');
  });

  it('another workspace never sees data sent with this workspace\'s key', async () => {
    await eventually('the event here', () => sizeOf(svc.url, trialStarted), (n) => n >= 1);
    const theirs = await api<Catalog>(svc.url, '/v1/catalog', undefined, OTHER_API_KEY);
    expect(theirs.body.events.map((e) => e.name)).not.toContain('Trial Started');
    const compute = await api<{ error: { code: string } }>(svc.url, '/v1/compute', { definition: trialStarted, now: SHOP_NOW.toISOString() }, OTHER_API_KEY);
    expect(compute.body.error.code).toBe('unknown_reference');
  });
});

describe('data that arrived', () => {
  it('is still there after a restart, and its message ids are still recognised', async () => {
    const restartHome = freshHome();
    let first: RunningService | undefined = await startIngesting(restartHome);
    try {
      await send(first.url, '/v1/track', { userId: 'u00009', event: 'Webinar Joined', timestamp: at, messageId: 'webinar-1' });
      await first.stop();
      first = undefined;
      const second = await startIngesting(restartHome);
      try {
        expect(await sizeOf(second.url, one({ type: 'event', events: ['Webinar Joined'], count: { op: 'gte', value: 1 } }))).toBe(1);
        expect((await send(second.url, '/v1/track', { userId: 'u00009', event: 'Webinar Joined', timestamp: at, messageId: 'webinar-1' })).body).toMatchObject({ accepted: 0, duplicates: 1 });
      } finally {
        await second.stop();
      }
    } finally {
      await first?.stop();
      rmSync(restartHome, { recursive: true, force: true });
    }
  });
});
