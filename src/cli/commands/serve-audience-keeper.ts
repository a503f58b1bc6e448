/**
 * Saved audiences kept current and sent on, for `serve`: the history and destination stores
 * (Redis when the service has it, else memory), the keeper counting audiences on their
 * schedules, the destinations' delivery worker, and their routes.
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
import { Destinations } from '../../destinations/destinations.js';
import { MemoryDestinationStore } from '../../destinations/memory-destination-store.js';
import { RedisDestinationStore } from '../../destinations/redis-destination-store.js';
import { destinationsRouter } from '../../server/routes/destinations.js';

export interface KeptAudiences {
  keeper: AudienceKeeper;
  history: AudienceHistoryStore;
  destinations: Destinations;
  routes: ((ctx: ServerContext) => RequestHandler)[];
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
  const store = opts.client ? new RedisDestinationStore(opts.client, opts.prefix) : new MemoryDestinationStore();
  const { delivery } = opts.config;
  const destinations = new Destinations({
    store,
    history,
    ...(delivery.fileDropDir ? { fileDropDir: delivery.fileDropDir } : {}),
    allowPrivateHosts: delivery.allowPrivateHosts,
    timing: { timeoutMs: delivery.timeoutMs, backoffMs: delivery.backoffMs, maxBackoffMs: delivery.maxBackoffMs, batchSize: delivery.batchSize },
    logger: opts.logger,
  });
  keeper.onChange(destinations.onChange);
  keeper.start();
  destinations.start();
  return {
    keeper,
    history,
    destinations,
    routes: [(ctx) => audienceHistoryRouter(ctx, { keeper, history }), (ctx) => destinationsRouter(ctx, { destinations, store })],
    async stop() {
      await keeper.stop();
      await destinations.stop();
    },
  };
}
