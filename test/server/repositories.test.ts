/**
 * The service's stores behave the same in memory and in Redis: one contract, run against both.
 */
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedisClient } from '../../src/checkpoint/redis-client.js';
import { createMemoryRepositories, createRedisRepositories } from '../../src/repositories/index.js';
import { threadKey } from '../../src/repositories/thread-key.js';
import type { Repositories, RunRecord, ThreadRecord } from '../../src/repositories/types.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';

let redis: TestRedis;
let client: Redis;
let counter = 0;

beforeAll(async () => {
  redis = await getTestRedis();
  client = await connectRedisClient(redis.url);
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

const kinds: [string, () => Repositories][] = [
  ['memory', () => createMemoryRepositories()],
  ['redis', () => createRedisRepositories({ client, prefix: `${redis.prefix}:r${counter++}` })],
];

function thread(id: string, workspace: string, extra: Partial<ThreadRecord> = {}): ThreadRecord {
  return { thread_id: id, workspace, created_at: '2026-11-01T00:00:00.000Z', updated_at: '2026-11-01T00:00:00.000Z', metadata: {}, status: 'idle', title: '', values: null, interrupts: {}, ...extra };
}

function run(id: string, threadId: string, extra: Partial<RunRecord> = {}): RunRecord {
  return { run_id: id, thread_id: threadId, assistant_id: 'a', workspace: 'w', created_at: `2026-11-01T00:00:0${id.at(-1)}.000Z`, updated_at: '2026-11-01T00:00:00.000Z', status: 'pending', metadata: {}, multitask_strategy: 'reject', kwargs: { stream_mode: ['values'] }, ...extra };
}

describe.each(kinds)('%s stores', (_kind, make) => {
  it('keeps threads per workspace: taken ids, updates, deletes and searches stay in their workspace', async () => {
    const { threads } = make();
    expect(await threads.create(thread('t1', 'acme', { metadata: { tag: 'x' }, updated_at: '2026-11-01T00:00:02.000Z' }))).toBe(true);
    // Ids are per workspace: the same id in another workspace is another thread.
    expect(await threads.create(thread('t1', 'acme'))).toBe(false);
    expect(await threads.create(thread('t1', 'globex', { title: 'theirs' }))).toBe(true);
    expect((await threads.get('globex', 't1'))?.title).toBe('theirs');
    expect(await threads.delete('globex', 't1')).toBe(true);
    expect(await threads.create(thread('t2', 'acme', { status: 'interrupted', updated_at: '2026-11-01T00:00:03.000Z' }))).toBe(true);
    expect(await threads.get('globex', 't1')).toBeUndefined();
    expect(await threads.update('globex', 't1', { title: 'stolen' })).toBeUndefined();
    expect(await threads.delete('globex', 't1')).toBe(false);
    const updated = await threads.update('acme', 't1', { title: 'Gold members', values: { a: [1, { b: null }] }, updated_at: '2026-11-01T00:00:04.000Z' });
    expect(updated).toMatchObject({ thread_id: 't1', workspace: 'acme', title: 'Gold members', values: { a: [1, { b: null }] }, metadata: { tag: 'x' } });
    const q = { limit: 10, offset: 0, sortBy: 'updated_at' as const, sortOrder: 'desc' as const };
    expect((await threads.search('acme', q)).map((t) => t.thread_id)).toEqual(['t1', 't2']);
    expect((await threads.search('acme', { ...q, status: 'interrupted' })).map((t) => t.thread_id)).toEqual(['t2']);
    expect((await threads.search('acme', { ...q, metadata: { tag: 'x' } })).map((t) => t.thread_id)).toEqual(['t1']);
    expect((await threads.search('acme', { ...q, offset: 1 })).map((t) => t.thread_id)).toEqual(['t2']);
    expect(await threads.search('globex', q)).toEqual([]);
    expect(await threads.delete('acme', 't1')).toBe(true);
    expect((await threads.search('acme', q)).map((t) => t.thread_id)).toEqual(['t2']);
  });

  it('lists the unfinished runs of every thread, and forgets a run once it finishes or is deleted', async () => {
    const { runs } = make();
    await runs.create(run('u1', 'ta'));
    await runs.create(run('u2', 'tb', { status: 'running' }));
    await runs.create(run('u3', 'tb'));
    expect((await runs.listUnfinished()).map((r) => r.run_id).sort()).toEqual(['u1', 'u2', 'u3']);
    await runs.transition('u2', ['running'], { status: 'error' });
    await runs.delete('u3');
    expect((await runs.listUnfinished()).map((r) => r.run_id)).toEqual(['u1']);
    await runs.deleteByThread(threadKey('w', 'ta'));
    expect(await runs.listUnfinished()).toEqual([]);
  });

  it('changes a run only from the statuses allowed (compare-and-set) and lists a thread’s runs newest first', async () => {
    const { runs } = make();
    await runs.create(run('r1', 'tA'));
    await runs.create(run('r2', 'tA'));
    expect(await runs.transition('r1', ['running'], { status: 'success' })).toBeUndefined();
    expect(await runs.transition('r1', ['pending'], { status: 'running' })).toMatchObject({ status: 'running', kwargs: { stream_mode: ['values'] } });
    const both = await Promise.all([runs.transition('r1', ['running'], { status: 'success' }), runs.transition('r1', ['running'], { status: 'error' })]);
    expect(both.filter(Boolean)).toHaveLength(1);
    const tA = threadKey('w', 'tA');
    expect((await runs.listByThread(tA, { limit: 10, offset: 0 })).map((r) => r.run_id)).toEqual(['r2', 'r1']);
    expect((await runs.listByThread(tA, { limit: 10, offset: 0, status: 'pending' })).map((r) => r.run_id)).toEqual(['r2']);
    // Another workspace's thread of the same id is another thread.
    expect(await runs.listByThread(threadKey('other', 'tA'), { limit: 10, offset: 0 })).toEqual([]);
    await runs.deleteByThread(tA);
    expect(await runs.get('r1')).toBeUndefined();
  });

  it('numbers logged events from 0 and reads from any position', async () => {
    const { events } = make();
    for (let i = 0; i < 5; i++) expect(await events.append('run-x', { event: 'values', data: { i } })).toBe(i);
    expect(await events.read('run-x', 2)).toEqual({ events: [{ id: 3, event: 'values', data: { i: 3 } }, { id: 4, event: 'values', data: { i: 4 } }], done: false });
    await events.end('run-x');
    expect((await events.read('run-x', -1)).events.map((e) => e.id)).toEqual([0, 1, 2, 3, 4]);
    expect(await events.read('run-x', 4)).toEqual({ events: [], done: true });
  });

  it('lets one run hold a thread, queues others first come first served, and drops waiters that stop asking', async () => {
    const { locks } = make();
    const ttl = { ttlMs: 2000, waitLeaseMs: 150 };
    const t = threadKey('w', 't');
    expect(await locks.tryAcquire(t, 'a', ttl)).toBe(true);
    expect(await locks.tryAcquire(t, 'b', ttl)).toBe(false);
    expect(await locks.tryAcquire(t, 'c', ttl)).toBe(false);
    expect(await locks.isWaiting(t, 'b')).toBe(true);
    expect(await locks.renew(t, 'b', 2000)).toBe(false);
    expect(await locks.renew(t, 'a', 2000)).toBe(true);
    await locks.release(t, 'a');
    // c is behind b in line.
    expect(await locks.tryAcquire(t, 'c', ttl)).toBe(false);
    expect(await locks.tryAcquire(t, 'b', ttl)).toBe(true);
    expect(await locks.holder(t)).toBe('b');
    await locks.release(t, 'b');
    // d never waited; c still has its place until its lease lapses.
    expect(await locks.tryAcquire(t, 'd', { ttlMs: 2000 })).toBe(false);
    await new Promise((r) => setTimeout(r, 200));
    expect(await locks.isWaiting(t, 'c')).toBe(false);
    expect(await locks.tryAcquire(t, 'd', { ttlMs: 100 })).toBe(true);
    await new Promise((r) => setTimeout(r, 150));
    expect(await locks.holder(t)).toBeUndefined();
  });

  it('keeps audiences and glossary entries per workspace', async () => {
    const { audiences, glossary } = make();
    const definition = { version: 1 as const, root: { type: 'group' as const, op: 'and' as const, conditions: [{ type: 'list' as const, list: 'VIP', op: 'in' as const }] }, exclude: [] };
    await audiences.save('acme', { id: 'a1', name: 'One', description: '', prompt: 'p', definition, createdAt: '2026-01-01T00:00:00.000Z' });
    await audiences.save('acme', { id: 'a2', name: 'Two', description: '', prompt: 'p', definition, createdAt: '2026-02-01T00:00:00.000Z' });
    expect((await audiences.list('acme')).map((a) => a.id)).toEqual(['a2', 'a1']);
    expect(await audiences.get('globex', 'a1')).toBeUndefined();
    expect(await audiences.delete('acme', 'a1')).toBe(true);
    expect(await audiences.delete('acme', 'a1')).toBe(false);
    // A record no request could have made is refused, not stored.
    await expect(audiences.save('acme', { id: 'a3', name: 'Bad', description: '', prompt: '', definition: { ...definition, root: { ...definition.root, conditions: [] } }, createdAt: '2026-01-01T00:00:00.000Z' })).rejects.toMatchObject({ code: 'invalid_definition' });
    await glossary.save('acme', { term: ' High-spending ', meaning: 'spend over $1,450 ' });
    expect(await glossary.get('acme', 'high-SPENDING')).toEqual({ term: 'High-spending', meaning: 'spend over $1,450' });
    expect(await glossary.list('globex')).toEqual([]);
  });
});
