/**
 * Gives each request an id (echoed in `X-Request-Id`), a logger carrying it, and one log line
 * and metrics sample when the response is done. The lean `/v1/match` path takes its id and
 * records its line and sample with the same functions (without a child logger per request).
 */
import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { ServerMetrics } from '../metrics.js';

const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The client's `X-Request-Id` when it is a sane one, else a new id. */
export function requestIdOf(incoming: string | string[] | undefined): string {
  return typeof incoming === 'string' && SANE_ID.test(incoming) ? incoming : randomUUID();
}

export interface RequestDone {
  method: string;
  /** The route pattern, not the URL (ids would make one metric series per thread); `unmatched` before routing. */
  route: string;
  path: string;
  status: number;
  ms: number;
  tenant: string;
  /** Streams are left out of the duration histogram (their length is the conversation's). */
  stream: boolean;
}

/** The metrics sample and the `request` log line of a finished request; `bindings` are added to the line. */
export function recordRequest({ metrics, log }: { metrics: ServerMetrics; log: Logger }, r: RequestDone, bindings?: Record<string, unknown>): void {
  metrics.httpRequests.inc({ method: r.method, route: r.route, status: String(r.status) });
  if (!r.stream) metrics.httpDuration.observe({ method: r.method, route: r.route }, r.ms / 1000);
  if (log.isLevelEnabled('info')) {
    log.info({ ...bindings, method: r.method, path: r.path, status: r.status, ms: Math.round(r.ms * 10) / 10, tenant: r.tenant || undefined }, 'request');
  }
}

export function requestContext({ logger, metrics }: { logger: Logger; metrics: ServerMetrics }): RequestHandler {
  return (req, res, next) => {
    req.id = requestIdOf(req.get('x-request-id'));
    req.log = logger.child({ request_id: req.id });
    req.tenant = '';
    req.apiKey = '';
    res.setHeader('X-Request-Id', req.id);
    const started = performance.now();
    res.on('finish', () => {
      const route = (req.route as { path?: string } | undefined)?.path ?? 'unmatched';
      recordRequest({ metrics, log: req.log }, {
        method: req.method,
        route: `${req.baseUrl}${route}`,
        path: req.path,
        status: res.statusCode,
        ms: performance.now() - started,
        tenant: req.tenant,
        stream: String(res.getHeader('content-type') ?? '').startsWith('text/event-stream'),
      });
    });
    next();
  };
}
