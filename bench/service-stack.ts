/**
 * The service as `serve` composes it (createApp + listen), on a free loopback port, with the
 * Redis stores under the benchmark's prefix or the memory ones, and a silent logger (a logger
 * writing every request would time the terminal, not the service).
 */
import { MemorySaver } from '@langchain/langgraph';
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import type { Redis } from 'ioredis';
import { pino } from 'pino';
import { connectRedisClient } from '../src/checkpoint/redis-client.js';
import { RedisSaver } from '../src/checkpoint/redis-saver.js';
import { createMemoryRepositories, createRedisRepositories } from '../src/repositories/index.js';
import type { Repositories } from '../src/repositories/types.js';
import { createApp } from '../src/server/app.js';
import type { ServerSettings } from '../src/server/context.js';
import { listen } from '../src/server/listen.js';
import type { AssistantDefinition, WorkspaceDirectory } from '../src/server/runs/assistant.js';

export interface BenchService {
  url: string;
  stop(): Promise<void>;
}

export interface BenchServiceOptions {
  assistants: (repositories: Repositories) => AssistantDefinition[];
  /** Redis URL and key prefix; the memory stores when absent. */
  redis?: { url: string; prefix: string };
  workspaces?: WorkspaceDirectory;
  referenceTime?: () => Date;
}

/**
 * The service's own defaults, except the per-key rate limits: one client sending turns (or
 * matches, to find the saturation throughput) back to back is the benchmark, not abuse.
 */
export const BENCH_SETTINGS: Partial<ServerSettings> = { rateLimit: { burst: 1_000_000, perSecond: 1_000_000 }, liveRateLimit: { burst: 1_000_000, perSecond: 1_000_000 } };

export async function startBenchService(o: BenchServiceOptions): Promise<BenchService> {
  let client: Redis | undefined;
  let repositories: Repositories;
  let checkpointer: BaseCheckpointSaver;
  if (o.redis) {
    client = await connectRedisClient(o.redis.url);
    repositories = createRedisRepositories({ client, prefix: `${o.redis.prefix}:svc` });
    checkpointer = new RedisSaver({ client, prefix: `${o.redis.prefix}:cp` });
  } else {
    repositories = createMemoryRepositories();
    checkpointer = new MemorySaver();
  }
  const service = createApp({
    assistants: o.assistants(repositories),
    checkpointer,
    repositories,
    workspaces: o.workspaces ?? { get: async () => undefined },
    logger: pino({ level: 'silent' }),
    settings: BENCH_SETTINGS,
    ...(o.referenceTime ? { referenceTime: o.referenceTime } : {}),
  });
  const server = await listen(service, { port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    async stop() {
      await server.close(1000);
      client?.disconnect();
    },
  };
}
