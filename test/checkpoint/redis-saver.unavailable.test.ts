import { emptyCheckpoint, uuid6, type CheckpointMetadata } from '@langchain/langgraph-checkpoint';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { connectRedisClient, createRedisClient } from '../../src/checkpoint/redis-client.js';
import { RedisSaver } from '../../src/checkpoint/redis-saver.js';
import { freePort, startRedisServer, type RedisServer } from '../helpers/redis.js';

const meta: CheckpointMetadata = { source: 'loop', step: 0, parents: {} };
const threadConfig = { configurable: { thread_id: 'conversation', checkpoint_ns: '' } };

let clients: Redis[] = [];
let servers: RedisServer[] = [];

afterEach(async () => {
  for (const c of clients) c.disconnect();
  for (const s of servers) {
    resume(s);
    await s.stop();
  }
  clients = [];
  servers = [];
});

/** A SIGSTOPped server would ignore SIGTERM; an exited one cannot be signalled at all. */
function resume(server: RedisServer): void {
  try {
    process.kill(server.pid, 'SIGCONT');
  } catch {
    // already gone
  }
}

function track(client: Redis): Redis {
  clients.push(client);
  return client;
}

function save(saver: RedisSaver) {
  return saver.put(threadConfig, { ...emptyCheckpoint(), id: uuid6(-1) }, meta, {});
}

/**
 * What `run` rejects with. No time is asserted: an operation that waited for Redis instead of
 * failing would never settle here, and the test would time out.
 */
async function rejection(run: () => Promise<unknown>): Promise<{ error: unknown }> {
  try {
    await run();
  } catch (error) {
    return { error };
  }
  throw new Error('expected a rejection');
}

function expectStoreUnavailable(error: unknown): void {
  expect(error).toBeInstanceOf(AppError);
  const e = error as AppError;
  expect(e.code).toBe('store_unavailable');
  expect(e.message).toBe('Conversation storage is unreachable. Try again in a moment.');
  expect(e.status).toBe(503);
  expect(e.retryable).toBe(true);
}

async function eventually(run: () => Promise<unknown>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await run();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

describe('RedisSaver when Redis is unreachable', () => {
  it('rejects every operation with store_unavailable when nothing listens on the port', async () => {
    const client = track(createRedisClient(`redis://127.0.0.1:${await freePort()}`));
    const saver = new RedisSaver({ client });
    const operations: (() => Promise<unknown>)[] = [
      () => save(saver),
      () => saver.putWrites({ configurable: { ...threadConfig.configurable, checkpoint_id: 'x' } }, [['a', 1]], 't'),
      () => saver.getTuple(threadConfig),
      () => saver.list(threadConfig).next(),
      () => saver.list({}).next(),
      () => saver.deleteThread('conversation'),
    ];
    for (const op of operations) {
      const { error } = await rejection(op);
      expectStoreUnavailable(error);
    }
  });

  it('refuses to connect with store_unavailable instead of waiting', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const { error } = await rejection(() => connectRedisClient(url));
    expectStoreUnavailable(error);
  });

  it('gives up after the command timeout when Redis stops answering, and works again when it answers', async () => {
    const server = await startRedisServer();
    servers.push(server);
    const client = track(await connectRedisClient(server.url, { commandTimeoutMs: 300 }));
    const saver = new RedisSaver({ client });
    await save(saver);

    process.kill(server.pid, 'SIGSTOP');
    const { error } = await rejection(() => save(saver));
    expectStoreUnavailable(error);

    process.kill(server.pid, 'SIGCONT');
    await eventually(() => save(saver), 3000);
    expect(await saver.getTuple(threadConfig)).toBeDefined();
  });

  it('fails fast while Redis is down and recovers on the same client once it is back', async () => {
    const first = await startRedisServer();
    servers.push(first);
    const client = track(await connectRedisClient(first.url, { maxReconnectDelayMs: 100 }));
    const saver = new RedisSaver({ client });
    await save(saver);

    await first.stop();
    const { error } = await rejection(() => save(saver));
    expectStoreUnavailable(error);

    servers.push(await startRedisServer(first.port));
    await eventually(() => save(saver), 5000);
    // A fresh server without persistence: only what was written after it came back.
    const listed = [];
    for await (const t of saver.list(threadConfig)) listed.push(t);
    expect(listed).toHaveLength(1);
  });
});
