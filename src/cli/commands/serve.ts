/**
 * `audience-agent serve`: the HTTP service. Opens the workspace, the stores (Redis when
 * REDIS_URL is set, memory otherwise — said in the log), builds the app and listens; SIGTERM
 * or SIGINT stop it gracefully.
 */
import { MemorySaver } from '@langchain/langgraph';
import type { BaseCheckpointSaver } from '@langchain/langgraph-checkpoint';
import type { RequestHandler } from 'express';
import type { Redis } from 'ioredis';
import { pino, type Logger } from 'pino';
import type { Config } from '../../config/env.js';
import { createRedisClient } from '../../checkpoint/redis-client.js';
import { RedisSaver } from '../../checkpoint/redis-saver.js';
import type { EngineName } from '../../engine/types.js';
import { AppError } from '../../errors.js';
import { createInterpreter } from '../../agent/interpreter-factory.js';
import type { Interpreter } from '../../interpreter/types.js';
import { createMemoryRepositories, createRedisRepositories } from '../../repositories/index.js';
import type { InvalidRecordSink } from '../../repositories/stored-records.js';
import type { Repositories } from '../../repositories/types.js';
import { createApp } from '../../server/app.js';
import { audienceBuilderAssistant } from '../../server/assistants/audience-builder.js';
import type { ServerSettings } from '../../server/context.js';
import { listen, type RunningServer } from '../../server/listen.js';
import { LOCAL_TENANT } from '../../server/middleware/auth.js';
import { openWorkspaceFromFlags, parseNow } from '../workspace-option.js';
import { openIngestion } from './serve-ingestion.js';
import { openOwnWorkspaces } from './serve-workspaces.js';
import { keepAudiencesCurrent } from './serve-audience-keeper.js';
import type { WorkspaceDirectory } from '../../server/runs/assistant.js';
import { bindAddress } from './bind-address.js';

export interface ServeFlags {
  port?: string;
  host?: string;
  data?: string;
  now?: string;
  engine?: EngineName;
}

export interface ServeOptions {
  /** The interpreter of conversations (default: from config: offline, or the LLM one). */
  interpreter?: Interpreter;
  logger?: Logger;
  /** Install SIGTERM/SIGINT handlers that stop gracefully and exit (default true). */
  handleSignals?: boolean;
  /** Timing and limits (tests shorten them). */
  settings?: Partial<ServerSettings>;
  /** Namespace of every Redis key (default `audience-agent`; checkpoints under `<prefix>:cp`). */
  redisPrefix?: string;
  /** Public routes mounted before authentication (e.g. `createWidgetRouter()` of src/web). */
  publicRoutes?: RequestHandler[];
}

export interface RunningService extends RunningServer {
  /** Stops accepting, lets running turns finish (grace), closes stores and the workspace. */
  stop(graceMs?: number): Promise<void>;
}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new AppError('invalid_input', `--port must be a port number (got "${value}").`);
  return n;
}

interface Stores {
  repositories: Repositories;
  checkpointer: BaseCheckpointSaver;
  client?: Redis;
}

/** Waits for the first connection (commands are not queued while offline), but not forever. */
function firstConnection(client: Redis, timeoutMs: number): Promise<boolean> {
  if (client.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(false), timeoutMs);
    const onReady = () => done(true);
    function done(ok: boolean) {
      clearTimeout(timer);
      client.off('ready', onReady);
      resolve(ok);
    }
    client.on('ready', onReady);
  });
}

function openStores(config: Config, logger: Logger, prefix = 'audience-agent'): Stores {
  if (!config.redisUrl) {
    logger.warn('REDIS_URL is not set: threads, runs and audiences are kept in memory and lost when the service stops.');
    return { repositories: createMemoryRepositories(), checkpointer: new MemorySaver() };
  }
  let lastError = '';
  // Connects in the background and keeps reconnecting: the service starts (and stays up) while
  // Redis is away, answering 503 store_unavailable until it is back.
  const client = createRedisClient(config.redisUrl, {
    onError: (err) => {
      if (err.message !== lastError) logger.warn({ err: err.message }, 'Redis is unreachable; requests needing it answer 503 until it is back');
      lastError = err.message;
    },
  });
  client.on('ready', () => {
    lastError = '';
    logger.info('Redis connected: threads survive restarts');
  });
  const onInvalidRecord: InvalidRecordSink = (r) => logger.error({ workspace: r.workspace, kind: r.kind, id: r.id, reason: r.reason }, 'skipped a stored record that is not valid');
  return { repositories: createRedisRepositories({ client, prefix, onInvalidRecord }), checkpointer: new RedisSaver({ client, prefix: `${prefix}:cp` }), client };
}

