import { AIMessage, HumanMessage } from '@langchain/core/messages';
import {
  ERROR,
  INTERRUPT,
  emptyCheckpoint,
  uuid6,
  type Checkpoint,
  type CheckpointMetadata,
} from '@langchain/langgraph-checkpoint';
import type { RunnableConfig } from '@langchain/core/runnables';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedisClient } from '../../src/checkpoint/redis-client.js';
import { RedisSaver } from '../../src/checkpoint/redis-saver.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';
import { clusterSlot, crc16 } from './cluster-slot.js';

let redis: TestRedis;
let client: Redis;
let savers = 0;

beforeAll(async () => {
  redis = await getTestRedis();
  client = await connectRedisClient(redis.url);
});

afterAll(async () => {
  client?.disconnect();
  await redis?.stop();
});

function newSaver(ttlSeconds?: number): { saver: RedisSaver; prefix: string } {
  savers += 1;
  const prefix = `${redis.prefix}:${savers}`;
  return { saver: new RedisSaver({ client, prefix, ...(ttlSeconds ? { ttlSeconds } : {}) }), prefix };
}

const meta: CheckpointMetadata = { source: 'loop', step: 0, parents: {} };

function checkpointWith(values: Record<string, unknown>, versions: Record<string, number | string>): Checkpoint {
  return { ...emptyCheckpoint(), id: uuid6(-1), channel_values: values, channel_versions: versions };
}

/** A root checkpoint, a subgraph checkpoint and writes on both: every kind of key a thread has. */
async function fillThread(saver: RedisSaver, threadId: string): Promise<RunnableConfig[]> {
  const configs: RunnableConfig[] = [];
  for (const ns of ['', 'review:7f2c|inner:91ab']) {
    const config = await saver.put(
      { configurable: { thread_id: threadId, checkpoint_ns: ns } },
      checkpointWith({ request: 'vip buyers' }, { request: 1 }),
      meta,
      { request: 1 },
    );
    await saver.putWrites(config, [['request', 'lapsed buyers']], 'task-1');
    configs.push(config);
  }
  return configs;
}

async function keysUnder(prefix: string): Promise<string[]> {
  const found: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    found.push(...keys);
  } while (cursor !== '0');
  return [...new Set(found)].sort();
}

describe('RedisSaver keys', () => {
  it('computes cluster slots as Redis does', () => {
    expect(crc16(Buffer.from('123456789'))).toBe(0x31c3);
    expect(clusterSlot('somekey')).toBe(11058);
    expect(clusterSlot('foo{hash_tag}')).toBe(2515);
    expect(clusterSlot('bar{hash_tag}')).toBe(2515);
  });

  it('keeps every key of a thread, across namespaces and writes, in one cluster hash slot', async () => {
    const { saver, prefix } = newSaver();
    const threads = ['thread-1', uuid6(-1), 'odd:id {with} braces|and spaces'];
    for (const t of threads) await fillThread(saver, t);
    const keys = await keysUnder(prefix);
    expect(keys).toHaveLength(threads.length * 6);
    const slotsByThread = new Map<string, Set<number>>();
    for (const key of keys) {
      const tag = key.slice(key.indexOf('{'), key.indexOf('}') + 1);
      const slots = slotsByThread.get(tag) ?? new Set<number>();
      slots.add(clusterSlot(key));
      slotsByThread.set(tag, slots);
    }
    expect(slotsByThread.size).toBe(threads.length);
    for (const slots of slotsByThread.values()) expect(slots.size).toBe(1);
    expect(keys.filter((k) => k.includes('{thread-1}'))).toHaveLength(6);
  });
});

