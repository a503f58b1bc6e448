/** The service's stores, in memory or in Redis, behind the interfaces of types.ts. */
import type { Redis } from 'ioredis';
import { InMemoryAudienceRepository } from '../audiences/memory-audience-repository.js';
import { InMemoryGlossaryRepository } from '../glossary/memory-glossary-repository.js';
import { MemoryLiveAudienceRepository } from '../live/memory-live-audience-repository.js';
import { MemoryVisitorStateStore } from '../live/memory-visitor-state.js';
import { MemoryRunEventLog } from './memory/memory-event-log.js';
import { MemoryRunRepository } from './memory/memory-run-repository.js';
import { MemoryThreadLocks } from './memory/memory-thread-locks.js';
import { MemoryItemStore } from './memory/memory-item-store.js';
import { MemoryThreadRepository } from './memory/memory-thread-repository.js';
import { assertValidRecordPrefix, DEFAULT_PREFIX } from './redis/keys.js';
import { RedisAudienceRepository } from './redis/redis-audience-repository.js';
import { storeCall } from './redis/redis-call.js';
import { RedisRunEventLog, type RedisRunEventLogOptions } from './redis/redis-event-log.js';
import { RedisGlossaryRepository } from './redis/redis-glossary-repository.js';
import { RedisItemStore } from './redis/redis-item-store.js';
import { RedisLiveAudienceRepository } from './redis/redis-live-audience-repository.js';
import { RedisRunRepository } from './redis/redis-run-repository.js';
import { RedisThreadLocks } from './redis/redis-thread-locks.js';
import { RedisThreadRepository } from './redis/redis-thread-repository.js';
import { RedisVisitorStateStore, type RedisVisitorStateOptions } from './redis/redis-visitor-state.js';
import type { InvalidRecordSink } from './stored-records.js';
import type { Repositories } from './types.js';

export type * from './types.js';

export interface MemoryRepositoriesOptions {
  /** Stamps the default live audiences; the visitors' answers expire on its time. */
  clock?: () => Date;
  /** How long a visitor's recorded answers are kept (default 365 days). */
  traitTtlMs?: number;
}

export function createMemoryRepositories({ clock = () => new Date(), traitTtlMs }: MemoryRepositoriesOptions = {}): Repositories {
  const liveAudiences = new MemoryLiveAudienceRepository({ clock });
  return {
    kind: 'memory',
    threads: new MemoryThreadRepository(),
    items: new MemoryItemStore(),
    runs: new MemoryRunRepository(),
    events: new MemoryRunEventLog(),
    locks: new MemoryThreadLocks(),
    audiences: new InMemoryAudienceRepository(),
    glossary: new InMemoryGlossaryRepository(),
    liveAudiences,
    visitors: new MemoryVisitorStateStore({
      listVersion: (workspace) => liveAudiences.peekVersion(workspace),
      clock: () => clock().getTime(),
      ...(traitTtlMs === undefined ? {} : { traitTtlMs }),
    }),
    ping: async () => undefined,
  };
}

export interface RedisRepositoriesOptions {
  /** A client made by `createRedisClient`/`connectRedisClient` (fails fast when Redis is away). */
  client: Redis;
  /** Namespace of every key (default `audience-agent`); no braces or spaces. */
  prefix?: string;
  events?: RedisRunEventLogOptions;
  visitors?: RedisVisitorStateOptions;
  /** Stamps the default live audiences. */
  clock?: () => Date;
  /** Where stored audiences that do not decode are reported; they are left out of every answer. */
  onInvalidRecord?: InvalidRecordSink;
}

export function createRedisRepositories({ client, prefix = DEFAULT_PREFIX, events, visitors, clock, onInvalidRecord }: RedisRepositoriesOptions): Repositories {
  assertValidRecordPrefix(prefix);
  return {
    kind: 'redis',
    threads: new RedisThreadRepository(client, prefix),
    items: new RedisItemStore(client, prefix),
    runs: new RedisRunRepository(client, prefix),
    events: new RedisRunEventLog(client, prefix, events),
    locks: new RedisThreadLocks(client, prefix),
    audiences: new RedisAudienceRepository(client, prefix, onInvalidRecord),
    glossary: new RedisGlossaryRepository(client, prefix),
    liveAudiences: new RedisLiveAudienceRepository(client, prefix, { ...(clock ? { clock } : {}), ...(onInvalidRecord ? { report: onInvalidRecord } : {}) }),
    visitors: new RedisVisitorStateStore(client, prefix, visitors),
    ping: async () => {
      await storeCall(() => client.ping());
    },
  };
}
