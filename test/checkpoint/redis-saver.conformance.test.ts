import {
  deltaChannelHistoryTests,
  validate,
  type CheckpointSaverTestInitializer,
} from '@langchain/langgraph-checkpoint-validation';
import type { Redis } from 'ioredis';
import { connectRedisClient } from '../../src/checkpoint/redis-client.js';
import { RedisSaver } from '../../src/checkpoint/redis-saver.js';
import { getTestRedis, type TestRedis } from '../helpers/redis.js';

// The official LangGraph checkpointer conformance suite, in full, against a real Redis.
let redis: TestRedis;
let client: Redis;
let instances = 0;

const initializer: CheckpointSaverTestInitializer<RedisSaver> = {
  checkpointerName: 'RedisSaver',
  beforeAllTimeout: 30_000,
  async beforeAll() {
    redis = await getTestRedis();
    client = await connectRedisClient(redis.url);
  },
  async afterAll() {
    client?.disconnect();
    await redis?.stop();
  },
  // The suite requires that one instance never sees another's state: each gets its own prefix.
  createCheckpointer() {
    instances += 1;
    return new RedisSaver({ client, prefix: `${redis.prefix}:${instances}` });
  },
};

validate(initializer);
// Opt-in in the package (not part of validate): the ancestor walk that rebuilds delta channels.
deltaChannelHistoryTests(initializer);
