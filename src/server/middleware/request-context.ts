/**
 * Gives each request an id (echoed in `X-Request-Id`), a logger carrying it, and one log line
 * and metrics sample when the response is done.
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ServerMetrics } from '../metrics.js';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestContext({ logger, metrics }: { logger: Logger; metrics: ServerMetrics }): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    req.id = incoming && SANE_ID.test(incoming) ? incoming : randomUUID();
    req.log = logger.child({ request_id: req.id });
    req.tenant = '';
    req.apiKey = '';
    res.setHeader('X-Request-Id', req.id);
    const started = performance.now();
    res.on('finish', () => {
      // The route pattern, not the URL: ids would make one metric series per thread.
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      const ms = performance.now() - started;
      const status = String(res.statusCode);
      metrics.httpRequests.inc({ method: req.method, route: `${req.baseUrl}${route}`, status });
      if (!String(res.getHeader('content-type') ?? '').startsWith('text/event-stream')) {
        metrics.httpDuration.observe({ method: req.method, route: `${req.baseUrl}${route}` }, ms / 1000);
      }
      req.log.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10, tenant: req.tenant || undefined }, 'request');
    });
    next();
  };
}
