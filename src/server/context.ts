/**
 * What createApp receives (AppDeps) and what its routers share (ServerContext). Everything a
 * request touches is injected: graphs, stores, workspaces, clock and ids.
 */
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { LiveMatcher } from '../live/matcher.js';
import type { Repositories } from '../repositories/types.js';
import type { AssistantDefinition, AssistantRegistry, WorkspaceDirectory } from './runs/assistant.js';
import type { RunExecutor } from './runs/run-executor.js';
import type { ServerMetrics } from './metrics.js';
import type { TurnTiming } from './runs/thread-turn.js';
import type { StreamTiming } from './runs/stream-to-client.js';

export interface ServerSettings extends TurnTiming, StreamTiming {
  /** API key → workspace (tenant). Empty: no auth, tenant `default`. */
  apiKeys: Record<string, string>;
  /** Origins allowed to call the API from a browser (`*` = any). */
  corsOrigins: string[];
  bodyLimitBytes: number;
  rateLimit: { burst: number; perSecond: number };
  /** Failed authentications one client address may make (a burst, then per second) before its requests are 429. */
  authFailureLimit: { burst: number; perSecond: number };
  /** The per-key limit of `POST /v1/match` and its batch form (buckets of their own; a site calls them on every page view). */
  liveRateLimit: { burst: number; perSecond: number };
  /** How long a shutdown waits for running turns before stopping them. */
  shutdownGraceMs: number;
  /** A run is stopped (error `timeout`) once it has run this long. */
  runTimeoutMs: number;
  /** How often runs abandoned by a dead process are looked for (also once at start-up). */
  sweepMs: number;
  /** A client has this long to send a whole request (headers and body), else 408 and the connection closes. */
  requestTimeoutMs: number;
  /** ...and this long for its headers (at most requestTimeoutMs). */
  headersTimeoutMs: number;
  /** How often connections are checked against those timeouts. */
  connectionCheckMs: number;
  /** Live audiences: a visitor's session ends after this long without a visit. */
  sessionTimeoutMs: number;
  /** Live audiences: how old the engine's snapshot of a history condition may grow before it is renewed. */
  historyRefreshMs: number;
}

export const DEFAULT_SETTINGS: ServerSettings = {
  apiKeys: {},
  corsOrigins: [],
  bodyLimitBytes: 256 * 1024,
  rateLimit: { burst: 60, perSecond: 10 },
  authFailureLimit: { burst: 20, perSecond: 1 },
  liveRateLimit: { burst: 4_000, perSecond: 2_000 },
  keepAliveMs: 15_000,
  pollMs: 250,
  livenessMs: 2_000,
  lockTtlMs: 10_000,
  lockPollMs: 100,
  waitLeaseMs: 5_000,
  shutdownGraceMs: 10_000,
  runTimeoutMs: 5 * 60_000,
  sweepMs: 5_000,
  requestTimeoutMs: 30_000,
  headersTimeoutMs: 10_000,
  connectionCheckMs: 1_000,
  sessionTimeoutMs: 30 * 60_000,
  historyRefreshMs: 5 * 60_000,
};

export interface AppDeps {
  /** The graphs served, by assistant id (`audience-builder`). */
  assistants: AssistantDefinition[];
  /** The saver every graph is compiled with (RedisSaver, or MemorySaver without Redis). */
  checkpointer: BaseCheckpointSaver;
  repositories: Repositories;
  workspaces: WorkspaceDirectory;
  settings?: Partial<ServerSettings>;
  logger: Logger;
  clock?: () => Date;
  /** The reference time of computations (`--now`); default: the clock. */
  referenceTime?: () => Date;
  newId?: () => string;
  metrics?: ServerMetrics;
  /** Public routes mounted before authentication (e.g. the chat widget's files). */
  publicRoutes?: RequestHandler[];
  /** More routes behind authentication (the request's tenant set), mounted after the built-in ones. */
  routes?: ((ctx: ServerContext) => RequestHandler)[];
}

export interface ServerContext {
  repos: Repositories;
  assistants: AssistantRegistry;
  executor: RunExecutor;
  checkpointer: BaseCheckpointSaver;
  workspaces: WorkspaceDirectory;
  settings: ServerSettings;
  clock: () => Date;
  referenceTime: () => Date;
  newId: () => string;
  metrics: ServerMetrics;
  logger: Logger;
  /** Answers `POST /v1/match`: which live audience a visitor is in. */
  live: LiveMatcher;
}
