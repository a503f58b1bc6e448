/** Both audience history stores keep the same things: counts newest first, the latest members, schedules due, one count at a time. */
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryAudienceHistoryStore } from '../../src/audiences/history/memory-history-store.js';
import { RedisAudienceHistoryStore } from '../../src/audiences/history/redis-history-store.js';
import type { AudienceCount, AudienceHistoryStore } from '../../src/audiences/history/types.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
let client: Redis;

beforeAll(async () => {
  redis = await getTestRedis();
  client = new Redis(redis.url, { maxRetriesPerRequest: 1 });
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

const count = (seq: number, size: number): AudienceCount => ({ seq, at: new Date(seq * 1000).toISOString(), now: '2026-11-01T00:00:00.000Z', trigger: 'on_demand', size, entered: size, exited: 0, enteredIds: [], exitedIds: [] });

const stores: [string, () => AudienceHistoryStore][] = [
  ['memory', () => new MemoryAudienceHistoryStore()],
  ['redis', () => new RedisAudienceHistoryStore(client, `${redis.prefix}:${Math.random().toString(36).slice(2)}`)],
];

describe.each(stores)('the %s audience history store', (_name, make) => {
  it('has no members before the first count, then the latest count\'s members, counts newest first', async () => {
    const store = make();
    expect(await store.members('acme', 'a1')).toBeUndefined();
    await store.record('acme', 'a1', count(1, 0), []);
    expect(await store.members('acme', 'a1')).toEqual(new Set());
    await store.record('acme', 'a1', count(2, 2), ['u1', 'u2']);
    await store.record('acme', 'a1', count(3, 1), ['u2']);
    expect(await store.members('acme', 'a1')).toEqual(new Set(['u2']));
    expect((await store.counts('acme', 'a1', 10)).map((c) => c.seq)).toEqual([3, 2, 1]);
    expect(await store.counts('globex', 'a1', 10)).toEqual([]);
  });

  it('says which schedules are due, and one count of an audience holds its lock', async () => {
    const store = make();
    await store.setSchedule('acme', 'a/1', { everyMs: 1000, nextAt: new Date(5_000).toISOString() });
    await store.setSchedule('acme', 'a2', { everyMs: 1000, nextAt: new Date(50_000).toISOString() });
    expect(await store.due(10_000)).toEqual([{ workspace: 'acme', audienceId: 'a/1' }]);
    await store.setSchedule('acme', 'a/1', undefined);
    expect(await store.due(10_000)).toEqual([]);
    expect(await store.lock('acme', 'a2', 60_000)).toBe(true);
    expect(await store.lock('acme', 'a2', 60_000)).toBe(false);
    await store.unlock('acme', 'a2');
    expect(await store.lock('acme', 'a2', 60_000)).toBe(true);
    await store.forget('acme', 'a2');
    expect(await store.schedule('acme', 'a2')).toBeUndefined();
  });
});