export async function serveCommand(flags: ServeFlags, config: Config, options: ServeOptions = {}): Promise<RunningService> {
  const logger = options.logger ?? pino({ level: config.logLevel });
  const fixedNow = flags.now === undefined ? undefined : parseNow(flags.now);
  const port = parsePort(flags.port, config.port);
  const tenants = [...new Set(Object.values(config.apiKeys))];
  const { host, open, warning } = bindAddress({ host: flags.host ?? config.host, hasKeys: tenants.length > 0, allowOpen: config.allowOpen });
  if (warning) logger.warn(warning);

  const interpreter = options.interpreter ?? createInterpreter(config, { streaming: true });
  const workspace = await openWorkspaceFromFlags({ data: flags.data, engine: flags.engine }, config);
  const own = await openOwnWorkspaces(config, flags.engine ?? config.engine);
  const ingestion = await openIngestion({ config, open, dirOf: (tenant) => own.get(tenant)?.dir ?? workspace.dir, engine: workspace.engine.name, logger });
  const stores = openStores(config, logger, options.redisPrefix);
  if (stores.client && !(await firstConnection(stores.client, 5000))) {
    logger.warn('Redis did not answer within 5 s; starting anyway (503 store_unavailable until it does)');
  }
  const served = new Set(open ? [LOCAL_TENANT] : tenants);
  // A tenant works on its own folder (WORKSPACE_DIRS), else on the service's one; threads and
  // audiences stay apart either way, and a workspace with a write key has its own copy that
  // takes the data sent to it.
  const workspaces: WorkspaceDirectory = { get: async (tenant) => (served.has(tenant) ? (ingestion.workspaces.get(tenant) ?? own.get(tenant) ?? workspace) : undefined) };
  const prefix = options.redisPrefix ?? 'audience-agent';
  const kept = keepAudiencesCurrent({
    config,
    ...(stores.client ? { client: stores.client } : {}),
    prefix,
    audiences: stores.repositories.audiences,
    workspaces,
    referenceTime: fixedNow ? () => fixedNow : () => new Date(),
    logger,
  });
  const service = createApp({
    assistants: [audienceBuilderAssistant({
      interpreter,
      audiences: stores.repositories.audiences,
      glossary: stores.repositories.glossary,
      liveAudiences: stores.repositories.liveAudiences,
      visitors: stores.repositories.visitors,
    })],
    checkpointer: stores.checkpointer,
    repositories: stores.repositories,
    workspaces,
    settings: {
      sessionTimeoutMs: config.live.sessionTimeoutMs,
      historyRefreshMs: config.live.historyRefreshMs,
      liveRateLimit: config.live.rateLimit,
      runTimeoutMs: config.runTimeoutMs,
      ...options.settings,
      apiKeys: config.apiKeys,
      corsOrigins: config.corsOrigins,
    },
    logger,
    ...(fixedNow ? { referenceTime: () => fixedNow } : {}),
    publicRoutes: [...(options.publicRoutes ?? []), ...ingestion.routes],
    routes: kept.routes,
  });
  const running = await listen(service, { port, host });
  logger.info(
    { url: running.url, store: stores.repositories.kind, workspace: workspace.catalog.workspace.name, engine: workspace.engine.name, interpreter: interpreter.name, now: fixedNow?.toISOString() },
    `audience-agent listening on ${running.url}`,
  );

  let stopping: Promise<void> | undefined;
  const stop = (graceMs?: number) =>
    (stopping ??= (async () => {
      await running.close(graceMs);
      await kept.stop();
      stores.client?.disconnect();
      await ingestion.close();
      await Promise.all([...own.values()].map((w) => w.close()));
      await workspace.close();
    })());

  if (options.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'stopping: finishing running turns');
      void stop().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }
  return { ...running, stop };
}
