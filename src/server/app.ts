/**
 * The HTTP application, built from injected dependencies and not listening anywhere (listen.ts
 * does that): middleware each in its own module, one router per resource.
 */
import { randomUUID } from 'node:crypto';
import type { RequestListener } from 'node:http';
import express, { type Express } from 'express';
import { createLiveMatcher } from '../live/matcher.js';
import { workspaceLookups } from '../live/workspace-lookups.js';
import { DEFAULT_SETTINGS, type AppDeps, type ServerContext } from './context.js';
import { matchFastPath } from './match-fast-path.js';
import { matchHandlers } from './match-handlers.js';
import { servedWorkspace } from './runs/assistant.js';
import { createServerMetrics } from './metrics.js';
import { auth, callerResolver } from './middleware/auth.js';
import { cors, corsPolicy } from './middleware/cors.js';
import { errorHandler, notFound } from './middleware/error-handler.js';
import { jsonBody } from './middleware/json-body.js';
import { rateLimitByPath, rateLimiter } from './middleware/rate-limit.js';
import { requestContext } from './middleware/request-context.js';
import { buildOpenApi } from './openapi.js';
import { assistantsRouter } from './routes/assistants.js';
import { audienceCopiesRouter } from './routes/audience-copies.js';
import { audiencesRouter } from './routes/audiences.js';
import { catalogRouter } from './routes/catalog.js';
import { computeRouter } from './routes/compute.js';
import { healthRouter } from './routes/health.js';
import { liveRouter } from './routes/live.js';
import { cronsRouter, metaRouter } from './routes/meta.js';
import { metricsRouter } from './routes/metrics.js';
import { runsRouter } from './routes/runs.js';
import { storeRouter } from './routes/store.js';
import { threadChangesRouter } from './routes/thread-changes.js';
import { threadsRouter } from './routes/threads.js';
import { AssistantRegistry } from './runs/assistant.js';
import { RunExecutor } from './runs/run-executor.js';
import './express-request.js';

export const SERVICE_VERSION = '0.1.0';

/** Paths (with everything under them, so the batch form too) limited by `liveRateLimit` instead of `rateLimit`. */
const MATCH_PATHS = ['/v1/match'];

export interface ServiceApp {
  app: Express;
  /** What the HTTP server runs per request: matches on the lean path (match-fast-path.ts), everything else through `app`. */
  handle: RequestListener;
  context: ServerContext;
  /** Readiness turns 503 and new runs are refused; running ones get `graceMs` to finish. */
  shutdown(graceMs?: number): Promise<void>;
}

export function createApp(deps: AppDeps): ServiceApp {
  const settings = { ...DEFAULT_SETTINGS, ...deps.settings };
  const clock = deps.clock ?? (() => new Date());
  const referenceTime = deps.referenceTime ?? clock;
  const newId = deps.newId ?? randomUUID;
  const metrics = deps.metrics ?? createServerMetrics();
  const assistants = new AssistantRegistry(deps.assistants, deps.checkpointer);
  const executor = new RunExecutor({
    repositories: deps.repositories,
    assistants,
    workspaces: deps.workspaces,
    clock,
    referenceTime,
    newId,
    logger: deps.logger,
    metrics,
    timing: settings,
  });
  executor.startSweeping();
  const workspaceOf = (tenant: string) => servedWorkspace(deps.workspaces, tenant);
  const live = createLiveMatcher({
    liveAudiences: deps.repositories.liveAudiences,
    visitors: deps.repositories.visitors,
    lookupFor: workspaceLookups({
      engineFor: async (tenant) => (await workspaceOf(tenant)).engine,
      refreshMs: settings.historyRefreshMs,
      clock,
    }),
    workspaceFor: workspaceOf,
    clock,
    referenceTime,
    sessionTimeoutMs: settings.sessionTimeoutMs,
    onUnusable: (workspace, audience, reason) => deps.logger.error({ workspace, live_audience_id: audience.id, reason }, 'a live audience does not validate against its workspace: it never matches until it is fixed'),
  });
  const context: ServerContext = {
    repos: deps.repositories,
    assistants,
    executor,
    checkpointer: deps.checkpointer,
    workspaces: deps.workspaces,
    settings,
    clock,
    referenceTime,
    newId,
    metrics,
    logger: deps.logger,
    live,
  };
  let shuttingDown = false;
  const openapi = buildOpenApi(SERVICE_VERSION);

  // Shared by the express stack and the lean match path: one key check, one set of buckets, one CORS policy, one handler.
  const callerOf = callerResolver({ apiKeys: settings.apiKeys, failures: settings.authFailureLimit });
  const matchLimiter = rateLimiter(settings.liveRateLimit);
  const corsOf = corsPolicy({ origins: settings.corsOrigins });
  const match = matchHandlers(context);

  const app = express();
  app.disable('x-powered-by');
  app.use(requestContext({ logger: deps.logger, metrics }));
  app.use(cors(corsOf));
  app.use(healthRouter(context, () => shuttingDown));
  app.use(metricsRouter(context));
  app.get('/openapi.json', (_req, res) => void res.json(openapi));
  app.use(metaRouter(SERVICE_VERSION));
  for (const route of deps.publicRoutes ?? []) app.use(route);
  app.use(auth(callerOf));
  app.use(rateLimitByPath({ paths: MATCH_PATHS, limit: matchLimiter, otherwise: rateLimiter(settings.rateLimit) }));
  app.use(...jsonBody({ limitBytes: settings.bodyLimitBytes }));
  // First: a site calls /v1/match on every page view, so it should not be matched against the other routers' paths.
  app.use(liveRouter(context, match));
  app.use(threadsRouter(context));
  app.use(threadChangesRouter(context));
  app.use(runsRouter(context));
  app.use(cronsRouter());
  app.use(assistantsRouter(context));
  app.use(storeRouter(context));
  app.use(catalogRouter(context));
  app.use(computeRouter(context));
  app.use(audiencesRouter(context));
  app.use(audienceCopiesRouter(context));
  for (const route of deps.routes ?? []) app.use(route(context));
  app.use(notFound);
  app.use(errorHandler({ metrics }));

  const fastPath = matchFastPath({
    handlers: match,
    callerOf,
    limiter: matchLimiter,
    cors: corsOf,
    bodyLimitBytes: settings.bodyLimitBytes,
    metrics,
    logger: deps.logger,
  });

  return {
    app,
    handle: (req, res) => {
      if (!fastPath(req, res)) app(req, res);
    },
    context,
    async shutdown(graceMs = settings.shutdownGraceMs) {
      shuttingDown = true;
      await executor.drain(graceMs);
    },
  };
}
