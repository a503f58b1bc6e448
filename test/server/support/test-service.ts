/**
 * A real service on 127.0.0.1 for tests: the app on a free port, with the Redis stores (under
 * the test's own key prefix) or the memory ones, and a quiet logger.
 */
import { MemorySaver } from '@langchain/langgraph';
import { Client } from '@langchain/langgraph-sdk';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { connectRedisClient } from '../../../src/checkpoint/redis-client.js';
import { RedisSaver } from '../../../src/checkpoint/redis-saver.js';
import { createMemoryRepositories, createRedisRepositories } from '../../../src/repositories/index.js';
import type { InvalidRecordSink } from '../../../src/repositories/stored-records.js';
import type { Repositories } from '../../../src/repositories/types.js';
import { createApp, type ServiceApp } from '../../../src/server/app.js';
import type { AppDeps, ServerSettings } from '../../../src/server/context.js';
import { listen, type RunningServer } from '../../../src/server/listen.js';
import type { AssistantDefinition, WorkspaceDirectory } from '../../../src/server/runs/assistant.js';

export interface TestService {
  url: string;
  service: ServiceApp;
  server: RunningServer;
  repositories: Repositories;
  /** An SDK client; `apiKey` null = send none. */
  client(apiKey?: string | null): Client;
  /** Graceful stop; running turns get `graceMs` (default 500) to finish. */
  stop(graceMs?: number): Promise<void>;
}

export interface TestServiceOptions {
  /** The graphs, or a function making them from the service's stores (to save into them). */
  assistants: AssistantDefinition[] | ((repositories: Repositories) => AssistantDefinition[]);
  /** Redis URL and key prefix; memory stores when absent. */
  redis?: { url: string; prefix: string };
  workspaces?: WorkspaceDirectory;
  settings?: Partial<ServerSettings>;
  deps?: Partial<AppDeps>;
  /** Where the Redis stores report records they skip (default: standard error). */
  onInvalidRecord?: InvalidRecordSink;
}

/** Short timings so tests about waiting and liveness run in well under a second. */
export const FAST: Partial<ServerSettings> = { pollMs: 50, livenessMs: 200, lockTtlMs: 1500, lockPollMs: 25, waitLeaseMs: 1000, keepAliveMs: 15_000 };

export async function startTestService(o: TestServiceOptions): Promise<TestService> {
  let redis: Redis | undefined;
  let repositories: Repositories;
  let checkpointer: AppDeps['checkpointer'];
  if (o.redis) {
    redis = await connectRedisClient(o.redis.url);
    repositories = createRedisRepositories({ client: redis, prefix: `${o.redis.prefix}:svc`, ...(o.onInvalidRecord ? { onInvalidRecord: o.onInvalidRecord } : {}) });
    checkpointer = new RedisSaver({ client: redis, prefix: `${o.redis.prefix}:cp` });
  } else {
    repositories = createMemoryRepositories();
    checkpointer = new MemorySaver();
  }
  const service = createApp({
    assistants: typeof o.assistants === 'function' ? o.assistants(repositories) : o.assistants,
    checkpointer,
    repositories,
    workspaces: o.workspaces ?? { get: async () => undefined },
    logger: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    settings: { ...FAST, ...o.settings },
    ...o.deps,
  });
  const server = await listen(service, { port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    service,
    server,
    repositories,
    client: (apiKey) => new Client({ apiUrl: server.url, apiKey: apiKey === undefined ? null : apiKey, callerOptions: { maxRetries: 0 } }),
    async stop(graceMs = 500) {
      await server.close(graceMs);
      redis?.disconnect();
    },
  };
}
