/**
 * The live stores in Redis: the shared contract (a second client plays a second process), and
 * what only Redis does — expiry set on the keys, keys under the workspace's tag, and
 * `store_unavailable` when Redis is away.
 */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createRedisClient } from '../../src/checkpoint/redis-client.js';
import { AppError } from '../../src/errors.js';
import { createRedisRepositories } from '../../src/repositories/index.js';
import { visitorKeys, workspaceKeys } from '../../src/repositories/redis/keys.js';
import { RedisLiveAudienceRepository } from '../../src/repositories/redis/redis-live-audience-repository.js';
import { RedisVisitorStateStore } from '../../src/repositories/redis/redis-visitor-state.js';
import { freePort, getTestRedis, type TestRedis } from '../helpers/redis.js';
import { CLOCK_START, freshWorkspace, liveAudience, liveStoreContract } from './support/live-store-contract.js';

let redis: TestRedis;
let client: Redis;
beforeAll(async () => {
  redis = await getTestRedis();
  client = new Redis(redis.url);
});
afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

liveStoreContract('redis', async ({ clock, traitTtlMs }) => {
  const repos = createRedisRepositories({ client, prefix: redis.prefix, clock, ...(traitTtlMs === undefined ? {} : { visitors: { traitTtlMs } }) });
  const second = new Redis(redis.url);
  return {
    liveAudiences: repos.liveAudiences,
    visitors: repos.visitors,
    otherLiveAudiences: new RedisLiveAudienceRepository(second, redis.prefix, { clock }),
    close: async () => second.disconnect(),
  };
});

describe('redis live stores', () => {
  test('sets the memberships\' expiry to the latest end, relative to the caller\'s now', async () => {
    const visitors = new RedisVisitorStateStore(client, redis.prefix);
    const ws = freshWorkspace();
    const key = visitorKeys(redis.prefix, ws, 'v1').memberships;
    // An injected clock years behind the real one: the expiry still counts from it.
    const now = new Date('2020-01-01T00:00:00Z').getTime();
    await visitors.writeMemberships(ws, 'v1', [{ audienceId: 'a', until: now + 60_000 }, { audienceId: 'b', until: now + 30_000 }], now);
    const first = await client.pttl(key);
    expect(first).toBeGreaterThan(55_000);
    expect(first).toBeLessThanOrEqual(60_000);
    await visitors.writeMemberships(ws, 'v1', [{ audienceId: 'b', until: now + 3_600_000 }], now + 1_000);
    const second = await client.pttl(key);
    expect(second).toBeGreaterThan(3_590_000);
    expect(second).toBeLessThanOrEqual(3_599_000);
    // Once every membership has ended the record goes.
    await visitors.writeMemberships(ws, 'v1', [{ audienceId: 'b', until: now + 2_000 }], now + 60_000);
    expect(await client.exists(key)).toBe(0);
  });

  test('drops ended memberships from the record when writing', async () => {
    const visitors = new RedisVisitorStateStore(client, redis.prefix);
    const ws = freshWorkspace();
    const now = CLOCK_START.getTime();
    await visitors.writeMemberships(ws, 'v1', [{ audienceId: 'short', until: now + 1_000 }, { audienceId: 'long', until: now + 90_000 }], now);
    await visitors.writeMemberships(ws, 'v1', [{ audienceId: 'other', until: now + 50_000 }], now + 2_000);
    expect((await client.hkeys(visitorKeys(redis.prefix, ws, 'v1').memberships)).sort()).toEqual(['long', 'other']);
  });

  test('keeps answers for traitTtlMs after the last one', async () => {
    const visitors = new RedisVisitorStateStore(client, redis.prefix, { traitTtlMs: 120 });
    const ws = freshWorkspace();
    await visitors.recordTraits(ws, 'v1', { shopping_for: 'cat' });
    const ttl = await client.pttl(visitorKeys(redis.prefix, ws, 'v1').traits);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(120);
    await new Promise((r) => setTimeout(r, 250));
    expect((await visitors.read(ws, 'v1', Date.now())).traits).toEqual({});
    const kept = new RedisVisitorStateStore(client, redis.prefix);
    await kept.recordTraits(ws, 'v2', { shopping_for: 'dog' });
    const yearMs = 365 * 24 * 3_600_000;
    expect(await client.pttl(visitorKeys(redis.prefix, ws, 'v2').traits)).toBeGreaterThan(yearMs - 60_000);
  });

  test('keeps a workspace\'s live list under its tag: records, order and version', async () => {
    const repo = new RedisLiveAudienceRepository(client, redis.prefix);
    const ws = freshWorkspace();
    await repo.save(ws, liveAudience('spring'));
    const k = workspaceKeys(redis.prefix, ws);
    const tag = `{${encodeURIComponent(ws)}}`;
    for (const key of [k.live, k.liveOrder, k.liveVersion]) expect(key).toContain(tag);
    expect(await client.lrange(k.liveOrder, 0, 0)).toEqual(['spring']);
    expect(await client.hlen(k.live)).toBe(6);
    expect(await client.get(k.liveVersion)).toBe('2');
  });

  test('answers store_unavailable when Redis cannot be reached', async () => {
    const away = createRedisClient(`redis://127.0.0.1:${await freePort()}`);
    try {
      const repos = createRedisRepositories({ client: away, prefix: redis.prefix });
      const ws = freshWorkspace();
      const calls: (() => Promise<unknown>)[] = [
        () => repos.liveAudiences.list(ws),
        () => repos.liveAudiences.save(ws, liveAudience('spring')),
        () => repos.liveAudiences.reorder(ws, []),
        () => repos.liveAudiences.version(ws),
        () => repos.visitors.read(ws, 'v1', Date.now()),
        () => repos.visitors.writeMemberships(ws, 'v1', [{ audienceId: 'a', until: Date.now() + 1_000 }], Date.now()),
        () => repos.visitors.recordTraits(ws, 'v1', { shopping_for: 'cat' }),
        () => repos.visitors.traitCatalog(ws),
      ];
      for (const call of calls) {
        const error = await call().then(() => undefined, (err: unknown) => err);
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('store_unavailable');
      }
    } finally {
      away.disconnect();
    }
  });
});
