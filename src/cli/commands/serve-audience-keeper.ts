/**
 * Saved audiences kept current, for `serve`: the history store (Redis when the service has it,
 * else memory), the keeper counting audiences on their schedules, and its routes.
 */
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { AudienceKeeper } from '../../audiences/history/audience-keeper.js';
import { MemoryAudienceHistoryStore } from '../../audiences/history/memory-history-store.js';
import { RedisAudienceHistoryStore } from '../../audiences/history/redis-history-store.js';
import type { AudienceHistoryStore } from '../../audiences/history/types.js';
import type { AudienceRepository } from '../../audiences/types.js';
import type { Config } from '../../config/env.js';
import type { ServerContext } from '../../server/context.js';
import { audienceHistoryRouter } from '../../server/routes/audience-history.js';
import type { WorkspaceDirectory } from '../../server/runs/assistant.js';
import type { RequestHandler } from 'express';

export interface KeptAudiences {
  keeper: AudienceKeeper;
  history: AudienceHistoryStore;
  route(ctx: ServerContext): RequestHandler;
  stop(): Promise<void>;
}

export function keepAudiencesCurrent(opts: {
  config: Config;
  client?: Redis;
  prefix: string;
  audiences: AudienceRepository;
  workspaces: WorkspaceDirectory;
  referenceTime: () => Date;
  logger: Logger;
}): KeptAudiences {
  const history: AudienceHistoryStore = opts.client ? new RedisAudienceHistoryStore(opts.client, opts.prefix) : new MemoryAudienceHistoryStore();
  const keeper = new AudienceKeeper({
    history,
    audiences: opts.audiences,
    workspaces: opts.workspaces,
    referenceTime: opts.referenceTime,
    logger: opts.logger,
    tickMs: opts.config.refresh.tickMs,
    minEveryMs: opts.config.refresh.minEveryMs,
  });
  keeper.start();
  return {
    keeper,
    history,
    route: (ctx) => audienceHistoryRouter(ctx, { keeper, history }),
    stop: () => keeper.stop(),
  };
}