describe('RedisSaver TTL', () => {
  it('sets the TTL on every key of a thread and refreshes it on each write', async () => {
    const { saver, prefix } = newSaver(600);
    const [rootConfig] = await fillThread(saver, 'expiring');
    const keys = await keysUnder(prefix);
    expect(keys).toHaveLength(6);
    const ttls = async () => Promise.all(keys.map((k) => client.ttl(k)));
    for (const ttl of await ttls()) expect(ttl).toBeGreaterThan(590);

    // Age the keys, then write again: a put or putWrites must push the expiry back out.
    for (const k of keys) await client.expire(k, 5);
    await saver.putWrites(rootConfig!, [['request', 'churned buyers']], 'task-2');
    for (const ttl of await ttls()) expect(ttl).toBeGreaterThan(590);

    for (const k of keys) await client.expire(k, 5);
    await saver.put(rootConfig!, checkpointWith({}, {}), { ...meta, step: 1 }, {});
    for (const ttl of await ttls()) expect(ttl).toBeGreaterThan(590);
  });

  it('leaves keys without expiry when no TTL is configured', async () => {
    const { saver, prefix } = newSaver();
    await fillThread(saver, 'forever');
    const keys = await keysUnder(prefix);
    expect(keys).toHaveLength(6);
    for (const k of keys) expect(await client.ttl(k)).toBe(-1);
  });

  it('refuses a TTL that is not a positive whole number of seconds', () => {
    expect(() => new RedisSaver({ client, ttlSeconds: 0.5 })).toThrow(/ttlSeconds/);
    expect(() => new RedisSaver({ client, prefix: 'a{b}' })).toThrow(/prefix/);
  });
});

describe('RedisSaver deleteThread', () => {
  it('removes every key of the thread and nothing of other threads', async () => {
    const { saver, prefix } = newSaver();
    await fillThread(saver, 'doomed');
    const [keptConfig] = await fillThread(saver, 'kept');
    const before = await keysUnder(prefix);

    await saver.deleteThread('doomed');

    const after = await keysUnder(prefix);
    expect(after.filter((k) => k.includes('{doomed}'))).toEqual([]);
    expect(after).toEqual(before.filter((k) => !k.includes('{doomed}')));
    expect(await saver.getTuple({ configurable: { thread_id: 'doomed', checkpoint_ns: '' } })).toBeUndefined();
    const kept = await saver.getTuple(keptConfig!);
    expect(kept?.checkpoint.channel_values).toEqual({ request: 'vip buyers' });
    const listed = [];
    for await (const t of saver.list({})) listed.push(t.config.configurable?.thread_id);
    expect(new Set(listed)).toEqual(new Set(['kept']));
  });
});

describe('RedisSaver list', () => {
  it('lists a thread newest first across its namespaces, or only the checkpoint a config names', async () => {
    const { saver } = newSaver();
    const [root, sub] = await fillThread(saver, 'history');
    const later = await saver.put(root!, checkpointWith({}, {}), { ...meta, step: 1 }, {});
    const ids = async (config: RunnableConfig, before?: RunnableConfig) => {
      const found = [];
      for await (const t of saver.list(config, before ? { before } : {})) found.push(t.checkpoint.id);
      return found;
    };
    const idOf = (c: RunnableConfig | undefined) => c?.configurable?.checkpoint_id as string;

    expect(await ids({ configurable: { thread_id: 'history' } })).toEqual([idOf(later), idOf(sub), idOf(root)]);
    expect(await ids({ configurable: { thread_id: 'history', checkpoint_ns: '' } })).toEqual([idOf(later), idOf(root)]);
    expect(await ids({ configurable: { thread_id: 'history', checkpoint_id: idOf(sub) } })).toEqual([idOf(sub)]);
    expect(await ids(sub!)).toEqual([idOf(sub)]);
    expect(await ids({ configurable: { thread_id: 'history', checkpoint_ns: '', checkpoint_id: idOf(sub) } })).toEqual([]);
    expect(await ids({ configurable: { thread_id: 'history', checkpoint_id: idOf(later) } }, sub)).toEqual([]);
  });
});

