/**
 * `POST /v1/match` and `POST /v1/match/batch` answered in front of express. A site calls them on
 * every page view, and express's per-request machinery (router, request and response
 * decoration, a child logger, the body parser's streams) allocated several times what the match
 * itself does; at a few hundred requests a second those objects outlived young-generation
 * collections and the pauses set the p99. This path does what the express stack does for these
 * routes, with the same pieces: request id, CORS (corsPolicy), API key (CallerResolver), the
 * match bucket (RateLimiter), the body limit and JSON errors (readJsonBody), validation and the
 * match (MatchHandlers), the error envelope (sendError), the metrics sample and log line
 * (recordRequest). A request it does not take (another path spelling, another body encoding)
 * goes to express, whose routes call the same handlers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { MatchHandler, MatchHandlers } from './match-handlers.js';
import type { ServerMetrics } from './metrics.js';
import type { CallerResolver } from './middleware/auth.js';
import type { CorsPolicy } from './middleware/cors.js';
import { rateLimitKey, type RateLimiter } from './middleware/rate-limit.js';
import { recordRequest, requestIdOf } from './middleware/request-context.js';
import { isPlainJson, readJsonBody } from './read-json-body.js';
import { sendError, sendJson } from './http-errors.js';

export interface MatchFastPathDeps {
  handlers: MatchHandlers;
  callerOf: CallerResolver;
  /** The match routes' bucket, the one the express middleware spends for them too. */
  limiter: RateLimiter;
  cors: CorsPolicy;
  bodyLimitBytes: number;
  metrics: ServerMetrics;
  logger: Logger;
}

/** Takes a request (true) when it is a match this path answers; false leaves it to express. */
export type FastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

const MATCH = '/v1/match';
const MATCH_BATCH = '/v1/match/batch';

export function matchFastPath(deps: MatchFastPathDeps): FastPath {
  const { handlers, callerOf, limiter, cors, bodyLimitBytes, metrics, logger } = deps;

  async function answer(req: IncomingMessage, res: ServerResponse, route: string, handler: MatchHandler): Promise<void> {
    const started = performance.now();
    const requestId = requestIdOf(req.headers['x-request-id']);
    res.setHeader('X-Request-Id', requestId);
    cors(req, res);
    let tenant = '';
    // As in express: failures before the route (key, limit, body) count as `unmatched`.
    let routed = false;
    try {
      // Node joins repeated X-Api-Key headers into one string, as express's req.get gives it.
      const caller = callerOf(req.headers.authorization, req.headers['x-api-key'] as string | undefined, req.socket.remoteAddress);
      tenant = caller.tenant;
      // express's req.ip, as the express routes key it: the socket's address ('trust proxy' is never set).
      limiter.spend(rateLimitKey(caller.apiKey, req.socket.remoteAddress));
      const body = await readJsonBody(req, bodyLimitBytes);
      routed = true;
      sendJson(res, 200, await handler(tenant, body));
    } catch (err) {
      sendError(res, err, { metrics, log: logger, bindings: { request_id: requestId } });
    }
    recordRequest(
      { metrics, log: logger },
      { method: 'POST', route: routed ? route : 'unmatched', path: route, status: res.statusCode, ms: performance.now() - started, tenant, stream: false },
      { request_id: requestId },
    );
  }

  return (req, res) => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const handler = path === MATCH ? handlers.match : path === MATCH_BATCH ? handlers.matchBatch : undefined;
    if (!handler || !isPlainJson(req.headers)) return false;
    void answer(req, res, path, handler);
    return true;
  };
}