describe('RedisSaver writes and values', () => {
  it('keeps the first regular write of a task and lets special channels overwrite', async () => {
    const { saver } = newSaver();
    const config = await saver.put({ configurable: { thread_id: 't' } }, checkpointWith({}, {}), meta, {});
    await saver.putWrites(config, [['audience', 'first'], [ERROR, 'first failure']], 'task');
    await saver.putWrites(config, [['audience', 'retried'], [ERROR, 'second failure']], 'task');
    await saver.putWrites(config, [[INTERRUPT, { question: 'which window?' }]], 'task');
    await saver.putWrites(config, [[INTERRUPT, { question: 'which country?' }]], 'task');
    const tuple = await saver.getTuple(config);
    expect(tuple?.pendingWrites).toEqual([
      ['task', INTERRUPT, { question: 'which country?' }],
      ['task', ERROR, 'second failure'],
      ['task', 'audience', 'first'],
    ]);
  });

  it('returns pending writes in the order live execution applies them', async () => {
    const { saver } = newSaver();
    const config = await saver.put({ configurable: { thread_id: 't' } }, checkpointWith({}, {}), meta, {});
    await saver.putWrites(config, [['log', 'b0'], ['log', 'b1']], 'task-b', '~__pregel_pull, b');
    await saver.putWrites(config, [['log', 'a0']], 'task-a', '~__pregel_pull, a');
    await saver.putWrites(config, [['log', 'input']], 'task-z');
    const tuple = await saver.getTuple(config);
    expect(tuple?.pendingWrites?.map((w) => w[2])).toEqual(['input', 'a0', 'b0', 'b1']);
  });

  it('stores binary values byte for byte', async () => {
    const { saver } = newSaver();
    const bytes = new Uint8Array(1024).map((_, i) => (i * 37) % 256);
    const config = await saver.put(
      { configurable: { thread_id: 'bin' } },
      checkpointWith({ blob: bytes }, { blob: 1 }),
      meta,
      { blob: 1 },
    );
    await saver.putWrites(config, [['blob', bytes]], 'task');
    const tuple = await saver.getTuple(config);
    expect(Buffer.from(tuple?.checkpoint.channel_values.blob as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(tuple?.pendingWrites?.[0]?.[2] as Uint8Array).equals(Buffer.from(bytes))).toBe(true);
  });

  it('returns LangChain messages as message instances', async () => {
    const { saver } = newSaver();
    const messages = [new HumanMessage('people who bought twice'), new AIMessage('In which window?')];
    const config = await saver.put(
      { configurable: { thread_id: 'msgs' } },
      checkpointWith({ messages }, { messages: 1 }),
      meta,
      { messages: 1 },
    );
    const restored = (await saver.getTuple(config))?.checkpoint.channel_values.messages as unknown[];
    expect(restored[0]).toBeInstanceOf(HumanMessage);
    expect(restored[1]).toBeInstanceOf(AIMessage);
    expect((restored[1] as AIMessage).content).toBe('In which window?');
  });

  it('stores a channel value once per version, not once per checkpoint', async () => {
    const { saver, prefix } = newSaver();
    const big = 'x'.repeat(50_000);
    let config = await saver.put(
      { configurable: { thread_id: 'dedupe' } },
      checkpointWith({ big, step: 0 }, { big: 1, step: 1 }),
      meta,
      { big: 1, step: 1 },
    );
    for (let step = 1; step <= 3; step += 1) {
      config = await saver.put(config, checkpointWith({ big, step }, { big: 1, step: step + 1 }), { ...meta, step }, { step: step + 1 });
    }
    const blobsKey = (await keysUnder(prefix)).find((k) => k.endsWith(':blobs'));
    expect(await client.hlen(blobsKey!)).toBe(5);
    const latest = await saver.getTuple({ configurable: { thread_id: 'dedupe' } });
    expect(latest?.checkpoint.channel_values).toEqual({ big, step: 3 });
  });
});
